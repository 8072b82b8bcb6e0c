terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

# MSK Serverless with IAM authentication (its only client authentication), or your own cluster (cluster_arn and
# bootstrap_brokers given). Topics are not Terraform resources: each module's migration Lambda creates the
# manifest topics it produces or consumes, with the manifest's partition counts, through the Kafka AdminClient.

locals {
  create = var.existing == null
  tags = merge(var.tags, {
    function    = "shared"
    module      = "shared"
    component   = "kafka"
    environment = var.environment
  })
}

resource "aws_security_group" "msk" {
  count = local.create ? 1 : 0

  name_prefix = "${var.name}-msk-"
  description = "MSK Serverless: SASL/IAM (9098) from the shop Lambdas and the event source mapping pollers"
  vpc_id      = var.vpc_id
  tags        = merge(local.tags, { Name = "${var.name}-msk" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each = local.create ? { for i, id in var.client_security_group_ids : tostring(i) => id } : {}

  security_group_id            = aws_security_group.msk[0].id
  description                  = "Kafka SASL/IAM from ${each.value}"
  ip_protocol                  = "tcp"
  from_port                    = 9098
  to_port                      = 9098
  referenced_security_group_id = each.value
}

# The event source mapping's pollers run with the cluster's security group: it must admit itself.
resource "aws_vpc_security_group_ingress_rule" "self" {
  count = local.create ? 1 : 0

  security_group_id            = aws_security_group.msk[0].id
  description                  = "Kafka SASL/IAM from the event source mapping pollers"
  ip_protocol                  = "tcp"
  from_port                    = 9098
  to_port                      = 9098
  referenced_security_group_id = aws_security_group.msk[0].id
}

resource "aws_vpc_security_group_egress_rule" "all" {
  count = local.create ? 1 : 0

  security_group_id = aws_security_group.msk[0].id
  description       = "Pollers to the Kafka brokers and to STS, Lambda and SQS"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_msk_serverless_cluster" "this" {
  count = local.create ? 1 : 0

  cluster_name = var.name

  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = [aws_security_group.msk[0].id]
  }

  client_authentication {
    sasl {
      iam {
        enabled = true
      }
    }
  }

  tags = local.tags
}

data "aws_msk_bootstrap_brokers" "this" {
  count = local.create ? 1 : 0

  cluster_arn = aws_msk_serverless_cluster.this[0].arn
}
