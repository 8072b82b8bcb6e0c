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
    condition     = length(local.schedule_and_other_trigger) == 0
    error_message = "A scheduled function must have no other trigger (one Lambda, one SPRING_CLOUD_FUNCTION_DEFINITION); these functions have a schedule and also http routes or consumed topics: ${join(", ", local.schedule_and_other_trigger)}. Move the scheduled work into a function of its own."
  }
  precondition {
    condition     = length(local.bad_schedules) == 0
    error_message = "Schedules must be an EventBridge Scheduler expression rate(...), cron(...) or at(...): ${join(", ", local.bad_schedules)}."
  }
  precondition {
    condition     = length(local.no_trigger) == 0
    error_message = "Functions with no trigger (no http route, consumed topic or schedule) would never run: ${join(", ", local.no_trigger)}."
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

output "schedules" {
  description = "One entry per scheduled function, keyed by function name: { function, module, expression }."
  value       = local.schedules
}

output "workflows" {
  description = "Amazon States Language definitions found under the functions directory (workflow_pattern), by file name without .asl.json: { module, path }."
  value       = local.workflows
}

output "modules" {
  description = "The manifest's modules (artifact, application, httpHandler)."
  value       = local.modules
}

output "module_details" {
  description = "Per manifest module: artifact, application, its functions, the topic names its outbox publishes (produced_topic_names) and every topic its functions produce or consume with its partition count (topics: name => partitions)."
  value       = local.module_details

  precondition {
    condition     = length(local.no_partitions) == 0
    error_message = "Topics need a partition count of at least 1: ${join(", ", local.no_partitions)}."
  }
  precondition {
    condition     = length(local.no_artifact) == 0
    error_message = "Modules need an artifact (the Maven artifactId of their Lambda jar): ${join(", ", local.no_artifact)}."
  }
}

output "topics" {
  description = "The manifest's topics (logical key => name, partitions, carries)."
  value       = local.topics
}
