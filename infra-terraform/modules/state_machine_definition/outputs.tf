output "definition" {
  description = "The ASL with every Task's FunctionName resolved (jsonencode: keys sorted, otherwise unchanged)."
  value       = jsonencode(merge(local.asl, { States = local.states }))

  precondition {
    condition     = length(local.unknown_functions) == 0
    error_message = "${var.definition_path}: Task FunctionNames that are not manifest functions: ${join(", ", local.unknown_functions)}."
  }
  precondition {
    condition     = length(local.nested) == 0
    error_message = "${var.definition_path}: Parallel/Map states are not resolved (their nested FunctionNames would stay names): ${join(", ", local.nested)}."
  }
}

output "task_functions" {
  description = "The manifest functions the definition's Tasks invoke."
  value       = local.task_functions
}

output "function_arns" {
  description = "The ARNs the Tasks invoke (what the state machine's role may invoke)."
  value       = [for f in local.task_functions : var.function_arns[f] if contains(keys(var.function_arns), f)]
}
