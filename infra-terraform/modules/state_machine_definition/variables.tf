variable "definition_path" {
  description = "Path of the Amazon States Language (*.asl.json) file."
  type        = string
}

variable "function_arns" {
  description = "What each Task FunctionName (a manifest function name) becomes: the function's live alias ARN."
  type        = map(string)
}
