variable "name" {
  description = "Cluster identifier (<name_prefix>-<environment>)."
  type        = string
}

variable "environment" {
  description = "Environment name, for tags."
  type        = string
}

variable "existing" {
  description = "Bring your own Postgres: { jdbc_url (no credentials), secret_arn (RDS-style JSON: username, password), secret_kms_key_arn (optional, a customer-managed key of that secret) }; null creates Aurora Serverless v2."
  type = object({
    jdbc_url           = string
    secret_arn         = string
    secret_kms_key_arn = optional(string)
  })
  default = null
}

variable "vpc_id" {
  description = "VPC of the created cluster."
  type        = string
  default     = null
}

variable "subnet_ids" {
  description = "Subnets of the created cluster (at least two AZs)."
  type        = list(string)
  default     = []
}

variable "client_security_group_ids" {
  description = "Security groups allowed to reach the created cluster on 5432 (the Lambdas')."
  type        = list(string)
  default     = []
}

variable "engine_version" {
  description = "Aurora PostgreSQL version."
  type        = string
  default     = "16.6"
}

variable "database_name" {
  description = "Database the modules' schemas live in."
  type        = string
  default     = "shop"
}

variable "master_username" {
  description = "Master user; its password lives only in the RDS-managed secret."
  type        = string
  default     = "shop"
}

variable "min_capacity" {
  description = "Minimum ACUs (0 lets the cluster pause when idle, on engine versions that support it)."
  type        = number
  default     = 0.5
}

variable "max_capacity" {
  description = "Maximum ACUs."
  type        = number
  default     = 4
}

variable "instances" {
  description = "Serverless v2 instances (1 writer, the rest readers in other AZs)."
  type        = number
  default     = 1
}

variable "backup_retention_days" {
  description = "Automated backup retention."
  type        = number
  default     = 7
}

variable "deletion_protection" {
  description = "Refuse to delete the cluster."
  type        = bool
  default     = true
}

variable "skip_final_snapshot" {
  description = "Delete without a final snapshot."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}
