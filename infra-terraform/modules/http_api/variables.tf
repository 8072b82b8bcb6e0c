variable "name" {
  description = "API name."
  type        = string
}

variable "environment" {
  description = "Environment name, for tags."
  type        = string
}

variable "routes" {
  description = "Manifest routes keyed by API Gateway route key (\"METHOD /path/{param}\") => the function serving it."
  type = map(object({
    function = string
    method   = string
    path     = string
    admin    = bool
    jwt      = bool
  }))
}

variable "jwt" {
  description = "JWT authorizer of the admin routes: issuer (https URL of the identity provider), audience (list) and the scope an admin token must carry; null for none."
  type = object({
    issuer      = string
    audience    = list(string)
    admin_scope = string
  })
  default = null
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

variable "log_retention_days" {
  description = "Retention of the access log group."
  type        = number
}

variable "throttling_burst_limit" {
  description = "Default route burst limit (requests)."
  type        = number
  default     = 200
}

variable "throttling_rate_limit" {
  description = "Default route steady-state rate limit (requests per second)."
  type        = number
  default     = 100
}

variable "tags" {
  description = "Extra tags; function, module and environment are always set."
  type        = map(string)
  default     = {}
}
