output "function_name" {
  description = "The Lambda function name."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "The unqualified Lambda function ARN."
  value       = aws_lambda_function.this.arn
}

output "version" {
  description = "The published version the alias points at ($LATEST when not published)."
  value       = aws_lambda_function.this.version
}

output "source_code_hash" {
  description = "The artifact hash the function was deployed with."
  value       = aws_lambda_function.this.source_code_hash
}

output "alias_name" {
  description = "The alias name (live); null when not published."
  value       = one(aws_lambda_alias.live[*].name)
}

output "alias_arn" {
  description = "The live alias ARN: the target of event source mappings, schedules and state machine Tasks."
  value       = one(aws_lambda_alias.live[*].arn)
}

output "alias_invoke_arn" {
  description = "The live alias invoke ARN: the target of API Gateway integrations."
  value       = one(aws_lambda_alias.live[*].invoke_arn)
}

output "role_arn" {
  description = "The execution role ARN."
  value       = aws_iam_role.this.arn
}

output "log_group_name" {
  description = "The function's CloudWatch log group."
  value       = aws_cloudwatch_log_group.this.name
}

output "last_modified" {
  description = "When the function's code or configuration last changed (re-runs the migration invocation)."
  value       = aws_lambda_function.this.last_modified
}
