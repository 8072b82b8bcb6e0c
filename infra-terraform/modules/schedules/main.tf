terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

# EventBridge Scheduler -> Lambda: one schedule per scheduled manifest function and per module outbox sweeper,
# invoking its live alias (asynchronously) on its expression. Schedules cannot be tagged; their group is.

locals {
  enabled = length(var.schedules) > 0

  tags = merge(var.tags, {
    function    = "shared"
    module      = "shared"
    component   = "schedules"
    environment = var.environment
  })

  # Input in the shape of an EventBridge scheduled event (what the functions are tested with; they ignore it).
  # A literal rather than jsonencode(), which would escape the <...> context placeholders Scheduler fills in.
  input = <<-JSON
    {"version":"0","source":"aws.scheduler","detail-type":"Scheduled Event","id":"<aws.scheduler.execution-id>","time":"<aws.scheduler.scheduled-time>","resources":["<aws.scheduler.schedule-arn>"],"detail":{}}
  JSON
}

resource "aws_scheduler_schedule_group" "this" {
  count = local.enabled ? 1 : 0

  name = var.name
  tags = local.tags
}

resource "aws_iam_role" "this" {
  count = local.enabled ? 1 : 0

  name = "${var.name}-scheduler"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "scheduler.amazonaws.com" }
      Action    = "sts:AssumeRole"
      # Only this deployment's schedule group may use the role (confused deputy).
      Condition = { ArnEquals = { "aws:SourceArn" = aws_scheduler_schedule_group.this[0].arn } }
    }]
  })
  tags = local.tags
}

# The role may invoke exactly the live aliases of the scheduled Lambdas.
resource "aws_iam_role_policy" "this" {
  count = local.enabled ? 1 : 0

  name = "invoke-scheduled-lambdas"
  role = aws_iam_role.this[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "InvokeScheduledLambdas"
      Effect   = "Allow"
      Action   = ["lambda:InvokeFunction"]
      Resource = distinct([for s in values(var.schedules) : var.alias_arns[s.lambda]])
    }]
  })
}

resource "aws_scheduler_schedule" "this" {
  for_each = var.schedules

  name                         = each.key
  group_name                   = aws_scheduler_schedule_group.this[0].name
  description                  = "${each.value.module}/${each.value.lambda} (${var.environment})"
  schedule_expression          = each.value.expression
  schedule_expression_timezone = var.timezone
  state                        = "ENABLED"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = var.alias_arns[each.value.lambda]
    role_arn = aws_iam_role.this[0].arn
    input    = chomp(local.input)

    # A sweep that could not be delivered is repeated by the next tick anyway.
    retry_policy {
      maximum_event_age_in_seconds = var.maximum_event_age_in_seconds
      maximum_retry_attempts       = var.maximum_retry_attempts
    }
  }

  depends_on = [aws_iam_role_policy.this]
}
