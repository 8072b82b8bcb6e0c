variable "name" {
  description = "Prefix of the alarm topic name (<name_prefix>-<environment>)."
  type        = string
}

variable "environment" {
  description = "Environment name, for tags."
  type        = string
}

variable "alarms" {
  description = "modules/deployment's alarms."
  type = map(object({
    lambda             = string
    lambda_name        = string
    metric_name        = string
    statistic          = string
    threshold          = number
    evaluation_periods = number
    description        = string
  }))
}

variable "period_seconds" {
  description = "Alarm period."
  type        = number
  default     = 300
}

variable "alarm_topic_arn" {
  description = "Bring your own SNS topic for alarm notifications; null creates <name>-alarms."
  type        = string
  default     = null
}

variable "alarm_emails" {
  description = "E-mail addresses subscribed to the created alarm topic (each must confirm)."
  type        = list(string)
  default     = []
}

variable "failure_queue_name" {
  description = "Name of the SQS on-failure destination to alarm on; null when there is none (or it is not SQS)."
  type        = string
  default     = null
}

variable "failure_messages_threshold" {
  description = "Alarm when the on-failure queue holds more messages than this."
  type        = number
  default     = 0
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}
