terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

# MSK -> Lambda, one mapping per (consumer function, topic) as modules/deployment describes it. The mapping
# invokes the function's live alias (the SnapStart version) and polls with the function's execution role.
#
# Failure handling: a batch the function fails is retried at most maximum_retry_attempts times (bisected on
# error, so a bad record is isolated), and the function may report only the records that failed
# (ReportBatchItemFailures); what is given up on is recorded in the on-failure destination. AWS documents these
# controls for Kafka event source mappings in provisioned mode, hence provisioned_poller_config.
resource "aws_lambda_event_source_mapping" "this" {
  for_each = var.mappings

  event_source_arn                   = var.msk_cluster_arn
  function_name                      = var.alias_arns[each.value.lambda]
  topics                             = [each.value.topic_name]
  starting_position                  = each.value.starting_position
  batch_size                         = each.value.batch_size
  maximum_batching_window_in_seconds = each.value.maximum_batching_window_in_seconds

  maximum_retry_attempts         = each.value.maximum_retry_attempts
  maximum_record_age_in_seconds  = each.value.maximum_record_age_in_seconds
  bisect_batch_on_function_error = each.value.bisect_batch_on_function_error
  function_response_types        = each.value.function_response_types

  provisioned_poller_config {
    minimum_pollers = each.value.minimum_pollers
    maximum_pollers = each.value.maximum_pollers
  }

  amazon_managed_kafka_event_source_config {
    consumer_group_id = each.value.consumer_group_id
  }

  destination_config {
    on_failure {
      destination_arn = each.value.failure_destination_arn
    }
  }

  tags = merge(var.tags, {
    function    = each.value.lambda
    module      = each.value.module
    environment = var.environment
  })
}
