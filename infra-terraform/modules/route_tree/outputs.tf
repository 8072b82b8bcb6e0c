output "by_depth" {
  description = "Depth (\"1\"..max_depth) => path prefix => { part (its last segment), parent (the prefix one level up, \"/\" for the root) }."
  value       = local.by_depth

  precondition {
    condition     = length(local.too_deep) == 0
    error_message = "Routes deeper than ${var.max_depth} path segments: ${join(", ", local.too_deep)}."
  }
}
