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
