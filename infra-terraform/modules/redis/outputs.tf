output "url" {
  description = "SHOP_REDIS_URL: rediss://<endpoint>:<port> (ElastiCache Serverless is TLS only)."
  value       = local.create ? "rediss://${aws_elasticache_serverless_cache.this[0].endpoint[0].address}:${aws_elasticache_serverless_cache.this[0].endpoint[0].port}" : var.existing_url
}
