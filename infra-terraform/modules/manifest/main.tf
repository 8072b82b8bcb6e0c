# Pure derivation of the function manifest: no providers and no resources, so it can be planned offline
# (check.sh does). Everything the other modules deploy is a for_each over one of these outputs.

locals {
  manifest = jsondecode(file(var.manifest_path))

  modules = local.manifest.modules
  topics  = local.manifest.topics

  # Lookups use try() so that the output preconditions report a broken manifest clearly.
  # A `{ for ... }` map fails on a duplicate key, so a repeated function name or route is an error, not a
  # silently dropped entry.
  functions = {
    for f in local.manifest.functions : f.name => {
      name            = f.name
      module          = f.module
      artifact        = try(local.modules[f.module].artifact, null)
      application     = try(local.modules[f.module].application, null)
      memory_mb       = f.memoryMb
      timeout_seconds = f.timeoutSeconds
      http            = try(f.http, [])
      consumes        = try(f.consumes, [])
      produces        = try(f.produces, [])
      schedule        = try(f.schedule, null)
      # HTTP functions run their module's API Gateway adapter; consumers run the runtime's MSK batch entry point
      # (kafkaBatch, which hands each record to the function SHOP_FUNCTION names); scheduled functions run the
      # function itself (a bean of that name).
      spring_function_definition = (length(try(f.http, [])) > 0 ? try(local.modules[f.module].httpHandler, null)
      : length(try(f.consumes, [])) > 0 ? "kafkaBatch" : f.name)
      admin                = anytrue([for r in try(f.http, []) : try(r.auth, "") == "admin"])
      consumed_topic_names = [for t in try(f.consumes, []) : try(local.topics[t].name, t)]
      # The outbox relay runs in every function of a module and publishes whatever the module wrote, so
      # write access follows the module's produced topics, not only this function's.
      module_produced_topic_names = distinct(flatten([
        for g in local.manifest.functions : [for t in try(g.produces, []) : try(local.topics[t].name, t)] if g.module == f.module
      ]))
    }
  }

  route_list = flatten([
    for f in local.manifest.functions : [
      for r in try(f.http, []) : {
        key      = "${upper(r.method)} ${r.path}"
        function = f.name
        method   = upper(r.method)
        path     = r.path
        admin    = try(r.auth, "") == "admin"
      }
    ]
  ])
  routes = { for r in local.route_list : r.key => r }

  subscription_list = flatten([
    for f in local.manifest.functions : [
      for t in try(f.consumes, []) : {
        key        = "${f.name}/${t}"
        function   = f.name
        module     = f.module
        topic      = t
        topic_name = try(local.topics[t].name, t)
        # Lambda needs a consumer group id unique across Kafka event sources: the function name, or
        # function.topic when one function consumes several topics.
        consumer_group_id = length(f.consumes) == 1 ? f.name : "${f.name}.${t}"
      }
    ]
  ])
  subscriptions = { for s in local.subscription_list : s.key => s }

  # One schedule per scheduled function, keyed by function name: the function's `live` alias is invoked on
  # the manifest's expression (rate(...), cron(...) or at(...), as EventBridge Scheduler reads it).
  schedules = {
    for f in local.manifest.functions : f.name => {
      function   = f.name
      module     = f.module
      expression = f.schedule
    } if try(f.schedule, null) != null
  }

  # Per manifest module: what its deploy-time migration and its outbox sweeper touch. A module's outbox holds
  # whatever its functions produce; its migration creates every topic its functions produce or consume.
  module_details = {
    for m, mod in local.modules : m => {
      artifact    = try(mod.artifact, null)
      application = try(mod.application, null)
      functions   = [for f in local.manifest.functions : f.name if f.module == m]
      produced_topic_names = distinct(flatten([
        for f in local.manifest.functions : [for t in try(f.produces, []) : try(local.topics[t].name, t)] if f.module == m
      ]))
      topics = {
        for t in distinct(flatten([
          for f in local.manifest.functions : concat(try(f.produces, []), try(f.consumes, [])) if f.module == m
        ])) : try(local.topics[t].name, t) => try(local.topics[t].partitions, null)
      }
    }
  }

  # Step Functions definitions shipped by the function modules (see modules/state_machine), by file name.
  functions_dir = dirname(var.manifest_path)
  workflows = {
    for p in fileset(local.functions_dir, var.workflow_pattern) : trimsuffix(basename(p), ".asl.json") => {
      module = split("/", p)[0]
      path   = "${local.functions_dir}/${p}"
    }
  }

  unknown_modules = [for f in local.manifest.functions : f.name if !contains(keys(local.modules), f.module)]
  unknown_topics = flatten([
    for f in local.manifest.functions : [
      for t in concat(try(f.consumes, []), try(f.produces, [])) : "${f.name}:${t}" if !contains(keys(local.topics), t)
    ]
  ])
  http_and_consumer = [for f in local.manifest.functions : f.name if length(try(f.http, [])) > 0 && length(try(f.consumes, [])) > 0]
  schedule_and_other_trigger = [
    for f in local.manifest.functions : f.name
    if try(f.schedule, null) != null && (length(try(f.http, [])) > 0 || length(try(f.consumes, [])) > 0)
  ]
  bad_schedules = [
    for f in local.manifest.functions : "${f.name}: ${jsonencode(f.schedule)}"
    if try(f.schedule, null) != null && !can(regex("^(rate|cron|at)\\(.+\\)$", f.schedule))
  ]
  no_trigger = [
    for f in local.manifest.functions : f.name
    if length(try(f.http, [])) == 0 && length(try(f.consumes, [])) == 0 && try(f.schedule, null) == null
  ]
  no_partitions = [for k, t in local.topics : k if !can(tonumber(t.partitions)) || try(t.partitions, 0) < 1]
  no_artifact   = [for m, mod in local.modules : m if try(mod.artifact, "") == ""]
  no_http_handler = [
    for f in local.manifest.functions : f.name
    if length(try(f.http, [])) > 0 && try(local.modules[f.module].httpHandler, "") == ""
  ]
}
