#!/usr/bin/env bash
# Creates what finnews needs on a running LocalStack (localstack/localstack:4.14.0, the last tag that
# starts without an auth token): the upload bucket, the table, a queue that receives the bucket's S3
# notifications, and the notification itself. Uploads the sample article that
# infrastructure/events/s3-put.json refers to, writes the env file for `sam local` and prints the
# environment for running the functions on the host. Safe to run again. Steps: docs/deploy.md.
#
# Settings (environment, all optional):
#   LOCALSTACK_ENDPOINT   where this script reaches LocalStack          default http://localhost:4566
#   FUNCTION_ENDPOINT     where sam local's containers reach it          default http://host.docker.internal:4566
#   FINNEWS_BUCKET / FINNEWS_TABLE / FINNEWS_EVENTS_QUEUE               default finnews-local-uploads /
#                                                                        finnews-articles / finnews-local-upload-events
#   FINNEWS_ENV_FILE      env file for sam local --env-vars              default <this dir>/env.json
#   FINNEWS_NO_SAMPLE=1   do not upload the sample article
# Needs the AWS CLI (v1 or v2); credentials default to LocalStack's test/test.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
events="$here/../events"
endpoint="${LOCALSTACK_ENDPOINT:-http://localhost:4566}"
function_endpoint="${FUNCTION_ENDPOINT:-http://host.docker.internal:4566}"
region="${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}"
bucket="${FINNEWS_BUCKET:-finnews-local-uploads}"
table="${FINNEWS_TABLE:-finnews-articles}"
queue="${FINNEWS_EVENTS_QUEUE:-finnews-local-upload-events}"
env_file="${FINNEWS_ENV_FILE:-$here/env.json}"
# The key infrastructure/events/s3-put.json names (form-encoded there, as S3 sends it).
sample_key='金融/新浪财经 示例.md'

export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
export AWS_DEFAULT_REGION="$region"

awsl() { aws --endpoint-url "$endpoint" --region "$region" --output text "$@"; }
say() { printf '%s\n' "$*" >&2; }

say "LocalStack at $endpoint, region $region"

# Bucket: encrypted, no public access, as in template.yaml.
if ! awsl s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
  if [ "$region" = us-east-1 ]; then
    awsl s3api create-bucket --bucket "$bucket" >/dev/null
  else
    awsl s3api create-bucket --bucket "$bucket" --create-bucket-configuration "LocationConstraint=$region" >/dev/null
  fi
  say "created bucket $bucket"
fi
awsl s3api put-bucket-encryption --bucket "$bucket" \
  --server-side-encryption-configuration '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"}}]}'
awsl s3api put-public-access-block --bucket "$bucket" \
  --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true

# Table: the store's keys, on-demand, TTL on expiresAt.
if ! awsl dynamodb describe-table --table-name "$table" >/dev/null 2>&1; then
  awsl dynamodb create-table --table-name "$table" --billing-mode PAY_PER_REQUEST \
    --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=S \
    --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE >/dev/null
  awsl dynamodb wait table-exists --table-name "$table"
  say "created table $table"
fi
# Enabling TTL twice is an error on DynamoDB, so look first.
if [ "$(awsl dynamodb describe-time-to-live --table-name "$table" --query TimeToLiveDescription.TimeToLiveStatus)" != ENABLED ]; then
  awsl dynamodb update-time-to-live --table-name "$table" \
    --time-to-live-specification Enabled=true,AttributeName=expiresAt >/dev/null
fi

# Queue + notification: sam local cannot be the target of an S3 notification, so uploads queue
# their events here and you feed them to `sam local invoke` (docs/deploy.md shows the loop).
# LocalStack does not enforce queue policies; on AWS the queue would need one allowing s3.amazonaws.com.
queue_url="$(awsl sqs create-queue --queue-name "$queue" --query QueueUrl)"
queue_arn="$(awsl sqs get-queue-attributes --queue-url "$queue_url" --attribute-names QueueArn --query Attributes.QueueArn)"
awsl s3api put-bucket-notification-configuration --bucket "$bucket" --notification-configuration "$(cat <<JSON
{"QueueConfigurations":[{"Id":"finnews-ingest","QueueArn":"$queue_arn",
  "Events":["s3:ObjectCreated:*","s3:ObjectRemoved:*"],
  "Filter":{"Key":{"FilterRules":[{"Name":"suffix","Value":".md"}]}}}]}
JSON
)"
say "bucket $bucket notifies $queue_arn"

if [ "${FINNEWS_NO_SAMPLE:-}" != 1 ]; then
  awsl s3api put-object --bucket "$bucket" --key "$sample_key" --body "$events/s3-object.md" \
    --content-type 'text/markdown; charset=utf-8' >/dev/null
  say "uploaded the sample article as s3://$bucket/$sample_key"
fi

# A fresh HMAC key for paging cursors, kept across runs so cursors stay valid.
secret_file="$(dirname "$env_file")/.cursor-secret"
if [ ! -s "$secret_file" ]; then
  (umask 077 && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' > "$secret_file")
fi
cursor_secret="$(cat "$secret_file")"

# sam local only overrides variables the template declares; FINNEWS_TABLE must be overridden
# because a Ref to the table resolves to its logical id locally.
cat > "$env_file" <<JSON
{
  "IngestFunction": {"FINNEWS_TABLE": "$table", "AWS_ENDPOINT_URL": "$function_endpoint"},
  "QueryFunction": {"FINNEWS_TABLE": "$table", "AWS_ENDPOINT_URL": "$function_endpoint", "CURSOR_SECRET": "$cursor_secret"}
}
JSON
say "wrote $env_file"

cat <<EOF
# Environment for running the handlers on this machine against LocalStack:
export AWS_REGION=$region AWS_ACCESS_KEY_ID=$AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY=$AWS_SECRET_ACCESS_KEY
export AWS_ENDPOINT_URL=$endpoint
export FINNEWS_TABLE=$table
export CURSOR_SECRET=$cursor_secret
export FINNEWS_BUCKET=$bucket
export FINNEWS_EVENTS_QUEUE_URL=$queue_url
# sam local (functions in Docker reach LocalStack at $function_endpoint):
#   sam local invoke IngestFunction --env-vars $env_file --parameter-overrides "LocalEndpointUrl=$function_endpoint CursorSecret=$cursor_secret" -e infrastructure/events/s3-put.json
#   sam local start-api --env-vars $env_file --parameter-overrides "LocalEndpointUrl=$function_endpoint CursorSecret=$cursor_secret"
EOF
