variable "name" {
  description = "Secret name prefix (<name_prefix>-<environment>)."
  type        = string
}

variable "environment" {
  description = "Environment name, for tags."
  type        = string
}

variable "existing_admin_token_secret_arn" {
  description = "Bring your own admin token secret (plain string); null generates one."
  type        = string
  default     = null
}

variable "create_db_secret" {
  description = "Create a Postgres credentials secret from db_credentials (when Postgres has no RDS-managed secret)."
  type        = bool
  default     = false
}

variable "db_credentials" {
  description = "The Postgres user and password for the created secret (with create_db_secret)."
  type = object({
    username = string
    password = string
  })
  default   = null
  sensitive = true
}

variable "kms_key_arn" {
  description = "Customer-managed KMS key for the created secrets; null uses the AWS managed key."
  type        = string
  default     = null
}

variable "recovery_window_in_days" {
  description = "Days a deleted secret can be restored (0 deletes at once)."
  type        = number
  default     = 7
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}
