output "api_endpoint" {
  description = "Base URL of the HTTP API ($default stage)."
  value       = module.http_api.api_endpoint
}

output "function_arns" {
  description = "Unqualified Lambda ARNs by manifest function name."
  value       = { for name, f in module.functions : name => f.function_arn }
}

output "function_alias_arns" {
  description = "ARNs of the live alias (the SnapStart version that is invoked) by manifest function name."
  value       = { for name, f in module.functions : name => f.alias_arn }
}

output "route_keys" {
  description = "Deployed API routes."
  value       = module.http_api.route_keys
}

output "event_source_mappings" {
  description = "Kafka event source mapping UUIDs by \"function/topic\"."
  value       = module.kafka_consumers.event_source_mapping_ids
}

output "schedules" {
  description = "EventBridge Scheduler schedule ARNs by scheduled function name."
  value       = module.schedules.schedule_arns
}

output "state_machine_arns" {
  description = "Step Functions state machine ARNs by workflow name (empty unless step_functions = true)."
  value       = { for name, m in module.state_machines : name => m.arn }
}
