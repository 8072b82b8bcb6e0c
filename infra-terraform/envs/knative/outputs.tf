output "services" {
  description = "Knative Services, by module."
  value       = [for k, r in kubernetes_manifest.service : r.manifest.metadata.name]
}

output "kafka_sources" {
  description = "KafkaSources, one per consumer and topic."
  value       = [for k, r in kubernetes_manifest.kafka_source : r.manifest.metadata.name]
}
