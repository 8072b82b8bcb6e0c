output "jdbc_url" {
  description = "SHOP_DB_URL: JDBC URL of the writer, without credentials."
  value       = local.create ? "jdbc:postgresql://${aws_rds_cluster.this[0].endpoint}:${aws_rds_cluster.this[0].port}/${var.database_name}?sslmode=require" : var.existing.jdbc_url
}

output "secret_arn" {
  description = "SHOP_DB_SECRET_ARN: the credentials secret (RDS-managed when created here)."
  value       = local.create ? aws_rds_cluster.this[0].master_user_secret[0].secret_arn : var.existing.secret_arn
}

output "secret_kms_key_arns" {
  description = "Customer-managed KMS keys of that secret the readers need kms:Decrypt on (empty: the AWS managed key)."
  value       = local.create ? [] : compact([try(var.existing.secret_kms_key_arn, null)])
}

output "instance_ids" {
  description = "The created instances (what must exist before migrations run); empty for your own Postgres."
  value       = local.create ? aws_rds_cluster_instance.this[*].id : []
}
