variable "name" {
  description = "Cache name (<name_prefix>-<environment>)."
  type        = string
}

variable "environment" {
  description = "Environment name, for tags."
  type        = string
}

variable "existing_url" {
  description = "Bring your own Redis: its URL (redis:// or rediss://); null creates ElastiCache Serverless."
  type        = string
  default     = null
}

variable "vpc_id" {
  description = "VPC of the created cache."
  type        = string
  default     = null
}

variable "subnet_ids" {
  description = "Subnets of the created cache."
  type        = list(string)
  default     = []
}

variable "client_security_group_ids" {
  description = "Security groups allowed to reach the created cache (the Lambdas')."
  type        = list(string)
  default     = []
}

variable "engine" {
  description = "valkey or redis."
  type        = string
  default     = "valkey"
}

variable "major_engine_version" {
  description = "Major engine version (valkey 8, redis 7)."
  type        = string
  default     = "8"
}

variable "max_data_storage_gb" {
  description = "Upper bound of cached data (cost ceiling)."
  type        = number
  default     = 5
}

variable "max_ecpu_per_second" {
  description = "Upper bound of ElastiCache Processing Units per second (cost ceiling)."
  type        = number
  default     = 5000
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}
