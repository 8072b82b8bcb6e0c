output "cluster_arn" {
  description = "The MSK cluster ARN (event source mappings; topic and group ARNs are derived from it)."
  value       = local.create ? aws_msk_serverless_cluster.this[0].arn : var.existing.cluster_arn
}

output "bootstrap_brokers" {
  description = "SASL/IAM bootstrap brokers (SHOP_KAFKA_BOOTSTRAP)."
  value       = local.create ? data.aws_msk_bootstrap_brokers.this[0].bootstrap_brokers_sasl_iam : var.existing.bootstrap_brokers
}

output "security_group_ids" {
  description = "The cluster's security groups (its event source mapping pollers use them)."
  value       = local.create ? [aws_security_group.msk[0].id] : compact([try(var.existing.security_group_id, null)])
}
