terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

# The shop on Lambda, as both environments deploy it. modules/deployment derives every Lambda, event source
# mapping, schedule, migration and alarm from functions/functions.json; this module creates them. Order on every
# deploy, per manifest module: its migration Lambda is (re)deployed and invoked (Flyway + topics), and only then
# do its functions' and sweeper's `live` aliases move to the new versions and its event source mappings attach.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  name   = "${var.name_prefix}-${var.environment}"
  in_vpc = length(var.subnet_ids) > 0

  rest_stage = "api"
  # SHOP_ASSISTANT_BASE_URL. Taken from the API resource alone (not its routes or stage), so the functions can
  # carry it although the routes need the functions: a custom domain, else the API's own URL.
  api_id    = var.api_gateway == "http" ? one(module.http_api[*].api_id) : one(module.rest_api[*].api_id)
  api_stage = var.api_gateway == "http" ? "" : "/${local.rest_stage}"
  public_base_url = (
    var.public_base_url != null ? var.public_base_url :
    var.localstack_url != null ? "${var.localstack_url}/_aws/execute-api/${local.api_id}${local.api_stage}" :
    var.api_gateway == "http" ? one(module.http_api[*].api_endpoint) :
    "https://${local.api_id}.execute-api.${var.region}.amazonaws.com${local.api_stage}"
  )

  create_failure_queue = var.kafka_triggers && var.consumer_failure_destination_arn == null
  failure_queue_name   = "${local.name}-kafka-failures"
  failure_destination = !var.kafka_triggers ? null : (
    local.create_failure_queue
    ? { arn = one(aws_sqs_queue.consumer_failures[*].arn), service = "sqs" }
    : { arn = var.consumer_failure_destination_arn, service = split(":", var.consumer_failure_destination_arn)[2] }
  )
}

module "deployment" {
  source = "../deployment"

  manifest_path          = var.manifest_path
  name_prefix            = var.name_prefix
  environment            = var.environment
  partition              = data.aws_partition.current.partition
  region                 = var.region
  account_id             = data.aws_caller_identity.current.account_id
  in_vpc                 = local.in_vpc
  snapstart              = var.snapstart
  db_url                 = var.db_url
  db_secret_arn          = var.db_secret_arn
  admin_token_secret_arn = var.admin_token_secret_arn
  secrets_kms_key_arns   = var.secrets_kms_key_arns
  redis_url              = var.redis_url
  kafka                  = var.kafka
  kafka_triggers         = var.kafka_triggers
  http_payload           = var.api_gateway == "rest" ? "1.0" : "2.0"
  failure_destination    = local.failure_destination
  consumer               = var.consumer
  admin_jwt              = var.jwt != null
  public_base_url        = local.public_base_url
  migration              = var.migration
  outbox_sweep           = var.outbox_sweep
  alarms                 = var.alarms
  java_tool_options      = var.java_tool_options
  extra_environment      = var.extra_environment
}

locals {
  lambdas = module.deployment.lambdas

  jar_paths = {
    for m, d in module.deployment.module_details :
    m => "${var.artifacts_dir}/${m}/target/${d.artifact}-${var.artifact_version}-${var.artifact_classifier}.jar"
  }
  jar_hashes = { for m, p in local.jar_paths : m => filebase64sha256(p) }
  artifacts = {
    for m, p in local.jar_paths : m => var.artifacts_upload == "direct" ? {
      filename         = p
      s3_bucket        = null
      s3_key           = null
      source_code_hash = local.jar_hashes[m]
      } : {
      filename         = null
      s3_bucket        = var.artifacts_bucket
      s3_key           = aws_s3_object.jar[m].key
      source_code_hash = local.jar_hashes[m]
    }
  }
}

# One jar per module in S3, unless uploaded directly (the module's functions, migration and sweeper share it).
resource "aws_s3_object" "jar" {
  for_each = var.artifacts_upload == "direct" ? {} : local.jar_paths

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

module "migrate" {
  source   = "../function"
  for_each = { for k, l in local.lambdas : k => l if l.kind == "migrate" }

  lambda_name           = each.value.lambda_name
  description           = each.value.description
  tag_function          = each.key
  module_name           = each.value.module
  environment           = var.environment
  memory_mb             = each.value.memory_mb
  timeout_seconds       = each.value.timeout_seconds
  artifact              = local.artifacts[each.value.module]
  publish_alias         = false
  snapstart             = false
  environment_variables = each.value.environment
  policy_statements     = each.value.statements
  subnet_ids            = var.subnet_ids
  security_group_ids    = var.security_group_ids
  log_retention_days    = var.log_retention_days
}

# What the migrations need to reach (the database instance, the cluster, VPC endpoints) exists first.
resource "terraform_data" "infrastructure_ready" {
  input = var.infrastructure_ready
}

# Deploy-time step per module: Flyway migrations and the module's topics. Re-runs whenever the module's jar or
# its migration Lambda changes; a failure (function error) fails the apply before any alias moves.
resource "aws_lambda_invocation" "migrate" {
  for_each = module.deployment.migrations

  function_name = module.migrate[each.value].function_name
  input         = jsonencode({})

  triggers = {
    artifact = local.jar_hashes[each.key]
    function = module.migrate[each.value].last_modified
  }

  depends_on = [terraform_data.infrastructure_ready]
}

module "lambdas" {
  source   = "../function"
  for_each = { for k, l in local.lambdas : k => l if l.kind != "migrate" }

  lambda_name           = each.value.lambda_name
  description           = each.value.description
  tag_function          = each.key
  module_name           = each.value.module
  environment           = var.environment
  memory_mb             = each.value.memory_mb
  timeout_seconds       = each.value.timeout_seconds
  artifact              = local.artifacts[each.value.module]
  publish_alias         = true
  snapstart             = each.value.snapstart
  environment_variables = each.value.environment
  policy_statements     = each.value.statements
  subnet_ids            = var.subnet_ids
  security_group_ids    = var.security_group_ids
  log_retention_days    = var.log_retention_days
  # The alias moves only after the module's migration answered.
  deploy_after = aws_lambda_invocation.migrate[each.value.module].result
}

module "http_api" {
  source = "../http_api"
  count  = var.api_gateway == "http" ? 1 : 0

  name                   = local.name
  environment            = var.environment
  routes                 = module.deployment.routes
  jwt                    = var.jwt
  log_retention_days     = var.log_retention_days
  throttling_burst_limit = var.api_throttling_burst_limit
  throttling_rate_limit  = var.api_throttling_rate_limit
  functions              = local.http_functions
}

module "rest_api" {
  source = "../rest_api"
  count  = var.api_gateway == "rest" ? 1 : 0

  name        = local.name
  environment = var.environment
  stage_name  = local.rest_stage
  routes      = module.deployment.routes
  functions   = local.http_functions
}

locals {
  http_functions = {
    for name, f in module.deployment.functions : name => {
      module           = f.module
      function_name    = module.lambdas[name].function_name
      alias_name       = module.lambdas[name].alias_name
      alias_invoke_arn = module.lambdas[name].alias_invoke_arn
      timeout_seconds  = f.timeout_seconds
    } if length(f.http) > 0
  }
}

# On-failure destination of the Kafka event source mappings, unless you bring your own.
resource "aws_sqs_queue" "consumer_failures" {
  count = local.create_failure_queue ? 1 : 0

  name                      = local.failure_queue_name
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags = {
    function    = "shared"
    module      = "shared"
    component   = "kafka-failures"
    environment = var.environment
  }
}

module "kafka_consumers" {
  source = "../kafka_consumers"
  count  = var.kafka_triggers ? 1 : 0

  environment     = var.environment
  msk_cluster_arn = var.kafka.cluster_arn
  mappings        = module.deployment.event_source_mappings
  alias_arns      = { for k, l in module.lambdas : k => l.alias_arn if local.lambdas[k].mapped }
}

module "schedules" {
  source = "../schedules"

  name        = local.name
  environment = var.environment
  schedules   = module.deployment.schedules
  timezone    = var.schedule_timezone
  alias_arns  = { for k, s in module.deployment.schedules : s.lambda => module.lambdas[s.lambda].alias_arn }
}

module "alarms" {
  source = "../alarms"

  name                       = local.name
  environment                = var.environment
  alarms                     = module.deployment.alarms
  period_seconds             = module.deployment.alarm_period_seconds
  alarm_topic_arn            = var.alarm_topic_arn
  alarm_emails               = var.alarm_emails
  failure_queue_name         = local.create_failure_queue ? local.failure_queue_name : null
  failure_messages_threshold = module.deployment.failure_messages_threshold
}

# Optional, off by default: the modules' Amazon States Language files as Step Functions state machines
# (see README: the participants do not answer Step Functions yet).
module "state_machines" {
  source   = "../state_machine"
  for_each = var.step_functions ? module.deployment.workflows : {}

  name            = "${local.name}-${each.key}"
  module_name     = each.value.module
  environment     = var.environment
  definition_path = each.value.path
  alias_arns      = { for name in keys(module.deployment.functions) : name => module.lambdas[name].alias_arn }
}
