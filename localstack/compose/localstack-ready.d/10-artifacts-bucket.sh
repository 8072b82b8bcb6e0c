#!/usr/bin/env bash
# LocalStack init hook (ready.d: runs once its services are up). Creates the bucket infra-terraform/envs/localstack
# uploads the Lambda jars to: the shaded jars can exceed the 50 MB of a direct upload.
set -euo pipefail
bucket="${SHOP_ARTIFACTS_BUCKET:-shop-local-artifacts}"
if awslocal s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
  echo "shop: artifacts bucket s3://$bucket exists"
else
  awslocal s3api create-bucket --bucket "$bucket" >/dev/null
  echo "shop: created artifacts bucket s3://$bucket"
fi
