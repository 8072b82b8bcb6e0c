# The same resources deploy-knative applies, from the same generated YAML: one scale-to-zero Knative Service per
# module and one KafkaSource per consumed topic. Settings and secrets the Services read with envFrom.

locals {
  resources = provider::kubernetes::manifest_decode_multi(file(var.resources_path))
  by_name   = { for r in local.resources : "${r.kind}/${r.metadata.name}" => r }
}

resource "kubernetes_namespace" "shop" {
  metadata {
    name = var.namespace
  }
}

resource "kubernetes_config_map" "shop" {
  metadata {
    name      = "shop-config"
    namespace = kubernetes_namespace.shop.metadata[0].name
  }
  data = {
    SHOP_DB_URL    = var.db_url
    SHOP_REDIS_URL = var.redis_url
    SHOP_DB_USER   = var.db_user
  }
}

resource "kubernetes_secret" "shop" {
  metadata {
    name      = "shop-secrets"
    namespace = kubernetes_namespace.shop.metadata[0].name
  }
  data = {
    SHOP_DB_PASSWORD = var.db_password
    SHOP_ADMIN_TOKEN = var.admin_token
  }
}

resource "kubernetes_manifest" "service" {
  for_each = { for k, r in local.by_name : k => r if r.kind == "Service" }
  manifest = each.value

  depends_on = [kubernetes_config_map.shop, kubernetes_secret.shop]
}

resource "kubernetes_manifest" "kafka_source" {
  for_each = { for k, r in local.by_name : k => r if r.kind == "KafkaSource" }
  manifest = each.value

  depends_on = [kubernetes_manifest.service]
}
