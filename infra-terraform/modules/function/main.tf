terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

# One Lambda as modules/deployment describes it: its log group with retention, a role carrying exactly the
# statements it was given, the function, and (for functions and sweepers) a published version with alias `live`.

locals {
  tags = merge(var.tags, {
    function    = var.tag_function
    module      = var.module_name
    environment = var.environment
  })
  in_vpc = length(var.subnet_ids) > 0
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.lambda_name}"
  retention_in_days = var.log_retention_days
  tags              = local.tags
}

resource "aws_iam_role" "this" {
  name = "${var.lambda_name}-role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = local.tags
}

resource "aws_iam_role_policy" "this" {
  name   = "least-privilege"
  role   = aws_iam_role.this.id
  policy = jsonencode({ Version = "2012-10-17", Statement = var.policy_statements })
}

resource "aws_lambda_function" "this" {
  function_name    = var.lambda_name
  description      = var.description
  role             = aws_iam_role.this.arn
  runtime          = var.runtime
  handler          = var.handler
  memory_size      = var.memory_mb
  timeout          = var.timeout_seconds
  filename         = var.artifact.filename
  s3_bucket        = var.artifact.s3_bucket
  s3_key           = var.artifact.s3_key
  source_code_hash = var.artifact.source_code_hash
  # SnapStart snapshots published versions only; the alias below always points at the latest one.
  publish = var.publish_alias

  dynamic "snap_start" {
    for_each = var.snapstart && var.publish_alias ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  dynamic "vpc_config" {
    for_each = local.in_vpc ? [1] : []
    content {
      subnet_ids         = var.subnet_ids
      security_group_ids = var.security_group_ids
    }
  }

  environment {
    variables = var.environment_variables
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this.name
  }

  tags = local.tags

  # The role must carry its policy before the first (SnapStart) init runs.
  depends_on = [aws_iam_role_policy.this]
}

# What must happen before the alias moves to a new version (the module's migration): its result, as a value.
resource "terraform_data" "deploy_after" {
  count = var.publish_alias ? 1 : 0
  input = var.deploy_after
}

resource "aws_lambda_alias" "live" {
  count = var.publish_alias ? 1 : 0

  name             = var.alias_name
  description      = "Latest published${var.snapstart ? " (SnapStart)" : ""} version; API Gateway, event source mappings and schedules invoke this."
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version

  depends_on = [terraform_data.deploy_after]
}
