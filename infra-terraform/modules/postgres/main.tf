terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

# Aurora PostgreSQL Serverless v2 with an RDS-managed master user secret (JSON with username and password,
# rotated by RDS), or your own Postgres (jdbc_url and secret_arn given).

locals {
  create = var.existing == null
  tags = merge(var.tags, {
    function    = "shared"
    module      = "shared"
    component   = "postgres"
    environment = var.environment
  })
}

resource "aws_db_subnet_group" "this" {
  count = local.create ? 1 : 0

  name_prefix = "${var.name}-"
  subnet_ids  = var.subnet_ids
  tags        = local.tags
}

resource "aws_security_group" "postgres" {
  count = local.create ? 1 : 0

  name_prefix = "${var.name}-postgres-"
  description = "Aurora PostgreSQL: 5432 from the shop Lambdas"
  vpc_id      = var.vpc_id
  tags        = merge(local.tags, { Name = "${var.name}-postgres" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each = local.create ? { for i, id in var.client_security_group_ids : tostring(i) => id } : {}

  security_group_id            = aws_security_group.postgres[0].id
  description                  = "Postgres from ${each.value}"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = each.value
}

resource "aws_rds_cluster" "this" {
  count = local.create ? 1 : 0

  cluster_identifier          = var.name
  engine                      = "aurora-postgresql"
  engine_mode                 = "provisioned"
  engine_version              = var.engine_version
  database_name               = var.database_name
  master_username             = var.master_username
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.this[0].name
  vpc_security_group_ids      = [aws_security_group.postgres[0].id]
  storage_encrypted           = true
  backup_retention_period     = var.backup_retention_days
  copy_tags_to_snapshot       = true
  deletion_protection         = var.deletion_protection
  skip_final_snapshot         = var.skip_final_snapshot
  final_snapshot_identifier   = var.skip_final_snapshot ? null : "${var.name}-final"

  serverlessv2_scaling_configuration {
    min_capacity = var.min_capacity
    max_capacity = var.max_capacity
  }

  tags = local.tags
}

resource "aws_rds_cluster_instance" "this" {
  count = local.create ? var.instances : 0

  identifier          = "${var.name}-${count.index + 1}"
  cluster_identifier  = aws_rds_cluster.this[0].id
  instance_class      = "db.serverless"
  engine              = aws_rds_cluster.this[0].engine
  engine_version      = aws_rds_cluster.this[0].engine_version
  publicly_accessible = false
  tags                = local.tags
}
