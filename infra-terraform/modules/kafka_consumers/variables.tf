variable "environment" {
  description = "Environment name, for tags."
  type        = string
}

variable "msk_cluster_arn" {
  description = "The existing MSK cluster the topics live on."
  type        = string
}

variable "subscriptions" {
  description = "One entry per (consumer function, consumed topic), derived from the manifest."
  type = map(object({
    function          = string
    module            = string
    topic_name        = string
    consumer_group_id = string
  }))
}

variable "alias_arns" {
  description = "The live alias ARN of each consumer function, by manifest name."
  type        = map(string)
}

variable "batch_size" {
  description = "Maximum records per invocation."
  type        = number
  default     = 100
}

variable "maximum_batching_window_in_seconds" {
  description = "How long to gather records before invoking (0-300)."
  type        = number
  default     = 1
}

variable "on_failure_destination_arn" {
  description = <<-EOT
    DLQ for discarded batches: an SQS queue, SNS topic or S3 bucket ARN (null = none). Lambda sends a
    record of each batch it gives up on; the destination needs a VPC endpoint in the MSK cluster's VPC.
    The function module grants the matching send permission to each consumer's role.
  EOT
  type        = string
  default     = null
}

variable "tags" {
  description = "Extra tags; function, module and environment are always set."
  type        = map(string)
  default     = {}
}
