# The whole deployment as data: every Lambda (one per manifest function, and per manifest module one migration
# and one outbox sweeper) with its settings, environment and IAM statements; the event source mappings, the
# schedules, the migrations and the alarms. No providers and no resources, so check.sh plans it offline with
# stand-in ARNs and inspects what the real modules then create from it.

module "manifest" {
  source        = "../manifest"
  manifest_path = var.manifest_path
}

locals {
  prefix    = "${var.name_prefix}-${var.environment}"
  functions = module.manifest.functions
  modules   = module.manifest.module_details
  kafka_iam = var.kafka.auth == "aws-msk-iam"

  # arn:aws:kafka:region:account:cluster/name/uuid -> .../topic/name/uuid/<topic>, .../group/name/uuid/<group>
  cluster_arn      = coalesce(var.kafka.cluster_arn, "arn:${var.partition}:kafka:${var.region}:${var.account_id}:cluster/none/none")
  topic_arn_prefix = replace(local.cluster_arn, ":cluster/", ":topic/")
  group_arn_prefix = replace(local.cluster_arn, ":cluster/", ":group/")

  function_lambdas = {
    for name, f in local.functions : name => {
      kind                       = "function"
      module                     = f.module
      function                   = name
      lambda_name                = "${local.prefix}-${name}"
      description                = "${f.module}/${name} (${var.environment})"
      application                = f.application
      memory_mb                  = f.memory_mb
      timeout_seconds            = f.timeout_seconds
      spring_function_definition = length(f.http) > 0 && var.http_payload == "1.0" ? "${f.spring_function_definition}Rest" : f.spring_function_definition
      snapstart                  = var.snapstart
      alias                      = true
      admin                      = f.admin
      mapped                     = var.kafka_triggers && length(f.consumed_topic_names) > 0
      consumed_topics            = var.kafka_triggers ? f.consumed_topic_names : []
      consumer_group_ids         = var.kafka_triggers ? [for s in values(module.manifest.subscriptions) : s.consumer_group_id if s.function == name] : []
      produced_topics            = f.module_produced_topic_names
      created_topics             = []
    }
  }

  # Deploy-time: Flyway migrations and the module's topics, invoked by Terraform before aliases move. It runs
  # once per deployment, so it has no SnapStart and no alias (Terraform invokes $LATEST).
  migrate_lambdas = {
    for m, mod in local.modules : "${m}-migrate" => {
      kind                       = "migrate"
      module                     = m
      function                   = null
      lambda_name                = "${local.prefix}-${m}-migrate"
      description                = "${m} migrations and topics (${var.environment})"
      application                = mod.application
      memory_mb                  = var.migration.memory_mb
      timeout_seconds            = var.migration.timeout_seconds
      spring_function_definition = "migrateModule"
      snapstart                  = false
      alias                      = false
      admin                      = false
      mapped                     = false
      consumed_topics            = []
      consumer_group_ids         = []
      produced_topics            = []
      created_topics             = keys(mod.topics)
    }
  }

  # Every minute: publishes outbox rows an invocation left unpublished (Kafka down, timeout).
  sweep_lambdas = {
    for m, mod in local.modules : "${m}-sweep-outbox" => {
      kind                       = "sweep"
      module                     = m
      function                   = null
      lambda_name                = "${local.prefix}-${m}-sweep-outbox"
      description                = "${m} outbox sweeper (${var.environment})"
      application                = mod.application
      memory_mb                  = var.outbox_sweep.memory_mb
      timeout_seconds            = var.outbox_sweep.timeout_seconds
      spring_function_definition = "sweepOutbox"
      snapstart                  = var.snapstart
      alias                      = true
      admin                      = false
      mapped                     = false
      consumed_topics            = []
      consumer_group_ids         = []
      produced_topics            = mod.produced_topic_names
      created_topics             = []
    }
  }

  all_lambdas = merge(local.function_lambdas, local.migrate_lambdas, local.sweep_lambdas)

  failure_actions = {
    sqs = ["sqs:SendMessage"]
    sns = ["sns:Publish"]
    s3  = ["s3:PutObject", "s3:ListBucket"]
  }
  failure_service   = var.failure_destination == null ? "" : var.failure_destination.service
  failure_resources = var.failure_destination == null ? [] : local.failure_service == "s3" ? [var.failure_destination.arn, "${var.failure_destination.arn}/*"] : [var.failure_destination.arn]

  lambdas = {
    for k, l in local.all_lambdas : k => merge(l, {
      environment = merge(
        var.extra_environment,
        {
          SPRING_CLOUD_FUNCTION_DEFINITION = l.spring_function_definition
          SPRING_PROFILES_ACTIVE           = "lambda"
          MAIN_CLASS                       = l.application
          SHOP_FUNCTION                    = coalesce(l.function, k)
          SHOP_MODULE                      = l.module
          # SnapStart-safe: nothing migrates at init; the module's migration Lambda does it at deploy time.
          SHOP_DB_MIGRATE      = "false"
          SHOP_DB_URL          = var.db_url
          SHOP_DB_SECRET_ARN   = var.db_secret_arn
          SHOP_REDIS_URL       = var.redis_url
          SHOP_KAFKA_BOOTSTRAP = var.kafka.bootstrap_brokers
          SHOP_KAFKA_AUTH      = var.kafka.auth
          JAVA_TOOL_OPTIONS    = var.java_tool_options
        },
        l.kind == "function" ? { SHOP_ASSISTANT_BASE_URL = var.public_base_url } : {},
        l.admin ? { SHOP_ADMIN_TOKEN_SECRET_ARN = var.admin_token_secret_arn } : {},
        l.admin && var.admin_jwt ? { SHOP_ADMIN_AUTH = "gateway-jwt" } : {},
      )
      secret_arns = concat([var.db_secret_arn], l.admin ? [var.admin_token_secret_arn] : [])
      statements = concat(
        [{
          Sid      = "Logs"
          Effect   = "Allow"
          Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
          Resource = ["arn:${var.partition}:logs:${var.region}:${var.account_id}:log-group:/aws/lambda/${l.lambda_name}:*"]
        }],
        # ENI management cannot be scoped to resources (what AWSLambdaVPCAccessExecutionRole grants); an MSK
        # event source mapping creates its ENIs with the function's role too.
        var.in_vpc || l.mapped ? [{
          Sid    = "VpcNetworkInterfaces"
          Effect = "Allow"
          Action = [
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
            "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs",
          ]
          Resource = ["*"]
        }] : [],
        [{
          Sid      = "ReadSecrets"
          Effect   = "Allow"
          Action   = ["secretsmanager:GetSecretValue"]
          Resource = concat([var.db_secret_arn], l.admin ? [var.admin_token_secret_arn] : [])
        }],
        length(var.secrets_kms_key_arns) > 0 ? [{
          Sid      = "DecryptSecrets"
          Effect   = "Allow"
          Action   = ["kms:Decrypt"]
          Resource = var.secrets_kms_key_arns
        }] : [],
        local.kafka_iam && (l.mapped || length(l.produced_topics) > 0 || length(l.created_topics) > 0) ? [{
          Sid    = "KafkaConnect"
          Effect = "Allow"
          Action = concat(
            ["kafka-cluster:Connect"],
            l.mapped ? ["kafka-cluster:DescribeClusterDynamicConfiguration"] : [],
            length(l.produced_topics) > 0 ? ["kafka-cluster:WriteDataIdempotently"] : [],
          )
          Resource = [local.cluster_arn]
        }] : [],
        # The event source mapping polls with the function's role.
        l.mapped ? [
          {
            Sid      = "MskEventSource"
            Effect   = "Allow"
            Action   = ["kafka:DescribeClusterV2", "kafka:GetBootstrapBrokers"]
            Resource = [local.cluster_arn]
          },
          {
            Sid      = "KafkaReadTopics"
            Effect   = "Allow"
            Action   = ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"]
            Resource = [for t in l.consumed_topics : "${local.topic_arn_prefix}/${t}"]
          },
          {
            Sid      = "KafkaConsumerGroups"
            Effect   = "Allow"
            Action   = ["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"]
            Resource = [for g in l.consumer_group_ids : "${local.group_arn_prefix}/${g}"]
          },
        ] : [],
        # The outbox publishes whatever the module wrote, so write access follows the module's produced topics.
        local.kafka_iam && length(l.produced_topics) > 0 ? [{
          Sid      = "KafkaWriteTopics"
          Effect   = "Allow"
          Action   = ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"]
          Resource = [for t in l.produced_topics : "${local.topic_arn_prefix}/${t}"]
        }] : [],
        local.kafka_iam && length(l.created_topics) > 0 ? [{
          Sid      = "KafkaCreateTopics"
          Effect   = "Allow"
          Action   = ["kafka-cluster:DescribeTopic", "kafka-cluster:CreateTopic"]
          Resource = [for t in l.created_topics : "${local.topic_arn_prefix}/${t}"]
        }] : [],
        l.mapped && var.failure_destination != null ? [{
          Sid      = "OnFailureDestination"
          Effect   = "Allow"
          Action   = lookup(local.failure_actions, local.failure_service, ["sqs:SendMessage"])
          Resource = local.failure_resources
        }] : [],
      )
    })
  }

  # One MSK event source mapping per (consumer function, topic): bounded retries, bisect on error, partial batch
  # responses and an on-failure destination. AWS configures these error-handling controls for Kafka in
  # provisioned poller mode, so every mapping has a provisioned poller config.
  event_source_mappings = {
    for k, s in module.manifest.subscriptions : k => {
      lambda                             = s.function
      module                             = s.module
      topic_name                         = s.topic_name
      consumer_group_id                  = s.consumer_group_id
      starting_position                  = var.consumer.starting_position
      batch_size                         = var.consumer.batch_size
      maximum_batching_window_in_seconds = var.consumer.maximum_batching_window_in_seconds
      maximum_retry_attempts             = var.consumer.maximum_retry_attempts
      maximum_record_age_in_seconds      = var.consumer.maximum_record_age_in_seconds
      bisect_batch_on_function_error     = var.consumer.bisect_batch_on_function_error
      function_response_types            = ["ReportBatchItemFailures"]
      minimum_pollers                    = var.consumer.minimum_pollers
      maximum_pollers                    = var.consumer.maximum_pollers
      failure_destination_arn            = var.failure_destination == null ? null : var.failure_destination.arn
    } if var.kafka_triggers
  }

  # The manifest's scheduled functions, plus every module's outbox sweeper.
  schedules = merge(
    { for name, s in module.manifest.schedules : name => { lambda = name, module = s.module, expression = s.expression } },
    { for m in keys(local.modules) : "${m}-sweep-outbox" => { lambda = "${m}-sweep-outbox", module = m, expression = var.outbox_sweep.schedule } },
  )

  migrations = { for m in keys(local.modules) : m => "${m}-migrate" }

  routes = {
    for k, r in module.manifest.routes : k => merge(r, { jwt = r.admin && var.admin_jwt })
  }

  # Alarms on the AWS/Lambda metrics by FunctionName (all versions and aliases together). OffsetLag is what the
  # MSK event source mappings of a function report: how far its consumer group is behind the topic's end.
  alarms = merge(
    {
      for k, l in local.lambdas : "${k}-errors" => {
        lambda             = k
        lambda_name        = l.lambda_name
        metric_name        = "Errors"
        statistic          = "Sum"
        threshold          = var.alarms.errors_threshold
        evaluation_periods = 1
        description        = "${l.lambda_name}: function errors"
      }
    },
    {
      for k, l in local.lambdas : "${k}-throttles" => {
        lambda             = k
        lambda_name        = l.lambda_name
        metric_name        = "Throttles"
        statistic          = "Sum"
        threshold          = var.alarms.throttles_threshold
        evaluation_periods = 1
        description        = "${l.lambda_name}: throttled invocations"
      }
    },
    {
      for k, l in local.lambdas : "${k}-offset-lag" => {
        lambda             = k
        lambda_name        = l.lambda_name
        metric_name        = "OffsetLag"
        statistic          = "Maximum"
        threshold          = var.alarms.offset_lag_threshold
        evaluation_periods = var.alarms.offset_lag_periods
        description        = "${l.lambda_name}: Kafka consumer lag (records behind) of its event source mappings"
      } if l.mapped
    },
  )

  lambda_keys    = concat(keys(local.function_lambdas), keys(local.migrate_lambdas), keys(local.sweep_lambdas))
  lambda_names   = [for l in values(local.all_lambdas) : l.lambda_name]
  long_names     = [for n in local.lambda_names : n if length(n) > 64 - length("-role")]
  no_application = [for k, l in local.all_lambdas : k if l.application == null]
}
