terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

# The manifest routes as an API Gateway REST API (v1) with Lambda proxy integrations. Only for LocalStack
# community, which has no HTTP APIs (v2): a REST API hands the function the payload 1.0 event format, not 2.0.
# On AWS use modules/http_api.

locals {
  tags = merge(var.tags, {
    function    = "shared"
    module      = "shared"
    component   = "rest-api"
    environment = var.environment
  })

  by_depth = module.tree.by_depth

  resource_ids = merge(
    { "/" = aws_api_gateway_rest_api.this.root_resource_id },
    { for p, r in aws_api_gateway_resource.d1 : p => r.id },
    { for p, r in aws_api_gateway_resource.d2 : p => r.id },
    { for p, r in aws_api_gateway_resource.d3 : p => r.id },
    { for p, r in aws_api_gateway_resource.d4 : p => r.id },
    { for p, r in aws_api_gateway_resource.d5 : p => r.id },
    { for p, r in aws_api_gateway_resource.d6 : p => r.id },
  )
}

module "tree" {
  source    = "../route_tree"
  paths     = [for r in values(var.routes) : r.path]
  max_depth = 6
}

resource "aws_api_gateway_rest_api" "this" {
  name        = var.name
  description = "Routes derived from functions/functions.json"
  tags        = local.tags

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_resource" "d1" {
  for_each    = local.by_depth["1"]
  rest_api_id = aws_api_gateway_rest_api.this.id
  parent_id   = aws_api_gateway_rest_api.this.root_resource_id
  path_part   = each.value.part
}

resource "aws_api_gateway_resource" "d2" {
  for_each    = local.by_depth["2"]
  rest_api_id = aws_api_gateway_rest_api.this.id
  parent_id   = aws_api_gateway_resource.d1[each.value.parent].id
  path_part   = each.value.part
}

resource "aws_api_gateway_resource" "d3" {
  for_each    = local.by_depth["3"]
  rest_api_id = aws_api_gateway_rest_api.this.id
  parent_id   = aws_api_gateway_resource.d2[each.value.parent].id
  path_part   = each.value.part
}

resource "aws_api_gateway_resource" "d4" {
  for_each    = local.by_depth["4"]
  rest_api_id = aws_api_gateway_rest_api.this.id
  parent_id   = aws_api_gateway_resource.d3[each.value.parent].id
  path_part   = each.value.part
}

resource "aws_api_gateway_resource" "d5" {
  for_each    = local.by_depth["5"]
  rest_api_id = aws_api_gateway_rest_api.this.id
  parent_id   = aws_api_gateway_resource.d4[each.value.parent].id
  path_part   = each.value.part
}

resource "aws_api_gateway_resource" "d6" {
  for_each    = local.by_depth["6"]
  rest_api_id = aws_api_gateway_rest_api.this.id
  parent_id   = aws_api_gateway_resource.d5[each.value.parent].id
  path_part   = each.value.part
}

# Admin routes are authorized by the function itself (bearer admin token); REST APIs get no JWT authorizer here.
resource "aws_api_gateway_method" "this" {
  for_each = var.routes

  rest_api_id   = aws_api_gateway_rest_api.this.id
  resource_id   = local.resource_ids[each.value.path]
  http_method   = each.value.method
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "this" {
  for_each = var.routes

  rest_api_id             = aws_api_gateway_rest_api.this.id
  resource_id             = local.resource_ids[each.value.path]
  http_method             = aws_api_gateway_method.this[each.key].http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = var.functions[each.value.function].alias_invoke_arn
  timeout_milliseconds    = min(29000, var.functions[each.value.function].timeout_seconds * 1000 + 1000)
}

resource "aws_lambda_permission" "this" {
  for_each = var.routes

  statement_id  = "apigw-${each.value.method}-${substr(sha1(each.key), 0, 12)}"
  action        = "lambda:InvokeFunction"
  principal     = "apigateway.amazonaws.com"
  function_name = var.functions[each.value.function].function_name
  qualifier     = var.functions[each.value.function].alias_name
  source_arn    = "${aws_api_gateway_rest_api.this.execution_arn}/*/${each.value.method}${replace(each.value.path, "/\\{[^}]+\\}/", "*")}"
}

resource "aws_api_gateway_deployment" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id

  # A new deployment whenever a route or its target changes.
  triggers = {
    routes = sha1(jsonencode([for k, r in var.routes : [k, var.functions[r.function].alias_invoke_arn]]))
  }

  lifecycle {
    create_before_destroy = true
  }

  depends_on = [aws_api_gateway_integration.this]
}

resource "aws_api_gateway_stage" "this" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  deployment_id = aws_api_gateway_deployment.this.id
  stage_name    = var.stage_name
  tags          = local.tags
}
