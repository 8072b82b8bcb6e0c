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
  # modules/manifest has no providers, so it can be planned offline: evaluate the real derivation.
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  cat >"$tmp/main.tf" <<HCL
module "m" {
  source        = "$PWD/modules/manifest"
  manifest_path = "$MANIFEST"
}
output "functions" { value = { for k, f in module.m.functions : k => f.module } }
output "routes" { value = { for k, r in module.m.routes : k => r.function } }
output "subscriptions" { value = { for k, s in module.m.subscriptions : k => s.topic_name } }
HCL
  if ! log=$(cd "$tmp" && export TF_DATA_DIR="$tmp/.tf" && terraform init -backend=false -input=false -no-color 2>&1 \
      && terraform plan -input=false -lock=false -no-color -out=plan 2>&1 && terraform show -json plan >plan.json 2>show.err); then
    echo "FAIL: planning modules/manifest against $MANIFEST:" >&2; echo "$log" | sed -n '/^Error/,$p' >&2; exit 1
  fi
  EVAL="$tmp/plan.json"
else
  echo "skipped: terraform not on PATH (no fmt check, no evaluation of modules/manifest)"
fi

python3 - "$MANIFEST" "$EVAL" <<'PY'
import json, os, re, sys
manifest, evaluated = json.load(open(sys.argv[1])), sys.argv[2]
errors = []
fns = {f["name"]: f for f in manifest["functions"]}
routes = {f'{r["method"].upper()} {r["path"]}': f["name"] for f in manifest["functions"] for r in f.get("http", [])}
subs = {f'{f["name"]}/{t}': manifest["topics"][t]["name"] for f in manifest["functions"] for t in f.get("consumes", [])}
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
need(M, None, r'jsondecode\(file\(var\.manifest_path\)\)', "manifest is not read with jsondecode(file(var.manifest_path))")
need(M, None, r'for f in local\.manifest\.functions : f\.name =>', "functions map is not built from manifest.functions")
need(M, None, r'for r in try\(f\.http, \[\]\)', "routes are not built from each function's http list")
need(R, r'\blocals', r'functions\s*=\s*module\.manifest\.functions', "local.functions is not module.manifest.functions")
need(R, r'module "functions"', r'for_each\s*=\s*local\.functions', "module.functions does not for_each over the manifest functions")
need(R, r'module "functions"', r'memory_mb\s*=\s*each\.value\.memory_mb', "memory does not come from the manifest")
need(R, r'module "functions"', r'timeout_seconds\s*=\s*each\.value\.timeout_seconds', "timeout does not come from the manifest")
need(R, r'module "http_api"', r'routes\s*=\s*local\.routes', "http_api does not receive the manifest routes")
need(R, r'module "kafka_consumers"', r'subscriptions\s*=\s*local\.subscriptions', "kafka_consumers does not receive the manifest subscriptions")
for path, res, var in [("./modules/http_api/main.tf", "aws_apigatewayv2_route", "routes"),
                       ("./modules/http_api/main.tf", "aws_lambda_permission", "routes"),
                       ("./modules/kafka_consumers/main.tf", "aws_lambda_event_source_mapping", "subscriptions")]:
    need(path, rf'resource "{res}" "\w+"', rf'for_each\s*=\s*var\.{var}\b', f"{res} does not for_each over var.{var}")

if evaluated:  # what terraform actually derives from functions.json
    out = {k: v["value"] for k, v in json.load(open(evaluated))["planned_values"]["outputs"].items()}
    for name, got, want in [("functions", out["functions"], {n: f["module"] for n, f in fns.items()}),
                            ("routes", out["routes"], routes), ("subscriptions", out["subscriptions"], subs)]:
        if got != want:
            errors.append(f"modules/manifest {name} differ from functions.json: missing {sorted(set(want) - set(got))}, extra {sorted(set(got) - set(want))}, changed {sorted(k for k in want if k in got and got[k] != want[k])}")

literals = [(n, rf'\b{n}\b') for n in fns] + [(p, rf'(?<![\w/{{]){re.escape(p)}(?![\w/}}])')
            for p in {r.split(" ", 1)[1] for r in routes} | {t["name"] for t in manifest["topics"].values()}]
for path, text in list(tf.items()) + [("./terraform.tfvars.example", open("terraform.tfvars.example").read())]:
    errors += [f"{path}: hard-codes manifest value '{lit}'" for lit, rx in literals if re.search(rx, text)]

if errors:
    print("FAIL:\n  " + "\n  ".join(errors), file=sys.stderr); sys.exit(1)
print(f"ok: {len(fns)} functions, {len(routes)} routes, {len(subs)} topic subscriptions derived from functions.json"
      + (" (evaluated by terraform)" if evaluated else " (static check only)") + "; nothing hard-coded; module layout complete")
PY
