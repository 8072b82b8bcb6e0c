output "functions" {
  description = "Manifest functions by name, with their module's artifact and the derived Lambda settings."
  value       = local.functions

  precondition {
    condition     = length(local.unknown_modules) == 0
    error_message = "Functions naming a module missing from the manifest's modules: ${join(", ", local.unknown_modules)}."
  }
  precondition {
    condition     = length(local.unknown_topics) == 0
    error_message = "Consumed/produced topics missing from the manifest's topics: ${join(", ", local.unknown_topics)}."
  }
  precondition {
    condition     = length(local.http_and_consumer) == 0
    error_message = "A Lambda has one SPRING_CLOUD_FUNCTION_DEFINITION; these functions are both HTTP and Kafka consumers: ${join(", ", local.http_and_consumer)}."
  }
  precondition {
    condition     = length(local.no_http_handler) == 0
    error_message = "HTTP functions whose module has no httpHandler: ${join(", ", local.no_http_handler)}."
  }
}

output "routes" {
  description = "HTTP routes keyed by API Gateway route key (\"GET /path/{param}\")."
  value       = local.routes
}

output "subscriptions" {
  description = "One entry per (consumer function, consumed topic)."
  value       = local.subscriptions
}

output "modules" {
  description = "The manifest's modules (artifact, application, httpHandler)."
  value       = local.modules
}

output "topics" {
  description = "The manifest's topics (logical key => name, partitions, carries)."
  value       = local.topics
}
