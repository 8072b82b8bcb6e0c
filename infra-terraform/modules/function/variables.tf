variable "name" {
  description = "The function's name in the manifest."
  type        = string
}

variable "module_name" {
  description = "The manifest module the function belongs to."
  type        = string
}

variable "lambda_name" {
  description = "The Lambda function name (prefixed with project and environment)."
  type        = string
}

variable "environment" {
  description = "Environment name, for tags."
  type        = string
}

variable "handler" {
  description = "The Spring Cloud Function AWS adapter's entry point."
  type        = string
  default     = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest"
}

variable "runtime" {
  description = "Lambda runtime."
  type        = string
  default     = "java21"
}

variable "memory_mb" {
  description = "Memory from the manifest (memoryMb)."
  type        = number
}

variable "timeout_seconds" {
  description = "Timeout from the manifest (timeoutSeconds)."
  type        = number
}

variable "spring_function_definition" {
  description = "SPRING_CLOUD_FUNCTION_DEFINITION: the module's httpHandler for HTTP functions, the function name for consumers and scheduled functions."
  type        = string
}

variable "main_class" {
  description = "The module's Spring Boot application class (MAIN_CLASS for the adapter); null to rely on the jar manifest."
  type        = string
  default     = null
}

variable "artifact" {
  description = "The Lambda jar: a local filename, or an S3 bucket/key; source_code_hash triggers a new published version."
  type = object({
    filename         = optional(string)
    s3_bucket        = optional(string)
    s3_key           = optional(string)
    source_code_hash = string
  })
}

variable "snapstart" {
  description = "Enable SnapStart on published versions."
  type        = bool
  default     = true
}

variable "java_tool_options" {
  description = "JAVA_TOOL_OPTIONS for the function."
  type        = string
  default     = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
}

variable "environment_variables" {
  description = "Shared environment variables (datasource URL, Redis, Kafka bootstrap, secret ARNs)."
  type        = map(string)
  default     = {}
}

variable "subnet_ids" {
  description = "VPC subnets for the function; empty runs it outside a VPC."
  type        = list(string)
  default     = []
}

variable "security_group_ids" {
  description = "Security groups for the function's ENIs."
  type        = list(string)
  default     = []
}

variable "log_retention_days" {
  description = "CloudWatch log retention."
  type        = number
}

variable "secret_arns" {
  description = "Secrets Manager ARNs the function may read."
  type        = list(string)
  default     = []
}

variable "kms_key_arn" {
  description = "Customer-managed KMS key encrypting the secrets, if any (adds kms:Decrypt)."
  type        = string
  default     = null
}

variable "msk_cluster_arn" {
  description = "The MSK cluster ARN; topic and group ARNs are derived from it."
  type        = string
  default     = null
}

variable "consumed_topics" {
  description = "Kafka topic names the function consumes through an event source mapping."
  type        = list(string)
  default     = []
}

variable "consumer_group_ids" {
  description = "Consumer group ids of the function's event source mappings."
  type        = list(string)
  default     = []
}

variable "produced_topics" {
  description = "Kafka topic names the function (its module's outbox relay) writes to."
  type        = list(string)
  default     = []
}

variable "on_failure_destination_arn" {
  description = "SQS/SNS/S3 ARN receiving records of discarded Kafka batches (consumers only); null for none."
  type        = string
  default     = null
}

variable "alias_name" {
  description = "The alias that API Gateway, event source mappings and schedules invoke."
  type        = string
  default     = "live"
}

variable "tags" {
  description = "Extra tags; function, module and environment are always set."
  type        = map(string)
  default     = {}
}
