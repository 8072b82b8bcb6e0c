# Pure transformation of an Amazon States Language file: no providers and no resources, so check.sh plans it
# offline. The ASL names the platform's functions (Task Parameters.FunctionName, as the in-process workflow
# engine reads it); Step Functions needs a Lambda name or ARN, so each FunctionName becomes the ARN it maps to
# in var.function_arns (the function's live alias). Nothing else in the definition changes.

locals {
  asl = jsondecode(file(var.definition_path))

  # Only top-level states: the subset of ASL the engine runs has no Parallel or Map (nested States).
  nested = [for name, s in local.asl.States : name if contains(["Parallel", "Map"], try(s.Type, ""))]

  task_functions = distinct([
    for s in values(local.asl.States) : s.Parameters.FunctionName
    if try(s.Type, "") == "Task" && can(tostring(s.Parameters.FunctionName))
  ])
  unknown_functions = [for f in local.task_functions : f if !contains(keys(var.function_arns), f)]

  # merge() over a one-entry (or empty) for expression: the Task's Parameters with FunctionName replaced.
  states = {
    for name, s in local.asl.States : name => merge(s, {
      for k, p in s : k => merge(p, { FunctionName = lookup(var.function_arns, p.FunctionName, p.FunctionName) })
      if k == "Parameters" && try(s.Type, "") == "Task" && can(tostring(p.FunctionName))
    })
  }
}
