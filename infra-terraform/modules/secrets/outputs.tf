output "admin_token_secret_arn" {
  description = "SHOP_ADMIN_TOKEN_SECRET_ARN."
  value       = local.create_admin ? aws_secretsmanager_secret.admin_token[0].arn : var.existing_admin_token_secret_arn
}

output "db_secret_arn" {
  description = "The created Postgres credentials secret; null when none was created."
  value       = local.create_db ? aws_secretsmanager_secret.db[0].arn : null
}

output "kms_key_arns" {
  description = "The customer-managed key of the created secrets, if any (readers need kms:Decrypt on it)."
  value       = var.kms_key_arn == null ? [] : [var.kms_key_arn]
}
