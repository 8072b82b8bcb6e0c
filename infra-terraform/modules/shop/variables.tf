variable "manifest_path" {
  description = "functions/functions.json: everything about functions, routes, topics, memory and timeouts comes from it."
  type        = string
}

variable "name_prefix" {
  description = "Prefix of resource names: <name_prefix>-<environment>-<function>."
  type        = string
}

variable "environment" {
  description = "Environment name; part of every resource name and tag."
  type        = string
}

variable "region" {
  description = "AWS region."
  type        = string
}

variable "artifacts_dir" {
  description = "Directory holding the function modules; jars are read from <artifacts_dir>/<module>/target/."
  type        = string
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
  description = "S3 bucket the jars are uploaded to when artifacts_upload is \"s3\" (the jars exceed Lambda's 50 MB direct upload)."
  type        = string
  default     = null
}

variable "artifacts_upload" {
  description = "How the jars reach Lambda: \"s3\" (through artifacts_bucket) or \"direct\" (only under 50 MB, e.g. LocalStack). Known at plan time, unlike a bucket created in the same apply."
  type        = string
  default     = "s3"

  validation {
    condition     = contains(["s3", "direct"], var.artifacts_upload)
    error_message = "artifacts_upload must be \"s3\" or \"direct\"."
  }
}

variable "subnet_ids" {
  description = "Private subnets of the Lambdas; empty runs them outside a VPC."
  type        = list(string)
  default     = []
}

variable "security_group_ids" {
  description = "Security groups of the Lambdas' ENIs."
  type        = list(string)
  default     = []
}

variable "db_url" {
  description = "SHOP_DB_URL: JDBC URL of Postgres, without credentials."
  type        = string
}

variable "db_secret_arn" {
  description = "SHOP_DB_SECRET_ARN: the Postgres credentials secret (RDS-style JSON: username, password)."
  type        = string
}

variable "admin_token_secret_arn" {
  description = "SHOP_ADMIN_TOKEN_SECRET_ARN: the admin bearer token secret (plain string)."
  type        = string
}

variable "secrets_kms_key_arns" {
  description = "Customer-managed KMS keys of those secrets (kms:Decrypt); empty with the AWS managed key."
  type        = list(string)
  default     = []
}

variable "redis_url" {
  description = "SHOP_REDIS_URL."
  type        = string
}

variable "kafka" {
  description = "{ bootstrap_brokers (SHOP_KAFKA_BOOTSTRAP), auth (SHOP_KAFKA_AUTH: aws-msk-iam or none), cluster_arn (MSK, with aws-msk-iam) }."
  type = object({
    bootstrap_brokers = string
    auth              = string
    cluster_arn       = optional(string)
  })
}

variable "kafka_triggers" {
  description = "Create the MSK event source mappings of the Kafka consumers."
  type        = bool
  default     = true
}

variable "consumer" {
  description = "Event source mapping settings (see modules/deployment): batch size and window, bounded retries, record age, bisect, starting position, provisioned pollers."
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
  description = "Bring your own on-failure destination (SQS queue, SNS topic or S3 bucket ARN); null creates an SQS queue."
  type        = string
  default     = null
}

variable "snapstart" {
  description = "SnapStart on the published function and sweeper versions."
  type        = bool
  default     = true
}

variable "log_retention_days" {
  description = "CloudWatch retention of function and API logs."
  type        = number
  default     = 30
}

variable "api_gateway" {
  description = "http: an HTTP API (payload 2.0; AWS, LocalStack with an auth token). rest: a REST API (payload 1.0; LocalStack community has no HTTP APIs)."
  type        = string
  default     = "http"

  validation {
    condition     = contains(["http", "rest"], var.api_gateway)
    error_message = "api_gateway must be http or rest."
  }
}

variable "jwt" {
  description = "JWT authorizer on the admin routes (HTTP API only): { issuer, audience, admin_scope }; null keeps the bearer admin token."
  type = object({
    issuer      = string
    audience    = list(string)
    admin_scope = string
  })
  default = null
}

variable "public_base_url" {
  description = "The shop's public base URL (a custom domain in front of the API); null uses the API's own URL. Functions get it as SHOP_ASSISTANT_BASE_URL."
  type        = string
  default     = null
}

variable "localstack_url" {
  description = "LocalStack's edge URL as the Lambda containers reach it (e.g. http://localstack:4566): SHOP_ASSISTANT_BASE_URL then uses LocalStack's execute-api path. null on AWS."
  type        = string
  default     = null
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

variable "migration" {
  description = "Memory and timeout of the migration Lambdas."
  type = object({
    memory_mb       = optional(number, 1024)
    timeout_seconds = optional(number, 300)
  })
  default = {}
}

variable "outbox_sweep" {
  description = "Schedule, memory and timeout of the outbox sweepers."
  type = object({
    schedule        = optional(string, "rate(1 minute)")
    memory_mb       = optional(number, 512)
    timeout_seconds = optional(number, 60)
  })
  default = {}
}

variable "infrastructure_ready" {
  description = "Ids of what the migrations must find running (database instances, VPC endpoints, the Kafka cluster); they are invoked after these exist."
  type        = list(string)
  default     = []
}

variable "schedule_timezone" {
  description = "Time zone of the manifest's cron(...)/at(...) schedules."
  type        = string
  default     = "UTC"
}

variable "alarms" {
  description = "Alarm thresholds (see modules/deployment)."
  type = object({
    period_seconds             = optional(number, 300)
    errors_threshold           = optional(number, 0)
    throttles_threshold        = optional(number, 0)
    offset_lag_threshold       = optional(number, 1000)
    offset_lag_periods         = optional(number, 3)
    failure_messages_threshold = optional(number, 0)
  })
  default = {}
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
  description = "Also deploy the modules' *.asl.json workflows as Step Functions state machines (off: the participants answer through Kafka)."
  type        = bool
  default     = false
}

variable "java_tool_options" {
  description = "JAVA_TOOL_OPTIONS of every Lambda."
  type        = string
  default     = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
}

variable "extra_environment" {
  description = "Extra environment variables for every Lambda."
  type        = map(string)
  default     = {}
}
