# The shop's Lambda artifacts on LocalStack (community edition), against the Postgres, Redis and Kafka of
# ../../../localstack/compose.yaml. Same modules/shop as envs/aws; what community LocalStack lacks is switched off:
# no MSK, so no Kafka event source mappings (consumers are deployed but nothing triggers them); no HTTP APIs
# (v2), so a REST API; no SnapStart. The Lambda containers reach the compose services by name.

module "secrets" {
  source = "../../modules/secrets"

  name                    = "${var.name_prefix}-${var.environment}"
  environment             = var.environment
  create_db_secret        = true
  db_credentials          = { username = var.postgres_user, password = var.postgres_password }
  recovery_window_in_days = 0
}

module "shop" {
  source = "../../modules/shop"

  manifest_path       = var.manifest_path
  name_prefix         = var.name_prefix
  environment         = var.environment
  region              = var.region
  artifacts_dir       = var.artifacts_dir
  artifact_version    = var.artifact_version
  artifact_classifier = var.artifact_classifier
  artifacts_bucket    = var.artifacts_bucket
  artifacts_upload    = var.artifacts_bucket == null ? "direct" : "s3"

  db_url                 = var.postgres_jdbc_url
  db_secret_arn          = module.secrets.db_secret_arn
  admin_token_secret_arn = module.secrets.admin_token_secret_arn
  redis_url              = var.redis_url

  kafka = {
    bootstrap_brokers = var.kafka_bootstrap
    auth              = "none"
  }
  kafka_triggers = false

  snapstart          = false
  log_retention_days = 7
  api_gateway        = var.api_gateway
  localstack_url     = var.lambda_localstack_url

  extra_environment = var.extra_environment
}
