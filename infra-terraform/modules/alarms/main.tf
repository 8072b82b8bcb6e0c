terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

# modules/deployment's alarms (errors and throttles per Lambda, offset lag per Kafka consumer), plus one on the
# on-failure queue: every message there is a batch the consumers gave up on. All notify one SNS topic, created
# here unless alarm_topic_arn brings your own.

locals {
  tags = merge(var.tags, {
    function    = "shared"
    module      = "shared"
    component   = "alarms"
    environment = var.environment
  })
  topic_arn = var.alarm_topic_arn != null ? var.alarm_topic_arn : aws_sns_topic.alarms[0].arn
}

resource "aws_sns_topic" "alarms" {
  count = var.alarm_topic_arn == null ? 1 : 0

  name = "${var.name}-alarms"
  tags = local.tags
}

resource "aws_sns_topic_subscription" "email" {
  for_each = var.alarm_topic_arn == null ? toset(var.alarm_emails) : toset([])

  topic_arn = aws_sns_topic.alarms[0].arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_cloudwatch_metric_alarm" "lambda" {
  for_each = var.alarms

  alarm_name          = "${each.value.lambda_name}-${lower(each.value.metric_name)}"
  alarm_description   = each.value.description
  namespace           = "AWS/Lambda"
  metric_name         = each.value.metric_name
  dimensions          = { FunctionName = each.value.lambda_name }
  statistic           = each.value.statistic
  period              = var.period_seconds
  evaluation_periods  = each.value.evaluation_periods
  threshold           = each.value.threshold
  comparison_operator = "GreaterThanThreshold"
  # No invocations, no datapoints: that is not an error.
  treat_missing_data = "notBreaching"
  alarm_actions      = [local.topic_arn]
  ok_actions         = [local.topic_arn]
  tags               = merge(local.tags, { function = each.value.lambda })
}

resource "aws_cloudwatch_metric_alarm" "failure_queue" {
  count = var.failure_queue_name == null ? 0 : 1

  alarm_name          = "${var.failure_queue_name}-messages"
  alarm_description   = "Kafka batches the consumers gave up on (on-failure destination ${var.failure_queue_name})"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = var.failure_queue_name }
  statistic           = "Maximum"
  period              = var.period_seconds
  evaluation_periods  = 1
  threshold           = var.failure_messages_threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.topic_arn]
  ok_actions          = [local.topic_arn]
  tags                = local.tags
}
