terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

# MSK -> Lambda. The mapping invokes the function's live alias (the SnapStart version) and polls with the
# function's execution role, which the function module scopes to these topics and consumer groups.
resource "aws_lambda_event_source_mapping" "this" {
  for_each = var.subscriptions

  event_source_arn                   = var.msk_cluster_arn
  function_name                      = var.alias_arns[each.value.function]
  topics                             = [each.value.topic_name]
  starting_position                  = "LATEST"
  batch_size                         = var.batch_size
  maximum_batching_window_in_seconds = var.maximum_batching_window_in_seconds

  amazon_managed_kafka_event_source_config {
    consumer_group_id = each.value.consumer_group_id
  }

  dynamic "destination_config" {
    for_each = var.on_failure_destination_arn == null ? [] : [var.on_failure_destination_arn]
    content {
      on_failure {
        destination_arn = destination_config.value
      }
    }
  }

  tags = merge(var.tags, {
    function    = each.value.function
    module      = each.value.module
    environment = var.environment
  })
}
