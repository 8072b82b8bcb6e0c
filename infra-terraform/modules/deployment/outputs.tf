output "lambdas" {
  description = <<-EOT
    Every Lambda by key (manifest function name, <module>-migrate, <module>-sweep-outbox): kind (function, migrate,
    sweep), module, lambda_name, description, memory_mb, timeout_seconds, snapstart, alias (published with a live
    alias), admin, mapped (has MSK event source mappings), environment, secret_arns and IAM statements.
  EOT
  value       = local.lambdas

  precondition {
    condition     = length(distinct(local.lambda_keys)) == length(local.lambda_keys) && length(distinct(local.lambda_names)) == length(local.lambda_names)
    error_message = "A manifest function name collides with a module task (<module>-migrate, <module>-sweep-outbox): ${join(", ", local.lambda_keys)}."
  }
  precondition {
    condition     = length(local.long_names) == 0
    error_message = "Lambda names must leave room for the -role suffix (IAM role names are at most 64 characters): ${join(", ", local.long_names)}."
  }
  precondition {
    condition     = length(local.no_application) == 0
    error_message = "Modules without an application class (MAIN_CLASS): ${join(", ", local.no_application)}."
  }
  precondition {
    condition     = contains(["aws-msk-iam", "none"], var.kafka.auth)
    error_message = "kafka.auth (SHOP_KAFKA_AUTH) must be aws-msk-iam or none."
  }
  precondition {
    condition     = !local.kafka_iam || var.kafka.cluster_arn != null
    error_message = "kafka.auth = aws-msk-iam needs kafka.cluster_arn (topic and group grants are scoped to it)."
  }
  precondition {
    condition     = !var.kafka_triggers || local.kafka_iam
    error_message = "MSK event source mappings (kafka_triggers) need kafka.auth = aws-msk-iam."
  }
  precondition {
    condition     = !var.kafka_triggers || var.failure_destination != null
    error_message = "MSK event source mappings need an on-failure destination (failure_destination)."
  }
  precondition {
    condition     = var.failure_destination == null || contains(keys(local.failure_actions), local.failure_service)
    error_message = "failure_destination.service must be sqs, sns or s3."
  }
}

output "event_source_mappings" {
  description = "One MSK event source mapping per (consumer function, topic), keyed function/topic; empty without kafka_triggers."
  value       = local.event_source_mappings

  precondition {
    condition     = var.consumer.maximum_retry_attempts >= 0 && var.consumer.maximum_retry_attempts <= 10000
    error_message = "consumer.maximum_retry_attempts must be bounded: 0-10000 (-1 would retry a failing batch forever)."
  }
  precondition {
    condition     = var.consumer.maximum_record_age_in_seconds == -1 || (var.consumer.maximum_record_age_in_seconds >= 60 && var.consumer.maximum_record_age_in_seconds <= 604800)
    error_message = "consumer.maximum_record_age_in_seconds must be -1 or 60-604800."
  }
  precondition {
    condition     = var.consumer.batch_size >= 1 && var.consumer.batch_size <= 10000 && var.consumer.maximum_batching_window_in_seconds >= 0 && var.consumer.maximum_batching_window_in_seconds <= 300
    error_message = "consumer.batch_size must be 1-10000 and consumer.maximum_batching_window_in_seconds 0-300."
  }
  precondition {
    condition     = var.consumer.minimum_pollers >= 1 && var.consumer.minimum_pollers <= 200 && var.consumer.maximum_pollers >= var.consumer.minimum_pollers && var.consumer.maximum_pollers <= 2000
    error_message = "consumer pollers: 1 <= minimum_pollers <= 200, minimum_pollers <= maximum_pollers <= 2000."
  }
  precondition {
    condition     = contains(["TRIM_HORIZON", "LATEST"], var.consumer.starting_position)
    error_message = "consumer.starting_position must be TRIM_HORIZON or LATEST."
  }
}

output "schedules" {
  description = "EventBridge Scheduler schedules by key (scheduled function name, <module>-sweep-outbox): { lambda, module, expression }."
  value       = local.schedules
}

output "migrations" {
  description = "The migration Lambda key of each manifest module."
  value       = local.migrations
}

output "routes" {
  description = "Manifest routes by route key, with jwt = whether the route uses the JWT authorizer."
  value       = local.routes
}

output "alarms" {
  description = "CloudWatch alarms by key: errors and throttles per Lambda, offset lag per Kafka consumer function."
  value       = local.alarms
}

output "alarm_period_seconds" {
  description = "Period of every Lambda alarm."
  value       = var.alarms.period_seconds
}

output "failure_messages_threshold" {
  description = "Alarm threshold on the messages in the on-failure queue."
  value       = var.alarms.failure_messages_threshold
}

output "module_details" {
  description = "Per manifest module: artifact, application, functions, produced topic names, topics with partitions."
  value       = module.manifest.module_details
}

output "functions" {
  description = "The manifest functions as modules/manifest derives them."
  value       = module.manifest.functions
}

output "workflows" {
  description = "The modules' Amazon States Language definitions (see modules/state_machine)."
  value       = module.manifest.workflows
}
