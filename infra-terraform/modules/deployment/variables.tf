variable "manifest_path" {
  description = "Path of functions/functions.json."
  type        = string
}

variable "name_prefix" {
  description = "First part of every Lambda name: <name_prefix>-<environment>-<function or module task>."
  type        = string
}

variable "environment" {
  description = "Environment name (dev, staging, prod, local)."
  type        = string
}

variable "partition" {
  description = "AWS partition (aws, aws-cn, aws-us-gov), for the ARNs built here."
  type        = string
  default     = "aws"
}

variable "region" {
  description = "AWS region, for the log group ARNs built here."
  type        = string
}

variable "account_id" {
  description = "AWS account id, for the log group ARNs built here."
  type        = string
}

variable "in_vpc" {
  description = "Whether the Lambdas run in a VPC (they then need the ENI permissions)."
  type        = bool
}

variable "snapstart" {
  description = "SnapStart on the published versions of the function and sweeper Lambdas (migrations never use it)."
  type        = bool
  default     = true
}

variable "db_url" {
  description = "SHOP_DB_URL: JDBC URL of Postgres, without credentials."
  type        = string
}

variable "db_secret_arn" {
  description = "SHOP_DB_SECRET_ARN: Secrets Manager secret with the Postgres credentials (RDS-style JSON: username, password)."
  type        = string
}

variable "admin_token_secret_arn" {
  description = "SHOP_ADMIN_TOKEN_SECRET_ARN: Secrets Manager secret holding the admin bearer token (plain string); given to functions with admin routes only."
  type        = string
}

variable "secrets_kms_key_arns" {
  description = "Customer-managed KMS keys encrypting the secrets (adds kms:Decrypt on exactly these); empty when the secrets use the AWS managed key."
  type        = list(string)
  default     = []
}

variable "redis_url" {
  description = "SHOP_REDIS_URL (redis:// or rediss://)."
  type        = string
}

variable "kafka" {
  description = <<-EOT
    Kafka as the functions reach it: bootstrap_brokers (SHOP_KAFKA_BOOTSTRAP), auth (SHOP_KAFKA_AUTH: aws-msk-iam
    or none) and, with aws-msk-iam, the MSK cluster ARN that topic and group grants are scoped to.
  EOT
  type = object({
    bootstrap_brokers = string
    auth              = string
    cluster_arn       = optional(string)
  })
}

variable "http_payload" {
  description = "The API Gateway event payload the HTTP functions receive: 2.0 (HTTP API) or 1.0 (REST API, LocalStack community); 1.0 runs the module's <httpHandler>Rest adapter."
  type        = string
  default     = "2.0"
  validation {
    condition     = contains(["2.0", "1.0"], var.http_payload)
    error_message = "http_payload must be 2.0 or 1.0."
  }
}

variable "kafka_triggers" {
  description = "Whether Kafka consumers get MSK event source mappings (false where there is no MSK, e.g. LocalStack community)."
  type        = bool
}

variable "failure_destination" {
  description = "On-failure destination of the event source mappings: { arn, service (sqs, sns or s3) }; required when kafka_triggers is on."
  type = object({
    arn     = string
    service = string
  })
  default = null
}

variable "consumer" {
  description = <<-EOT
    Event source mapping settings for every Kafka consumer. Retries must be bounded (0-10000; -1, infinite, is
    rejected); bisect splits a failing batch; partial batch responses (ReportBatchItemFailures) are always on.
  EOT
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

variable "admin_jwt" {
  description = "Whether admin routes use the API Gateway JWT authorizer (their functions then get SHOP_ADMIN_AUTH=gateway-jwt)."
  type        = bool
  default     = false
}

variable "public_base_url" {
  description = "SHOP_ASSISTANT_BASE_URL: the shop's public base URL (the HTTP API's invoke URL or a custom domain)."
  type        = string
}

variable "migration" {
  description = "Memory and timeout of the per-module migration Lambdas (<prefix>-<env>-<module>-migrate)."
  type = object({
    memory_mb       = optional(number, 1024)
    timeout_seconds = optional(number, 300)
  })
  default = {}
}

variable "outbox_sweep" {
  description = "The per-module outbox sweepers (<prefix>-<env>-<module>-sweep-outbox): schedule, memory, timeout."
  type = object({
    schedule        = optional(string, "rate(1 minute)")
    memory_mb       = optional(number, 512)
    timeout_seconds = optional(number, 60)
  })
  default = {}
}

variable "alarms" {
  description = "Alarm thresholds: errors and throttles per Lambda (sum over period), consumer offset lag (maximum)."
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

variable "java_tool_options" {
  description = "JAVA_TOOL_OPTIONS of every Lambda."
  type        = string
  default     = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
}

variable "extra_environment" {
  description = "Extra environment variables for every Lambda (e.g. logging levels). Cannot override the ones set here."
  type        = map(string)
  default     = {}
}
