# Pure: the REST API resource tree of a set of route paths, one map per depth (check.sh plans it offline).
# A REST API is a tree of path-part resources, and Terraform cannot let one resource's instances depend on each
# other, so modules/rest_api has one resource per depth. "/a/{b}/c" has the prefixes "/a", "/a/{b}", "/a/{b}/c".

locals {
  segments = { for p in distinct(var.paths) : p => split("/", trimprefix(p, "/")) if p != "/" }
  prefixes = distinct(flatten([
    for p, s in local.segments : [for i in range(1, length(s) + 1) : "/${join("/", slice(s, 0, i))}"]
  ]))
  depth = { for p in local.prefixes : p => length(split("/", p)) - 1 }

  by_depth = {
    for d in range(1, var.max_depth + 1) : tostring(d) => {
      for p in local.prefixes : p => {
        part   = element(split("/", p), local.depth[p])
        parent = d == 1 ? "/" : join("/", slice(split("/", p), 0, local.depth[p]))
      } if local.depth[p] == d
    }
  }
  too_deep = [for p in local.prefixes : p if local.depth[p] > var.max_depth]
}
