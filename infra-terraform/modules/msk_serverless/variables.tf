variable "name" {
  description = "Cluster name (<name_prefix>-<environment>)."
  type        = string
}

variable "environment" {
  description = "Environment name, for tags."
  type        = string
}

variable "existing" {
  description = "Bring your own MSK cluster with IAM auth: { cluster_arn, bootstrap_brokers (its SASL/IAM brokers), security_group_id (optional: its pollers' group, given VPC endpoint access) }; null creates MSK Serverless."
  type = object({
    cluster_arn       = string
    bootstrap_brokers = string
    security_group_id = optional(string)
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
  description = "Security groups allowed to reach the created cluster on 9098 (the Lambdas')."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}
