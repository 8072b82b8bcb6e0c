output "function_name" {
  description = "The Lambda function name."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "The unqualified Lambda function ARN."
  value       = aws_lambda_function.this.arn
}

output "version" {
  description = "The published version the alias points at."
  value       = aws_lambda_function.this.version
}

output "alias_name" {
  description = "The alias name (live)."
  value       = aws_lambda_alias.live.name
}

output "alias_arn" {
  description = "The live alias ARN: the target of event source mappings, schedules and state machine Tasks."
  value       = aws_lambda_alias.live.arn
}

output "alias_invoke_arn" {
  description = "The live alias invoke ARN: the target of API Gateway integrations."
  value       = aws_lambda_alias.live.invoke_arn
}

output "role_arn" {
  description = "The execution role ARN."
  value       = aws_iam_role.this.arn
}

output "log_group_name" {
  description = "The function's CloudWatch log group."
  value       = aws_cloudwatch_log_group.this.name
}
