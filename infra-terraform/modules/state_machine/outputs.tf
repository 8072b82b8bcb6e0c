output "arn" {
  description = "The state machine ARN."
  value       = aws_sfn_state_machine.this.arn
}

output "role_arn" {
  description = "The state machine's execution role."
  value       = aws_iam_role.this.arn
}

output "task_functions" {
  description = "The manifest functions its Tasks invoke."
  value       = module.definition.task_functions
}
