output "api_id" {
  description = "The REST API id."
  value       = aws_api_gateway_rest_api.this.id
}

output "stage_name" {
  description = "The stage name."
  value       = var.stage_name
}

output "invoke_url" {
  description = "The stage's invoke URL as the API reports it."
  value       = aws_api_gateway_stage.this.invoke_url
}

output "route_keys" {
  description = "Deployed route keys."
  value       = sort(keys(aws_api_gateway_method.this))
}
