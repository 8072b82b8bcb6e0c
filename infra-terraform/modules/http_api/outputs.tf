output "api_id" {
  description = "The HTTP API id."
  value       = aws_apigatewayv2_api.this.id
}

output "api_endpoint" {
  description = "Base URL of the API ($default stage), without a trailing slash. Depends on the API alone, so functions may take it as an environment variable without a cycle."
  value       = aws_apigatewayv2_api.this.api_endpoint
}

output "execution_arn" {
  description = "The API's execution ARN."
  value       = aws_apigatewayv2_api.this.execution_arn
}

output "route_keys" {
  description = "Deployed route keys."
  value       = sort(keys(aws_apigatewayv2_route.this))
}

output "access_log_group_name" {
  description = "The access log group."
  value       = aws_cloudwatch_log_group.access.name
}
