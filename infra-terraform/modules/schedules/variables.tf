variable "name" {
  description = "Schedule group name (prefixed with project and environment); also the prefix of the scheduler role."
  type        = string
}

variable "environment" {
  description = "Environment name, for tags."
  type        = string
}

variable "schedules" {
  description = "modules/deployment's schedules: scheduled manifest functions and module outbox sweepers, by key."
  type = map(object({
    lambda     = string
    module     = string
    expression = string
  }))
}

variable "alias_arns" {
  description = "The live alias ARN of each scheduled Lambda, by key."
  type        = map(string)
}

variable "timezone" {
  description = "Time zone of cron(...) and at(...) expressions."
  type        = string
  default     = "UTC"
}

variable "maximum_event_age_in_seconds" {
  description = "How long Scheduler keeps trying to deliver one invocation (60-86400)."
  type        = number
  default     = 60
}

variable "maximum_retry_attempts" {
  description = "Delivery retries of one invocation (0-185)."
  type        = number
  default     = 0
}

variable "tags" {
  description = "Extra tags (applied to the schedule group and role)."
  type        = map(string)
  default     = {}
}
