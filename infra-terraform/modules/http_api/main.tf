terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

locals {
  # The API and its stage serve every HTTP function; per-function cost sits on the Lambdas.
  tags = merge(var.tags, {
    function    = "shared"
    module      = "shared"
    component   = "http-api"
    environment = var.environment
  })

  # Only the functions that serve a route get an integration.
  http_functions = toset([for r in values(var.routes) : r.function])
}

resource "aws_apigatewayv2_api" "this" {
  name          = var.name
  protocol_type = "HTTP"
  description   = "Routes derived from functions/functions.json"
  tags          = local.tags
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = local.tags
}

resource "aws_apigatewayv2_integration" "this" {
  for_each = local.http_functions

  api_id                 = aws_apigatewayv2_api.this.id
  integration_type       = "AWS_PROXY"
  integration_method     = "POST"
  integration_uri        = var.functions[each.key].alias_invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = min(30000, var.functions[each.key].timeout_seconds * 1000 + 1000)
}

# Optional: API Gateway validates a JWT (issuer, audience, scope) on admin routes before the function runs; the
# function then trusts the gateway's claims (SHOP_ADMIN_AUTH=gateway-jwt). Without it, admin routes
# ("auth": "admin") are authorized by the function itself (bearer admin token from Secrets Manager).
resource "aws_apigatewayv2_authorizer" "jwt" {
  count = var.jwt == null ? 0 : 1

  api_id           = aws_apigatewayv2_api.this.id
  name             = "${var.name}-admin-jwt"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = var.jwt.issuer
    audience = var.jwt.audience
  }
}

resource "aws_apigatewayv2_route" "this" {
  for_each = var.routes

  api_id    = aws_apigatewayv2_api.this.id
  route_key = each.key
  target    = "integrations/${aws_apigatewayv2_integration.this[each.value.function].id}"

  authorization_type   = each.value.jwt ? "JWT" : "NONE"
  authorizer_id        = each.value.jwt ? aws_apigatewayv2_authorizer.jwt[0].id : null
  authorization_scopes = each.value.jwt ? [var.jwt.admin_scope] : null

  lifecycle {
    precondition {
      condition     = !each.value.jwt || var.jwt != null
      error_message = "Route ${each.key} wants the JWT authorizer, but jwt is not configured."
    }
  }
}

resource "aws_lambda_permission" "this" {
  for_each = var.routes

  statement_id  = "apigw-${each.value.method}-${substr(sha1(each.key), 0, 12)}"
  action        = "lambda:InvokeFunction"
  principal     = "apigateway.amazonaws.com"
  function_name = var.functions[each.value.function].function_name
  qualifier     = var.functions[each.value.function].alias_name
  # Path parameters become wildcards in the execute-api ARN: <api>/<stage>/<METHOD>/<path>.
  source_arn = "${aws_apigatewayv2_api.this.execution_arn}/*/${each.value.method}${replace(each.value.path, "/\\{[^}]+\\}/", "*")}"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_burst_limit = var.throttling_burst_limit
    throttling_rate_limit  = var.throttling_rate_limit
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      requestTime        = "$context.requestTime"
      ip                 = "$context.identity.sourceIp"
      routeKey           = "$context.routeKey"
      status             = "$context.status"
      protocol           = "$context.protocol"
      responseLength     = "$context.responseLength"
      latencyMs          = "$context.responseLatency"
      integrationLatency = "$context.integrationLatency"
      integrationStatus  = "$context.integrationStatus"
      integrationError   = "$context.integrationErrorMessage"
      errorMessage       = "$context.error.message"
    })
  }

  tags = local.tags
}
