variable "kubeconfig_path" {
  description = "Kube config of the cluster with Knative Serving and Knative Eventing's KafkaSource installed."
  type        = string
  default     = "~/.kube/config"
}

variable "kube_context" {
  description = "Context in the kube config; null for the current one."
  type        = string
  default     = null
}

variable "namespace" {
  description = "Namespace of the shop; must match the --namespace the resources were generated with."
  type        = string
  default     = "shop"
}

variable "resources_path" {
  description = "The Knative resources generated from functions.json: deploy-knative --dry-run > knative.yaml."
  type        = string
  default     = "knative.yaml"
}

variable "db_url" {
  description = "JDBC URL of the shop's Postgres."
  type        = string
}

variable "redis_url" {
  description = "Redis URL for the catalog's cache."
  type        = string
}

variable "db_user" {
  type = string
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "admin_token" {
  description = "Bearer token of the admin routes."
  type        = string
  sensitive   = true
}
