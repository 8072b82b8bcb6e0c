terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

# Optional (var.step_functions): one Step Functions state machine per ASL file of a function module. The
# definition is the file as it is, with each Task's FunctionName resolved to the function's live alias ARN.
# This deploys the definition only: the participants still consume their Kafka command topic and answer on
# the task-results topic; see the README before switching it on.

module "definition" {
  source = "../state_machine_definition"

  definition_path = var.definition_path
  function_arns   = var.alias_arns
}

locals {
  tags = merge(var.tags, {
    function    = "shared"
    module      = var.module_name
    component   = "state-machine"
    environment = var.environment
  })
}

resource "aws_iam_role" "this" {
  name = "${var.name}-sfn"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "states.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = local.tags
}

# The state machine may invoke exactly the aliases its Tasks name.
resource "aws_iam_role_policy" "this" {
  name = "invoke-task-functions"
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "InvokeTaskFunctions"
      Effect   = "Allow"
      Action   = ["lambda:InvokeFunction"]
      Resource = module.definition.function_arns
    }]
  })
}

resource "aws_sfn_state_machine" "this" {
  name       = var.name
  role_arn   = aws_iam_role.this.arn
  type       = "STANDARD" # .waitForTaskToken is not available to EXPRESS workflows
  definition = module.definition.definition
  tags       = local.tags

  depends_on = [aws_iam_role_policy.this]
}
