#!/usr/bin/env bash
# Offline structure check of infra-terraform: formatting, manifest-driven derivation, no hard-coded
# function names, module layout. Needs python3 (stdlib); uses terraform when it is on PATH.
set -euo pipefail
cd "$(dirname "$0")"
MANIFEST="$(cd ../functions && pwd)/functions.json"
EVAL=""

if command -v terraform >/dev/null 2>&1; then
  out=$(terraform fmt -check -recursive 2>/dev/null) || { echo "FAIL: terraform fmt -check: ${out:-error}; run 'terraform fmt -recursive'" >&2; exit 1; }
  echo "ok: terraform fmt -check -recursive"
  # modules/manifest and modules/state_machine_definition have no providers, so they can be planned offline:
  # evaluate the real derivation, and the ASL resolution against stand-in alias ARNs.
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  cat >"$tmp/main.tf" <<HCL
variable "manifest_path" { type = string }
module "m" {
  source        = "$PWD/modules/manifest"
  manifest_path = var.manifest_path
}
locals { arns = { for k, f in module.m.functions : k => "arn:aws:lambda:eu-west-1:123456789012:function:check-\${k}:live" } }
module "asl" {
  source          = "$PWD/modules/state_machine_definition"
  for_each        = module.m.workflows
  definition_path = each.value.path
  function_arns   = local.arns
}
output "functions" { value = { for k, f in module.m.functions : k => f.module } }
output "definitions" { value = { for k, f in module.m.functions : k => f.spring_function_definition } }
output "reads" { value = { for k, f in module.m.functions : k => f.consumed_topic_names } }
output "writes" { value = { for k, f in module.m.functions : k => f.module_produced_topic_names } }
output "routes" { value = { for k, r in module.m.routes : k => r.function } }
output "subscriptions" { value = { for k, s in module.m.subscriptions : k => s.topic_name } }
output "schedules" { value = { for k, s in module.m.schedules : k => { function = s.function, expression = s.expression } } }
output "workflows" { value = { for k, w in module.m.workflows : k => abspath(w.path) } }
output "asl" { value = { for k, a in module.asl : k => a.definition } }
output "arns" { value = local.arns }
HCL
  tf() { (cd "$tmp" && TF_DATA_DIR="$tmp/.tf" terraform "$@" -no-color 2>&1); }
  if ! log=$(tf init -backend=false -input=false && tf plan -input=false -lock=false -var "manifest_path=$MANIFEST" -out=plan \
      && (cd "$tmp" && TF_DATA_DIR="$tmp/.tf" terraform show -json plan >plan.json 2>show.err)); then
    echo "FAIL: planning modules/manifest against $MANIFEST:" >&2; echo "$log" | sed -n '/^Error/,$p' >&2; exit 1
  fi
  EVAL="$tmp/plan.json"

  # A scheduled function with another trigger must be rejected: plan copies of the manifest where an HTTP
  # function, then a consumer, also gets a schedule.
  for trigger in http consumes; do
    victim=$(python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
f = next(f for f in m["functions"] if f.get(sys.argv[3]) and not f.get("schedule"))
f["schedule"] = "rate(5 minutes)"
json.dump(m, open(sys.argv[2], "w"))
print(f["name"])' "$MANIFEST" "$tmp/bad-$trigger.json" "$trigger")
    if log=$(tf plan -input=false -lock=false -var "manifest_path=$tmp/bad-$trigger.json"); then
      echo "FAIL: modules/manifest accepted $victim with both a schedule and $trigger" >&2; exit 1
    fi
    flat=$(echo "$log" | tr -s ' \n│' '   ')
    if [[ "$flat" != *"scheduled function must have no other trigger"*"$victim"* ]]; then
      echo "FAIL: modules/manifest rejected $victim (schedule + $trigger), but not with the schedule message:" >&2
      echo "$log" | sed -n '/^Error/,$p' >&2; exit 1
    fi
  done
  echo "ok: modules/manifest rejects a scheduled function that also has http routes or consumed topics"
else
  echo "skipped: terraform not on PATH (no fmt check, no evaluation of modules/manifest)"
fi

python3 - "$MANIFEST" "$EVAL" <<'PY'
import glob, json, os, re, sys
manifest, evaluated = json.load(open(sys.argv[1])), sys.argv[2]
errors = []
fns = {f["name"]: f for f in manifest["functions"]}
topic = lambda t: manifest["topics"][t]["name"]
routes = {f'{r["method"].upper()} {r["path"]}': f["name"] for f in manifest["functions"] for r in f.get("http", [])}
subs = {f'{f["name"]}/{t}': topic(t) for f in manifest["functions"] for t in f.get("consumes", [])}
schedules = {n: {"function": n, "expression": f["schedule"]} for n, f in fns.items() if "schedule" in f}
definitions = {n: manifest["modules"][f["module"]]["httpHandler"] if f.get("http") else n for n, f in fns.items()}
reads = {n: [topic(t) for t in f.get("consumes", [])] for n, f in fns.items()}
module_writes = {n: {topic(t) for g in fns.values() if g["module"] == f["module"] for t in g.get("produces", [])} for n, f in fns.items()}
functions_dir = os.path.dirname(sys.argv[1])
workflows = {os.path.basename(p)[:-len(".asl.json")]: os.path.abspath(p)
             for p in glob.glob(os.path.join(functions_dir, "*/src/main/resources/workflows/*.asl.json"))}
tf = {os.path.join(d, n): open(os.path.join(d, n)).read() for d, _, ns in os.walk(".") if "/." not in d for n in ns if n.endswith(".tf")}

def code(path):  # .tf text without comments
    return re.sub(r'(?m)^\s*#.*$|\s+#.*$', "", tf[path])

def block(path, header):  # body of the first block whose header matches
    text = code(path); m = re.search(header + r'\s*\{', text)
    if not m: return ""
    depth, i = 1, m.end()
    while depth and i < len(text):
        depth += {"{": 1, "}": -1}.get(text[i], 0); i += 1
    return text[m.end():i]

def need(path, header, pattern, what):
    if not re.search(pattern, block(path, header) if header else code(path)):
        errors.append(f"{path}: {what}")

for d in ["."] + [os.path.join("modules", m) for m in sorted(os.listdir("modules"))]:
    for f in ["main.tf", "variables.tf", "outputs.tf"] + (["versions.tf"] if d == "." else []):
        if not os.path.isfile(os.path.join(d, f)): errors.append(f"{d}: missing {f}")
M, R = "./modules/manifest/main.tf", "./main.tf"
S, SM = "./modules/schedules/main.tf", "./modules/state_machine/main.tf"
need(M, None, r'jsondecode\(file\(var\.manifest_path\)\)', "manifest is not read with jsondecode(file(var.manifest_path))")
need(M, None, r'for f in local\.manifest\.functions : f\.name =>', "functions map is not built from manifest.functions")
need(M, None, r'for r in try\(f\.http, \[\]\)', "routes are not built from each function's http list")
need(M, r'schedules\s*=', r'for f in local\.manifest\.functions : f\.name =>[^}]*expression\s*=\s*f\.schedule', "schedules are not built from each function's schedule")
need(R, r'\blocals', r'functions\s*=\s*module\.manifest\.functions', "local.functions is not module.manifest.functions")
need(R, r'\blocals', r'schedules\s*=\s*module\.manifest\.schedules', "local.schedules is not module.manifest.schedules")
need(R, r'module "functions"', r'for_each\s*=\s*local\.functions', "module.functions does not for_each over the manifest functions")
need(R, r'module "functions"', r'memory_mb\s*=\s*each\.value\.memory_mb', "memory does not come from the manifest")
need(R, r'module "functions"', r'timeout_seconds\s*=\s*each\.value\.timeout_seconds', "timeout does not come from the manifest")
need(R, r'module "functions"', r'spring_function_definition\s*=\s*each\.value\.spring_function_definition', "SPRING_CLOUD_FUNCTION_DEFINITION does not come from modules/manifest")
need(R, r'module "functions"', r'consumed_topics\s*=\s*each\.value\.consumed_topic_names', "read access does not follow the function's consumed topics")
need(R, r'module "functions"', r'produced_topics\s*=\s*each\.value\.module_produced_topic_names', "write access does not follow the module's produced topics")
need(R, r'module "http_api"', r'routes\s*=\s*local\.routes', "http_api does not receive the manifest routes")
need(R, r'module "kafka_consumers"', r'subscriptions\s*=\s*local\.subscriptions', "kafka_consumers does not receive the manifest subscriptions")
need(R, r'module "schedules"', r'schedules\s*=\s*local\.schedules', "schedules does not receive the manifest schedules")
need(R, r'module "schedules"', r'alias_arns\s*=\s*\{[^}]*alias_arn\s+if\s+f\.schedule\s*!=\s*null', "schedules receives aliases of functions that are not scheduled")
need(R, r'module "state_machines"', r'for_each\s*=\s*var\.step_functions\s*\?\s*module\.manifest\.workflows\s*:\s*\{\}', "state_machines is not optional (var.step_functions) over module.manifest.workflows")
need(S, r'resource "aws_iam_role_policy" "this"', r'Resource\s*=\s*distinct\(\[for s in values\(var\.schedules\) : var\.alias_arns\[s\.function\]\]\)', "the scheduler role may invoke more than the scheduled aliases")
need(S, r'resource "aws_scheduler_schedule" "this"', r'arn\s*=\s*var\.alias_arns\[each\.value\.function\]', "a schedule does not target its function's live alias")
need(S, r'resource "aws_scheduler_schedule" "this"', r'schedule_expression\s*=\s*each\.value\.expression', "a schedule's expression does not come from the manifest")
need(SM, r'resource "aws_iam_role_policy" "this"', r'Resource\s*=\s*module\.definition\.function_arns', "the state machine role may invoke more than its Tasks' aliases")
need(SM, r'resource "aws_sfn_state_machine" "this"', r'definition\s*=\s*module\.definition\.definition', "the state machine definition is not the resolved ASL")
for path, res, var in [("./modules/http_api/main.tf", "aws_apigatewayv2_route", "routes"),
                       ("./modules/http_api/main.tf", "aws_lambda_permission", "routes"),
                       ("./modules/kafka_consumers/main.tf", "aws_lambda_event_source_mapping", "subscriptions"),
                       (S, "aws_scheduler_schedule", "schedules")]:
    need(path, rf'resource "{res}" "\w+"', rf'for_each\s*=\s*var\.{var}\b', f"{res} does not for_each over var.{var}")

# Every Task of every workflow names a manifest function (checked without terraform too).
asl = {name: json.load(open(path)) for name, path in workflows.items()}
tasks = 0
for name, a in asl.items():
    for state, s in a["States"].items():
        if s.get("Type") != "Task": continue
        tasks += 1
        fn = s.get("Parameters", {}).get("FunctionName")
        if not s.get("Resource", "").startswith("arn:aws:states:::lambda:invoke"):
            errors.append(f"{workflows[name]}: Task {state} is not a lambda:invoke Task")
        if fn not in fns:
            errors.append(f"{workflows[name]}: Task {state} FunctionName {fn!r} is not a manifest function")

if evaluated:  # what terraform actually derives from functions.json
    out = {k: v["value"] for k, v in json.load(open(evaluated))["planned_values"]["outputs"].items()}
    for name, got, want in [("functions", out["functions"], {n: f["module"] for n, f in fns.items()}),
                            ("routes", out["routes"], routes), ("subscriptions", out["subscriptions"], subs),
                            ("schedules", out["schedules"], schedules),
                            ("SPRING_CLOUD_FUNCTION_DEFINITIONs", out["definitions"], definitions),
                            ("read topics", out["reads"], reads),
                            ("write topics", {k: set(v) for k, v in out["writes"].items()}, module_writes),
                            ("workflows", out["workflows"], workflows)]:
        if got != want:
            errors.append(f"modules/manifest {name} differ from functions.json: missing {sorted(set(want) - set(got))}, extra {sorted(set(got) - set(want))}, changed {sorted(k for k in want if k in got and got[k] != want[k])}")
    for n, f in fns.items():  # the module rule must cover each function's own topics
        if missing := {topic(t) for t in f.get("produces", [])} - set(out["writes"].get(n, [])):
            errors.append(f"{n} may not write the topics it produces: {sorted(missing)}")
    # The resolved definition is the file with each Task's FunctionName replaced by that function's alias ARN.
    for name, a in asl.items():
        for s in a["States"].values():
            if s.get("Type") == "Task" and s.get("Parameters", {}).get("FunctionName") in out["arns"]:
                s["Parameters"]["FunctionName"] = out["arns"][s["Parameters"]["FunctionName"]]
        if name in out["asl"] and json.loads(out["asl"][name]) != a:
            errors.append(f"modules/state_machine_definition changed more than the FunctionNames of {workflows[name]}")

literals = [(n, rf'\b{n}\b') for n in fns] + [(p, rf'(?<![\w/{{]){re.escape(p)}(?![\w/}}])')
            for p in {r.split(" ", 1)[1] for r in routes} | {t["name"] for t in manifest["topics"].values()}]
for path, text in list(tf.items()) + [("./terraform.tfvars.example", open("terraform.tfvars.example").read())]:
    errors += [f"{path}: hard-codes manifest value '{lit}'" for lit, rx in literals if re.search(rx, text)]

if errors:
    print("FAIL:\n  " + "\n  ".join(errors), file=sys.stderr); sys.exit(1)
print(f"ok: {len(fns)} functions, {len(routes)} routes, {len(subs)} topic subscriptions, {len(schedules)} schedules"
      f" derived from functions.json; {len(asl)} workflows whose {tasks} Tasks name manifest functions"
      + (" (evaluated by terraform: also SPRING_CLOUD_FUNCTION_DEFINITION, topic read/write access, ASL resolution)" if evaluated else " (static check only)")
      + "; nothing hard-coded; module layout complete")
PY
