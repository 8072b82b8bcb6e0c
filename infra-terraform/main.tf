# Everything deployed here is derived from functions/functions.json: one Lambda per manifest function,
# one API route per manifest route, one event source mapping per consumed topic, one schedule per
# scheduled function (and, optionally, one state machine per ASL file of a function module).

module "manifest" {
  source        = "./modules/manifest"
  manifest_path = var.manifest_path
}

locals {
  functions     = module.manifest.functions
  routes        = module.manifest.routes
  subscriptions = module.manifest.subscriptions
  schedules     = module.manifest.schedules

  jar_paths = {
    for name, m in module.manifest.modules :
    name => "${var.artifacts_dir}/${name}/target/${m.artifact}-${var.artifact_version}-${var.artifact_classifier}.jar"
  }

  shared_environment = {
    SPRING_DATASOURCE_URL = var.postgres_jdbc_url
    SHOP_DB_SECRET_ARN    = var.postgres_secret_arn
    SHOP_REDIS_URI        = var.redis_url
    SHOP_KAFKA_BOOTSTRAP  = var.msk_bootstrap_brokers
  }
}

# Optional: one jar per module in S3 (several functions share a module's jar).
resource "aws_s3_object" "jar" {
  for_each = var.artifacts_bucket == null ? {} : local.jar_paths

  bucket      = var.artifacts_bucket
  key         = "${var.name_prefix}/${var.environment}/${basename(each.value)}"
  source      = each.value
  source_hash = filemd5(each.value)
  tags = {
    function    = "shared"
    module      = each.key
    environment = var.environment
  }
}

module "functions" {
  source   = "./modules/function"
  for_each = local.functions

  name                       = each.key
  module_name                = each.value.module
  lambda_name                = "${var.name_prefix}-${var.environment}-${each.key}"
  environment                = var.environment
  memory_mb                  = each.value.memory_mb
  timeout_seconds            = each.value.timeout_seconds
  spring_function_definition = each.value.spring_function_definition
  main_class                 = each.value.application
  snapstart                  = var.snapstart
  log_retention_days         = var.log_retention_days

  artifact = var.artifacts_bucket == null ? {
    filename         = local.jar_paths[each.value.module]
    s3_bucket        = null
    s3_key           = null
    source_code_hash = filebase64sha256(local.jar_paths[each.value.module])
    } : {
    filename         = null
    s3_bucket        = var.artifacts_bucket
    s3_key           = aws_s3_object.jar[each.value.module].key
    source_code_hash = filebase64sha256(local.jar_paths[each.value.module])
  }

  environment_variables = merge(
    local.shared_environment,
    each.value.admin ? { SHOP_ADMIN_TOKEN_SECRET_ARN = var.admin_token_secret_arn } : {},
  )
  secret_arns = concat(
    [var.postgres_secret_arn],
    each.value.admin ? [var.admin_token_secret_arn] : [],
  )
  kms_key_arn = var.secrets_kms_key_arn

  subnet_ids         = var.lambda_subnet_ids
  security_group_ids = var.lambda_security_group_ids

  msk_cluster_arn            = var.msk_cluster_arn
  consumed_topics            = each.value.consumed_topic_names
  consumer_group_ids         = [for s in values(local.subscriptions) : s.consumer_group_id if s.function == each.key]
  produced_topics            = each.value.module_produced_topic_names
  on_failure_destination_arn = var.consumer_failure_destination_arn
}

module "http_api" {
  source = "./modules/http_api"

  name                   = "${var.name_prefix}-${var.environment}"
  environment            = var.environment
  routes                 = local.routes
  log_retention_days     = var.log_retention_days
  throttling_burst_limit = var.api_throttling_burst_limit
  throttling_rate_limit  = var.api_throttling_rate_limit

  functions = {
    for name, f in local.functions : name => {
      module           = f.module
      function_name    = module.functions[name].function_name
      alias_name       = module.functions[name].alias_name
      alias_invoke_arn = module.functions[name].alias_invoke_arn
      timeout_seconds  = f.timeout_seconds
    } if length(f.http) > 0
  }
}

module "kafka_consumers" {
  source = "./modules/kafka_consumers"

  environment                = var.environment
  msk_cluster_arn            = var.msk_cluster_arn
  subscriptions              = local.subscriptions
  batch_size                 = var.consumer_batch_size
  on_failure_destination_arn = var.consumer_failure_destination_arn

  alias_arns = {
    for name, f in local.functions : name => module.functions[name].alias_arn if length(f.consumes) > 0
  }
}

module "schedules" {
  source = "./modules/schedules"

  name        = "${var.name_prefix}-${var.environment}"
  environment = var.environment
  schedules   = local.schedules
  timezone    = var.schedule_timezone

  alias_arns = {
    for name, f in local.functions : name => module.functions[name].alias_arn if f.schedule != null
  }
}

# Optional, off by default: the modules' Amazon States Language files as Step Functions state machines
# (see README: the participants do not answer Step Functions yet).
module "state_machines" {
  source   = "./modules/state_machine"
  for_each = var.step_functions ? module.manifest.workflows : {}

  name            = "${var.name_prefix}-${var.environment}-${each.key}"
  module_name     = each.value.module
  environment     = var.environment
  definition_path = each.value.path
  alias_arns      = { for name, f in module.functions : name => f.alias_arn }
}
