variable "environment" {
  description = "Environment name, for tags."
  type        = string
}

variable "msk_cluster_arn" {
  description = "The MSK cluster the topics live on."
  type        = string
}

variable "mappings" {
  description = "modules/deployment's event_source_mappings: one per (consumer function, topic)."
  type = map(object({
    lambda                             = string
    module                             = string
    topic_name                         = string
    consumer_group_id                  = string
    starting_position                  = string
    batch_size                         = number
    maximum_batching_window_in_seconds = number
    maximum_retry_attempts             = number
    maximum_record_age_in_seconds      = number
    bisect_batch_on_function_error     = bool
    function_response_types            = list(string)
    minimum_pollers                    = number
    maximum_pollers                    = number
    failure_destination_arn            = string
  }))
}

variable "alias_arns" {
  description = "The live alias ARN of each consumer function, by manifest name."
  type        = map(string)
}

variable "tags" {
  description = "Extra tags; function, module and environment are always set."
  type        = map(string)
  default     = {}
}
