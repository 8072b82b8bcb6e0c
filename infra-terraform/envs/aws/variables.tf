variable "region" {
  description = "AWS region."
  type        = string
}

variable "environment" {
  description = "Environment name (dev, staging, prod); part of every resource name and tag."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,15}$", var.environment))
    error_message = "environment: lower case letters, digits and dashes, at most 16 characters."
  }
}

variable "name_prefix" {
  description = "Prefix of resource names: <name_prefix>-<environment>-<function>."
  type        = string
  default     = "shop"
}

variable "manifest_path" {
  description = "The function manifest, relative to this directory."
  type        = string
  default     = "../../../functions/functions.json"
}

variable "artifacts_dir" {
  description = "Directory holding the function modules; jars are read from <artifacts_dir>/<module>/target/."
  type        = string
  default     = "../../../functions"
}

variable "artifact_version" {
  description = "Maven version in the jar name."
  type        = string
  default     = "0.1.0-SNAPSHOT"
}

variable "artifact_classifier" {
  description = "Classifier of the Lambda jar: <artifact>-<version>-<classifier>.jar."
  type        = string
  default     = "aws"
}

variable "artifacts_bucket" {
  description = "Your S3 bucket for the Lambda jars (they exceed Lambda's 50 MB direct upload); null creates one."
  type        = string
  default     = null
}

variable "vpc_id" {
  description = "Your VPC: the Lambdas, Postgres, Redis and MSK go into its private subnets."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets in at least two AZs (Lambdas, Postgres, Redis, MSK, VPC endpoints)."
  type        = list(string)
}

variable "lambda_security_group_ids" {
  description = "Bring your own Lambda security groups; empty creates one."
  type        = list(string)
  default     = []
}

variable "vpc_endpoint_services" {
  description = "Interface VPC endpoints to create; [] when the subnets have a NAT or endpoints of their own."
  type        = list(string)
  default     = ["secretsmanager", "sts", "lambda", "sqs"]
}

variable "existing_kafka" {
  description = "Bring your own MSK cluster (IAM auth): { cluster_arn, bootstrap_brokers, security_group_id }; null creates MSK Serverless."
  type = object({
    cluster_arn       = string
    bootstrap_brokers = string
    security_group_id = optional(string)
  })
  default = null
}

variable "existing_postgres" {
  description = "Bring your own Postgres: { jdbc_url, secret_arn, secret_kms_key_arn }; null creates Aurora PostgreSQL Serverless v2."
  type = object({
    jdbc_url           = string
    secret_arn         = string
    secret_kms_key_arn = optional(string)
  })
  default = null
}

variable "postgres_min_capacity" {
  description = "Aurora Serverless v2 minimum ACUs."
  type        = number
  default     = 0.5
}

variable "postgres_max_capacity" {
  description = "Aurora Serverless v2 maximum ACUs."
  type        = number
  default     = 4
}

variable "postgres_deletion_protection" {
  description = "Protect the created cluster from deletion (and take a final snapshot); false for throw-away environments."
  type        = bool
  default     = true
}

variable "existing_redis_url" {
  description = "Bring your own Redis (redis:// or rediss:// URL); null creates ElastiCache Serverless (Valkey)."
  type        = string
  default     = null
}

variable "existing_admin_token_secret_arn" {
  description = "Bring your own admin token secret (plain string); null generates one."
  type        = string
  default     = null
}

variable "secrets_kms_key_arn" {
  description = "Customer-managed KMS key for the secrets created here; null uses the AWS managed key."
  type        = string
  default     = null
}

variable "consumer" {
  description = "Kafka event source mapping settings: batch_size, maximum_batching_window_in_seconds, maximum_retry_attempts (bounded), maximum_record_age_in_seconds, bisect_batch_on_function_error, starting_position, minimum_pollers, maximum_pollers."
  type = object({
    batch_size                         = optional(number, 100)
    maximum_batching_window_in_seconds = optional(number, 1)
    maximum_retry_attempts             = optional(number, 10)
    maximum_record_age_in_seconds      = optional(number, -1)
    bisect_batch_on_function_error     = optional(bool, true)
    starting_position                  = optional(string, "TRIM_HORIZON")
    minimum_pollers                    = optional(number, 1)
    maximum_pollers                    = optional(number, 2)
  })
  default = {}
}

variable "consumer_failure_destination_arn" {
  description = "Bring your own on-failure destination of the Kafka consumers (SQS, SNS or S3 ARN); null creates an SQS queue."
  type        = string
  default     = null
}

variable "jwt" {
  description = "JWT authorizer on the admin routes: { issuer, audience, admin_scope }; null keeps the bearer admin token."
  type = object({
    issuer      = string
    audience    = list(string)
    admin_scope = optional(string, "shop:admin")
  })
  default = null
}

variable "public_base_url" {
  description = "A custom domain in front of the HTTP API (https://shop.example.com); null uses the API's own URL."
  type        = string
  default     = null
}

variable "snapstart" {
  description = "Enable Lambda SnapStart (on published versions)."
  type        = bool
  default     = true
}

variable "log_retention_days" {
  description = "CloudWatch retention for function and API access logs."
  type        = number
  default     = 30
}

variable "api_throttling_burst_limit" {
  description = "HTTP API default route burst limit."
  type        = number
  default     = 200
}

variable "api_throttling_rate_limit" {
  description = "HTTP API default route rate limit (requests per second)."
  type        = number
  default     = 100
}

variable "schedule_timezone" {
  description = "Time zone of the manifest's cron(...)/at(...) schedules (rate(...) ignores it)."
  type        = string
  default     = "UTC"
}

variable "alarm_topic_arn" {
  description = "Bring your own SNS topic for alarms; null creates one."
  type        = string
  default     = null
}

variable "alarm_emails" {
  description = "E-mail subscriptions of the created alarm topic."
  type        = list(string)
  default     = []
}

variable "step_functions" {
  description = "Also deploy the modules' *.asl.json workflows as Step Functions state machines. Off: the participants answer through Kafka, not SendTaskSuccess."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Extra tags applied to every resource (e.g. cost-center)."
  type        = map(string)
  default     = {}
}
