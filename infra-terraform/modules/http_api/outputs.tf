output "api_id" {
  description = "The HTTP API id."
  value       = aws_apigatewayv2_api.this.id
}

output "api_endpoint" {
  description = "Base URL of the $default stage."
  value       = aws_apigatewayv2_stage.default.invoke_url
}

output "route_keys" {
  description = "Deployed route keys."
  value       = sort(keys(aws_apigatewayv2_route.this))
}

output "access_log_group_name" {
  description = "The access log group."
  value       = aws_cloudwatch_log_group.access.name
}
