terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

# The Lambdas' security group (or yours) and interface VPC endpoints, so private subnets without a NAT reach
# Secrets Manager (secrets), STS and Lambda (the MSK event source mapping's pollers) and SQS (its on-failure
# destination). With a NAT, or endpoints of your own, set vpc_endpoint_services = [].

locals {
  tags = merge(var.tags, {
    function    = "shared"
    module      = "shared"
    component   = "network"
    environment = var.environment
  })
  create_lambda_sg   = length(var.lambda_security_group_ids) == 0
  lambda_sg_ids      = local.create_lambda_sg ? [aws_security_group.lambda[0].id] : var.lambda_security_group_ids
  endpoint_clients   = concat(local.lambda_sg_ids, var.extra_endpoint_client_security_group_ids)
  endpoint_client_ix = { for i, id in local.endpoint_clients : tostring(i) => id }
}

resource "aws_security_group" "lambda" {
  count = local.create_lambda_sg ? 1 : 0

  name_prefix = "${var.name}-lambda-"
  description = "Shop Lambdas: outbound only"
  vpc_id      = var.vpc_id
  tags        = merge(local.tags, { Name = "${var.name}-lambda" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_egress_rule" "lambda_all" {
  count = local.create_lambda_sg ? 1 : 0

  security_group_id = aws_security_group.lambda[0].id
  description       = "Postgres, Redis, MSK and AWS APIs"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_security_group" "endpoints" {
  count = length(var.vpc_endpoint_services) > 0 ? 1 : 0

  name_prefix = "${var.name}-endpoints-"
  description = "Interface VPC endpoints: HTTPS from the shop Lambdas and MSK"
  vpc_id      = var.vpc_id
  tags        = merge(local.tags, { Name = "${var.name}-endpoints" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_https" {
  for_each = length(var.vpc_endpoint_services) > 0 ? local.endpoint_client_ix : {}

  security_group_id            = aws_security_group.endpoints[0].id
  description                  = "HTTPS from ${each.value}"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = each.value
}

resource "aws_vpc_endpoint" "interface" {
  for_each = toset(var.vpc_endpoint_services)

  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.${var.region}.${each.value}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = var.subnet_ids
  security_group_ids  = [aws_security_group.endpoints[0].id]
  private_dns_enabled = true
  tags                = merge(local.tags, { Name = "${var.name}-${each.value}" })
}
