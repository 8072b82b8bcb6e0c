variable "paths" {
  description = "Route paths (\"/things/{id}\")."
  type        = list(string)
}

variable "max_depth" {
  description = "Deepest path the REST API module has a resource level for."
  type        = number
  default     = 6
}
