terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

locals {
  tags = merge(var.tags, {
    function    = var.name
    module      = var.module_name
    environment = var.environment
  })

  in_vpc   = length(var.subnet_ids) > 0
  consumer = length(var.consumed_topics) > 0
  producer = length(var.produced_topics) > 0

  # arn:aws:kafka:region:account:cluster/name/uuid -> .../topic/name/uuid/<topic>, .../group/name/uuid/<group>
  msk_topic_prefix = var.msk_cluster_arn == null ? "" : replace(var.msk_cluster_arn, ":cluster/", ":topic/")
  msk_group_prefix = var.msk_cluster_arn == null ? "" : replace(var.msk_cluster_arn, ":cluster/", ":group/")

  failure_service = var.on_failure_destination_arn == null ? "" : split(":", var.on_failure_destination_arn)[2]
  failure_actions = {
    sqs = ["sqs:SendMessage"]
    sns = ["sns:Publish"]
    s3  = ["s3:PutObject", "s3:ListBucket"]
  }

  statements = concat(
    [{
      Sid      = "Logs"
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = ["${aws_cloudwatch_log_group.this.arn}:*"]
    }],
    # ENI management cannot be scoped to resources; this is what AWSLambdaVPCAccessExecutionRole grants.
    local.in_vpc || local.consumer ? [{
      Sid    = "VpcNetworkInterfaces"
      Effect = "Allow"
      Action = [
        "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
        "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
        "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs",
      ]
      Resource = ["*"]
    }] : [],
    length(var.secret_arns) > 0 ? [{
      Sid      = "ReadSecrets"
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
      Resource = var.secret_arns
    }] : [],
    length(var.secret_arns) > 0 && var.kms_key_arn != null ? [{
      Sid      = "DecryptSecrets"
      Effect   = "Allow"
      Action   = ["kms:Decrypt"]
      Resource = [var.kms_key_arn]
    }] : [],
    local.consumer || local.producer ? [{
      Sid    = "KafkaConnect"
      Effect = "Allow"
      Action = concat(
        ["kafka-cluster:Connect"],
        local.consumer ? ["kafka-cluster:DescribeClusterDynamicConfiguration"] : [],
        local.producer ? ["kafka-cluster:WriteDataIdempotently"] : [],
      )
      Resource = [var.msk_cluster_arn]
    }] : [],
    # The event source mapping polls with the function's role.
    local.consumer ? [
      {
        Sid      = "MskEventSource"
        Effect   = "Allow"
        Action   = ["kafka:DescribeClusterV2", "kafka:GetBootstrapBrokers"]
        Resource = [var.msk_cluster_arn]
      },
      {
        Sid      = "KafkaReadTopics"
        Effect   = "Allow"
        Action   = ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"]
        Resource = [for t in var.consumed_topics : "${local.msk_topic_prefix}/${t}"]
      },
      {
        Sid      = "KafkaConsumerGroups"
        Effect   = "Allow"
        Action   = ["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"]
        Resource = [for g in var.consumer_group_ids : "${local.msk_group_prefix}/${g}"]
      },
    ] : [],
    local.producer ? [{
      Sid      = "KafkaWriteTopics"
      Effect   = "Allow"
      Action   = ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"]
      Resource = [for t in var.produced_topics : "${local.msk_topic_prefix}/${t}"]
    }] : [],
    local.consumer && var.on_failure_destination_arn != null ? [{
      Sid      = "OnFailureDestination"
      Effect   = "Allow"
      Action   = local.failure_actions[local.failure_service]
      Resource = local.failure_service == "s3" ? [var.on_failure_destination_arn, "${var.on_failure_destination_arn}/*"] : [var.on_failure_destination_arn]
    }] : [],
  )
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
  policy = jsonencode({ Version = "2012-10-17", Statement = local.statements })

  lifecycle {
    precondition {
      condition     = !(local.consumer || local.producer) || var.msk_cluster_arn != null
      error_message = "Function ${var.name} uses Kafka but msk_cluster_arn is not set."
    }
    precondition {
      condition     = local.failure_service == "" || contains(keys(local.failure_actions), local.failure_service)
      error_message = "on_failure_destination_arn must be an SQS queue, SNS topic or S3 bucket ARN."
    }
  }
}

resource "aws_lambda_function" "this" {
  function_name    = var.lambda_name
  description      = "${var.module_name}/${var.name} (${var.environment})"
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
  publish = true

  dynamic "snap_start" {
    for_each = var.snapstart ? [1] : []
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
    variables = merge(
      var.environment_variables,
      var.main_class == null ? {} : { MAIN_CLASS = var.main_class },
      {
        SPRING_CLOUD_FUNCTION_DEFINITION = var.spring_function_definition
        SPRING_PROFILES_ACTIVE           = "lambda"
        SHOP_FUNCTION                    = var.name
        JAVA_TOOL_OPTIONS                = var.java_tool_options
      },
    )
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this.name
  }

  tags = local.tags

  # The role must carry its policy before the first (SnapStart) init runs.
  depends_on = [aws_iam_role_policy.this]
}

resource "aws_lambda_alias" "live" {
  name             = var.alias_name
  description      = "Latest published${var.snapstart ? " (SnapStart)" : ""} version; API Gateway, event source mappings and schedules invoke this."
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}
