variable "name" {
  description = "Name prefix (<name_prefix>-<environment>)."
  type        = string
}

variable "environment" {
  description = "Environment name, for tags."
  type        = string
}

variable "region" {
  description = "AWS region (endpoint service names)."
  type        = string
}

variable "vpc_id" {
  description = "The VPC the Lambdas, Postgres, Redis and MSK live in."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets for the interface endpoints (one per AZ the Lambdas use)."
  type        = list(string)
}

variable "lambda_security_group_ids" {
  description = "Bring your own Lambda security groups; empty creates one (outbound only)."
  type        = list(string)
  default     = []
}

variable "vpc_endpoint_services" {
  description = "Interface endpoints to create (service suffixes of com.amazonaws.<region>.*); [] with a NAT or endpoints of your own."
  type        = list(string)
  default     = ["secretsmanager", "sts", "lambda", "sqs"]
}

variable "extra_endpoint_client_security_group_ids" {
  description = "Further security groups allowed to use the endpoints (the MSK cluster's: its event source mapping pollers call STS, Lambda and SQS)."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}
