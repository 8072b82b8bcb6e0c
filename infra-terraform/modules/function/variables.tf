variable "lambda_name" {
  description = "The Lambda function name (<name_prefix>-<environment>-<function or module task>)."
  type        = string
}

variable "description" {
  description = "The Lambda description."
  type        = string
}

variable "tag_function" {
  description = "The function tag: the manifest function name, or the module task (<module>-migrate, <module>-sweep-outbox)."
  type        = string
}

variable "module_name" {
  description = "The manifest module the Lambda belongs to (tag)."
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
  description = "Memory (the manifest's memoryMb for functions)."
  type        = number
}

variable "timeout_seconds" {
  description = "Timeout (the manifest's timeoutSeconds for functions)."
  type        = number
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

variable "publish_alias" {
  description = "Publish versions and keep alias `live` on the latest (functions, sweepers); false for the migration Lambdas, invoked as $LATEST."
  type        = bool
  default     = true
}

variable "snapstart" {
  description = "Enable SnapStart on published versions (only with publish_alias)."
  type        = bool
  default     = true
}

variable "environment_variables" {
  description = "The Lambda's whole environment (modules/deployment builds it)."
  type        = map(string)
}

variable "policy_statements" {
  description = "The execution role's IAM statements (modules/deployment builds them; check.sh inspects them)."
  type = list(object({
    Sid      = string
    Effect   = string
    Action   = list(string)
    Resource = list(string)
  }))
}

variable "deploy_after" {
  description = "A value the alias waits for (the module migration's result): the alias moves only once it is known."
  type        = string
  default     = ""
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
