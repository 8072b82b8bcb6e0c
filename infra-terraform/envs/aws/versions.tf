terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80, < 7.0"
    }
    random = {
      source  = "hashicorp/random"
      version = ">= 3.5"
    }
  }

  # State is local by default; for a shared environment add e.g.
  # backend "s3" { bucket = "...", key = "shop/<environment>.tfstate", region = "...", use_lockfile = true }
}

provider "aws" {
  region = var.region

  # Cost visibility: every taggable resource carries these; resources add function and module.
  default_tags {
    tags = merge(var.tags, {
      project     = var.name_prefix
      environment = var.environment
      managed_by  = "terraform"
    })
  }
}
