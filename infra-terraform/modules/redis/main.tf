terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

# ElastiCache Serverless (Valkey by default, or Redis OSS), always TLS, reached only from the shop Lambdas'
# security group; or your own Redis (url given).

locals {
  create = var.existing_url == null
  tags = merge(var.tags, {
    function    = "shared"
    module      = "shared"
    component   = "redis"
    environment = var.environment
  })
}

resource "aws_security_group" "redis" {
  count = local.create ? 1 : 0

  name_prefix = "${var.name}-redis-"
  description = "ElastiCache Serverless: 6379-6380 from the shop Lambdas"
  vpc_id      = var.vpc_id
  tags        = merge(local.tags, { Name = "${var.name}-redis" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each = local.create ? { for i, id in var.client_security_group_ids : tostring(i) => id } : {}

  security_group_id            = aws_security_group.redis[0].id
  description                  = "Redis (6379 primary, 6380 readers) from ${each.value}"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6380
  referenced_security_group_id = each.value
}

resource "aws_elasticache_serverless_cache" "this" {
  count = local.create ? 1 : 0

  name                 = var.name
  engine               = var.engine
  major_engine_version = var.major_engine_version
  subnet_ids           = var.subnet_ids
  security_group_ids   = [aws_security_group.redis[0].id]

  cache_usage_limits {
    data_storage {
      maximum = var.max_data_storage_gb
      unit    = "GB"
    }
    ecpu_per_second {
      maximum = var.max_ecpu_per_second
    }
  }

  tags = local.tags
}
