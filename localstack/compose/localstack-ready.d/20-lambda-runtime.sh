#!/usr/bin/env bash
# LocalStack init hook: Lambda functions run in containers LocalStack starts through the Docker socket; say so
# now rather than at the first invocation.
set -euo pipefail
if [[ -S /var/run/docker.sock ]]; then
  echo "shop: Docker socket mounted; Lambda containers join network ${LAMBDA_DOCKER_NETWORK:-bridge}"
else
  echo "shop: WARNING no /var/run/docker.sock in the LocalStack container: Lambda functions cannot run" >&2
fi
