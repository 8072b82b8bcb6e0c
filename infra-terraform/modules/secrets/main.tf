terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
    random = {
      source  = "hashicorp/random"
      version = ">= 3.5"
    }
  }
}

# Secrets Manager entries the functions read: the admin bearer token (a plain string, generated here unless
# you bring your own secret) and, when Postgres is not created with an RDS-managed secret, the Postgres
# credentials as an RDS-style JSON secret. Values end up in the Terraform state: keep it encrypted.

locals {
  tags = merge(var.tags, {
    function    = "shared"
    module      = "shared"
    component   = "secrets"
    environment = var.environment
  })
  create_admin = var.existing_admin_token_secret_arn == null
  create_db    = var.create_db_secret
}

resource "random_password" "admin_token" {
  count = local.create_admin ? 1 : 0

  length  = 48
  special = false
}

resource "aws_secretsmanager_secret" "admin_token" {
  count = local.create_admin ? 1 : 0

  name_prefix             = "${var.name}/admin-token-"
  description             = "Bearer token of the shop's admin routes"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = var.recovery_window_in_days
  tags                    = local.tags
}

resource "aws_secretsmanager_secret_version" "admin_token" {
  count = local.create_admin ? 1 : 0

  secret_id     = aws_secretsmanager_secret.admin_token[0].id
  secret_string = random_password.admin_token[0].result
}

resource "aws_secretsmanager_secret" "db" {
  count = local.create_db ? 1 : 0

  name_prefix             = "${var.name}/postgres-"
  description             = "Postgres credentials of the shop functions (username, password)"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = var.recovery_window_in_days
  tags                    = local.tags
}

resource "aws_secretsmanager_secret_version" "db" {
  count = local.create_db ? 1 : 0

  secret_id = aws_secretsmanager_secret.db[0].id
  secret_string = jsonencode({
    engine   = "postgres"
    username = var.db_credentials.username
    password = var.db_credentials.password
  })
}
