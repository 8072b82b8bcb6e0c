output "api_url" {
  description = "Base URL of the shop (the HTTP API's, or public_base_url)."
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

output "function_alias_arns" {
  description = "The live alias ARNs (SnapStart versions) of the functions and sweepers."
  value       = module.shop.function_alias_arns
}

output "migrations" {
  description = "What each module's migration answered: { module, migrations, topicsCreated }."
  value       = module.shop.migrations
}

output "event_source_mappings" {
  description = "Kafka event source mapping UUIDs by \"function/topic\"."
  value       = module.shop.event_source_mappings
}

output "consumer_failure_destination_arn" {
  description = "Where the Kafka consumers' given-up batches are recorded."
  value       = module.shop.consumer_failure_destination_arn
}

output "schedules" {
  description = "EventBridge Scheduler schedule ARNs by key."
  value       = module.shop.schedules
}

output "alarm_topic_arn" {
  description = "The SNS topic the alarms notify."
  value       = module.shop.alarm_topic_arn
}

output "admin_token_secret_arn" {
  description = "The admin bearer token (aws secretsmanager get-secret-value --secret-id ...)."
  value       = module.secrets.admin_token_secret_arn
}

output "kafka_bootstrap_brokers" {
  description = "MSK SASL/IAM bootstrap brokers."
  value       = module.kafka.bootstrap_brokers
}

output "state_machine_arns" {
  description = "Step Functions state machines (empty unless step_functions = true)."
  value       = module.shop.state_machine_arns
}
