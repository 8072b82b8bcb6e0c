output "api_url" {
  description = "The shop's base URL (what the functions get as SHOP_ASSISTANT_BASE_URL)."
  value       = local.public_base_url
}

output "api_stage_path" {
  description = "The stage part of the API's URL (\"/api\" for the REST API, empty for the HTTP API's $default stage)."
  value       = local.api_stage
}

output "api_id" {
  description = "The API Gateway API id (HTTP or REST API)."
  value       = local.api_id
}

output "route_keys" {
  description = "Deployed API routes."
  value       = var.api_gateway == "http" ? one(module.http_api[*].route_keys) : one(module.rest_api[*].route_keys)
}

output "lambda_names" {
  description = "Every Lambda name by key (manifest function, <module>-migrate, <module>-sweep-outbox)."
  value       = { for k, l in module.deployment.lambdas : k => l.lambda_name }
}

output "function_alias_arns" {
  description = "ARNs of the live aliases (the SnapStart versions that are invoked) of functions and sweepers."
  value       = { for k, l in module.lambdas : k => l.alias_arn }
}

output "migrations" {
  description = "What each module's migration answered at the last deploy: { module, migrations, topicsCreated }."
  value       = { for m, i in aws_lambda_invocation.migrate : m => jsondecode(i.result) }
}

output "event_source_mappings" {
  description = "Kafka event source mapping UUIDs by \"function/topic\"."
  value       = var.kafka_triggers ? one(module.kafka_consumers[*].event_source_mapping_ids) : {}
}

output "consumer_failure_destination_arn" {
  description = "Where the event source mappings record batches they gave up on."
  value       = local.failure_destination == null ? null : local.failure_destination.arn
}

output "schedules" {
  description = "EventBridge Scheduler schedule ARNs by key."
  value       = module.schedules.schedule_arns
}

output "alarm_topic_arn" {
  description = "The SNS topic the alarms notify."
  value       = module.alarms.topic_arn
}

output "state_machine_arns" {
  description = "Step Functions state machine ARNs by workflow name (empty unless step_functions = true)."
  value       = { for name, m in module.state_machines : name => m.arn }
}
