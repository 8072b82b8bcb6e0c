output "api_url" {
  description = "The shop through LocalStack's API Gateway, from this machine."
  value       = "${var.localstack_endpoint}/_aws/execute-api/${module.shop.api_id}${module.shop.api_stage_path}"
}

output "api_url_in_lambdas" {
  description = "The same API as the Lambda containers reach it (SHOP_ASSISTANT_BASE_URL)."
  value       = module.shop.api_url
}

output "route_keys" {
  description = "Deployed API routes."
  value       = module.shop.route_keys
}

output "lambda_names" {
  description = "Every Lambda by key: manifest functions, <module>-migrate, <module>-sweep-outbox."
  value       = module.shop.lambda_names
}

output "migrations" {
  description = "What each module's migration answered: { module, migrations, topicsCreated }."
  value       = module.shop.migrations
}

output "admin_token_secret_arn" {
  description = "The admin bearer token: awslocal secretsmanager get-secret-value --secret-id <this> --query SecretString --output text."
  value       = module.secrets.admin_token_secret_arn
}
