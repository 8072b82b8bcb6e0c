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
  default     = "../functions/functions.json"
}

variable "artifacts_dir" {
  description = "Directory holding the function modules; jars are read from <artifacts_dir>/<module>/target/."
  type        = string
  default     = "../functions"
}

variable "artifact_version" {
  description = "Maven version in the jar name."
  type        = string
  default     = "0.1.0-SNAPSHOT"
}

variable "artifact_classifier" {
  description = "Classifier of the shaded Lambda jar: <artifact>-<version>-<classifier>.jar."
  type        = string
  default     = "aws"
}

variable "artifacts_bucket" {
  description = "Optional S3 bucket to upload the jars to (needed when a jar exceeds Lambda's 50 MB direct upload). null uploads directly."
  type        = string
  default     = null
}

variable "lambda_subnet_ids" {
  description = "Private subnets for the Lambdas (must reach Postgres, Redis, MSK and Secrets Manager)."
  type        = list(string)
}

variable "lambda_security_group_ids" {
  description = "Security groups for the Lambdas' ENIs."
  type        = list(string)
}

variable "msk_cluster_arn" {
  description = "ARN of the existing MSK cluster."
  type        = string
}

variable "msk_bootstrap_brokers" {
  description = "Bootstrap brokers the functions' outbox relay produces to (SHOP_KAFKA_BOOTSTRAP)."
  type        = string
}

variable "postgres_jdbc_url" {
  description = "JDBC URL of Postgres (SPRING_DATASOURCE_URL), without credentials."
  type        = string
}

variable "postgres_secret_arn" {
  description = "Secrets Manager ARN of the Postgres credentials (username/password JSON)."
  type        = string
}

variable "redis_url" {
  description = "ElastiCache Redis URL (SHOP_REDIS_URI), e.g. rediss://primary.xxx.cache.amazonaws.com:6379."
  type        = string
}

variable "admin_token_secret_arn" {
  description = "Secrets Manager ARN of the admin bearer token; readable only by functions with an admin route."
  type        = string
}

variable "secrets_kms_key_arn" {
  description = "Customer-managed KMS key of the secrets, if they do not use the AWS managed key."
  type        = string
  default     = null
}

variable "log_retention_days" {
  description = "CloudWatch retention for function and API access logs."
  type        = number
  default     = 30
}

variable "snapstart" {
  description = "Enable Lambda SnapStart (on published versions)."
  type        = bool
  default     = true
}

variable "consumer_batch_size" {
  description = "Maximum Kafka records per consumer invocation."
  type        = number
  default     = 100
}

variable "consumer_failure_destination_arn" {
  description = "On-failure destination (DLQ) for discarded Kafka batches: SQS queue, SNS topic or S3 bucket ARN. null = none."
  type        = string
  default     = null
}

variable "schedule_timezone" {
  description = "Time zone of the manifest's cron(...)/at(...) schedules (rate(...) ignores it)."
  type        = string
  default     = "UTC"
}

variable "step_functions" {
  description = "Also deploy the function modules' *.asl.json workflows as Step Functions state machines (their Tasks resolved to the live aliases). Off: the participants answer through Kafka, not SendTaskSuccess."
  type        = bool
  default     = false
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

variable "tags" {
  description = "Extra tags applied to every resource (e.g. cost-center)."
  type        = map(string)
  default     = {}
}
