# The shop on AWS: networking pieces, MSK Serverless, Aurora Serverless v2, ElastiCache Serverless and the
# secrets (each created here unless you bring your own), then modules/shop with everything derived from
# functions/functions.json.

locals {
  name = "${var.name_prefix}-${var.environment}"
}

module "network" {
  source = "../../modules/network"

  name                                     = local.name
  environment                              = var.environment
  region                                   = var.region
  vpc_id                                   = var.vpc_id
  subnet_ids                               = var.subnet_ids
  lambda_security_group_ids                = var.lambda_security_group_ids
  vpc_endpoint_services                    = var.vpc_endpoint_services
  extra_endpoint_client_security_group_ids = module.kafka.security_group_ids
}

module "kafka" {
  source = "../../modules/msk_serverless"

  name                      = local.name
  environment               = var.environment
  existing                  = var.existing_kafka
  vpc_id                    = var.vpc_id
  subnet_ids                = var.subnet_ids
  client_security_group_ids = module.network.lambda_security_group_ids
}

module "postgres" {
  source = "../../modules/postgres"

  name                      = local.name
  environment               = var.environment
  existing                  = var.existing_postgres
  vpc_id                    = var.vpc_id
  subnet_ids                = var.subnet_ids
  client_security_group_ids = module.network.lambda_security_group_ids
  min_capacity              = var.postgres_min_capacity
  max_capacity              = var.postgres_max_capacity
  deletion_protection       = var.postgres_deletion_protection
  skip_final_snapshot       = !var.postgres_deletion_protection
}

module "redis" {
  source = "../../modules/redis"

  name                      = local.name
  environment               = var.environment
  existing_url              = var.existing_redis_url
  vpc_id                    = var.vpc_id
  subnet_ids                = var.subnet_ids
  client_security_group_ids = module.network.lambda_security_group_ids
}

module "secrets" {
  source = "../../modules/secrets"

  name                            = local.name
  environment                     = var.environment
  existing_admin_token_secret_arn = var.existing_admin_token_secret_arn
  kms_key_arn                     = var.secrets_kms_key_arn
}

# The Lambda jars (55-70 MB each, above Lambda's 50 MB direct upload) go through S3: this bucket, unless you
# name your own (artifacts_bucket).
resource "aws_s3_bucket" "artifacts" {
  count = var.artifacts_bucket == null ? 1 : 0

  bucket_prefix = "${local.name}-artifacts-"
  force_destroy = true
  tags          = { environment = var.environment }
}

resource "aws_s3_bucket_public_access_block" "artifacts" {
  count = var.artifacts_bucket == null ? 1 : 0

  bucket                  = aws_s3_bucket.artifacts[0].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
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
  artifacts_bucket    = var.artifacts_bucket != null ? var.artifacts_bucket : aws_s3_bucket.artifacts[0].id
  artifacts_upload    = "s3"

  subnet_ids         = var.subnet_ids
  security_group_ids = module.network.lambda_security_group_ids

  db_url                 = module.postgres.jdbc_url
  db_secret_arn          = module.postgres.secret_arn
  admin_token_secret_arn = module.secrets.admin_token_secret_arn
  secrets_kms_key_arns   = distinct(concat(module.postgres.secret_kms_key_arns, module.secrets.kms_key_arns))
  redis_url              = module.redis.url

  kafka = {
    bootstrap_brokers = module.kafka.bootstrap_brokers
    auth              = "aws-msk-iam"
    cluster_arn       = module.kafka.cluster_arn
  }
  kafka_triggers                   = true
  consumer                         = var.consumer
  consumer_failure_destination_arn = var.consumer_failure_destination_arn

  snapstart          = var.snapstart
  log_retention_days = var.log_retention_days
  api_gateway        = "http"
  jwt                = var.jwt
  public_base_url    = var.public_base_url

  api_throttling_burst_limit = var.api_throttling_burst_limit
  api_throttling_rate_limit  = var.api_throttling_rate_limit

  # Migrations run once the database instance, the cluster and the endpoints exist.
  infrastructure_ready = concat(
    module.postgres.instance_ids,
    [module.kafka.cluster_arn],
    values(module.network.vpc_endpoint_ids),
  )

  schedule_timezone = var.schedule_timezone
  alarm_topic_arn   = var.alarm_topic_arn
  alarm_emails      = var.alarm_emails
  step_functions    = var.step_functions
}
