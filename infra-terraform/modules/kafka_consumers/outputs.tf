output "event_source_mapping_ids" {
  description = "Event source mapping UUIDs by \"function/topic\"."
  value       = { for k, m in aws_lambda_event_source_mapping.this : k => m.uuid }
}
