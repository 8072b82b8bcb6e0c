variable "manifest_path" {
  description = "Path of functions/functions.json, the one manifest of deployable functions."
  type        = string
}
