variable "name" {
  description = "State machine name (prefixed with project and environment)."
  type        = string
}

variable "module_name" {
  description = "The function module shipping the definition, for tags."
  type        = string
}

variable "environment" {
  description = "Environment name, for tags."
  type        = string
}

variable "definition_path" {
  description = "Path of the Amazon States Language (*.asl.json) file."
  type        = string
}

variable "alias_arns" {
  description = "The live alias ARN of every manifest function, by name; Task FunctionNames are resolved against it."
  type        = map(string)
}

variable "tags" {
  description = "Extra tags; function, module and environment are always set."
  type        = map(string)
  default     = {}
}
