variable "region" {
  description = "Region LocalStack emulates."
  type        = string
  default     = "us-east-1"
}

variable "environment" {
  description = "Environment name; part of every resource name."
  type        = string
  default     = "local"
}

variable "name_prefix" {
  description = "Prefix of resource names: <name_prefix>-<environment>-<function>."
  type        = string
  default     = "shop"
}

variable "localstack_endpoint" {
  description = "LocalStack's edge URL as Terraform reaches it."
  type        = string
  default     = "http://localhost:4566"
}

variable "lambda_localstack_url" {
  description = "LocalStack's edge URL as the Lambda containers reach it on the compose network (SHOP_ASSISTANT_BASE_URL is built from it)."
  type        = string
  default     = "http://localstack:4566"
}

variable "api_gateway" {
  description = "rest (community: REST API, payload 1.0 events) or http (HTTP API, payload 2.0; needs a LocalStack auth token)."
  type        = string
  default     = "rest"
}

variable "manifest_path" {
  description = "The function manifest, relative to this directory."
  type        = string
  default     = "../../../functions/functions.json"
}

variable "artifacts_dir" {
  description = "Directory holding the function modules; jars are read from <artifacts_dir>/<module>/target/."
  type        = string
  default     = "../../../functions"
}

variable "artifact_version" {
  description = "Maven version in the jar name."
  type        = string
  default     = "0.1.0-SNAPSHOT"
}

variable "artifact_classifier" {
  description = "Classifier of the Lambda jar."
  type        = string
  default     = "aws"
}

variable "artifacts_bucket" {
  description = "Bucket the jars are uploaded to (the LocalStack init hook creates it); null uploads them directly (50 MB limit)."
  type        = string
  default     = "shop-local-artifacts"
}

variable "postgres_jdbc_url" {
  description = "SHOP_DB_URL as the Lambda containers reach the compose Postgres."
  type        = string
  default     = "jdbc:postgresql://postgres:5432/shop"
}

variable "postgres_user" {
  description = "The compose Postgres user (stored in a LocalStack secret, SHOP_DB_SECRET_ARN)."
  type        = string
  default     = "shop"
}

variable "postgres_password" {
  description = "The compose Postgres password."
  type        = string
  default     = "shop"
  sensitive   = true
}

variable "redis_url" {
  description = "SHOP_REDIS_URL as the Lambda containers reach the compose Redis."
  type        = string
  default     = "redis://redis:6379"
}

variable "kafka_bootstrap" {
  description = "SHOP_KAFKA_BOOTSTRAP as the Lambda containers reach the compose Kafka (plaintext, SHOP_KAFKA_AUTH=none)."
  type        = string
  default     = "kafka:9092"
}

variable "extra_environment" {
  description = "Extra environment variables for every Lambda."
  type        = map(string)
  default     = {}
}
