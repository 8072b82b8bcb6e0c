variable "manifest_path" {
  description = "Path of functions/functions.json, the one manifest of deployable functions."
  type        = string
}

variable "workflow_pattern" {
  description = "fileset() pattern, relative to the manifest's directory, of the modules' Amazon States Language definitions."
  type        = string
  default     = "*/src/main/resources/workflows/*.asl.json"
}
