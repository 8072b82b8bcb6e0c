variable "name" {
  description = "API name."
  type        = string
}

variable "environment" {
  description = "Environment name, for tags."
  type        = string
}

variable "stage_name" {
  description = "The stage the API is deployed to (part of its URL)."
  type        = string
  default     = "api"
}

variable "routes" {
  description = "Manifest routes keyed by route key (\"METHOD /path/{param}\") => the function serving it."
  type = map(object({
    function = string
    method   = string
    path     = string
    admin    = bool
    jwt      = bool
  }))
}

variable "functions" {
  description = "The Lambda behind each HTTP function (by manifest name): its live alias and timeout."
  type = map(object({
    module           = string
    function_name    = string
    alias_name       = string
    alias_invoke_arn = string
    timeout_seconds  = number
  }))
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}
