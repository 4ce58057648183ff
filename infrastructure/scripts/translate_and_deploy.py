#!/usr/bin/env python3
"""Translate template.yaml offline with aws-sam-translator, check the CloudFormation it becomes, then
create that stack in moto's CloudFormation and check the resources moto built.

    translate_and_deploy.py --endpoint http://127.0.0.1:PORT [--template PATH] [--out DIR]

Needs: python3 with boto3, aws-sam-translator and a running moto server (python3 -m moto.server).
The function zips named by CodeUri must exist (./mvnw package). Prints one line per check.
Exit status: 0 when every check holds, 1 when one failed, 2 when the run could not start.

What moto 5.2.1 cannot show is checked on the translated template instead: it has no
AWS::Lambda::Alias (so SAM's AutoPublishAlias, which the template always sets for SnapStart, makes
stack creation fail: the moto stack is the SnapStart-off shape without the alias); it skips bucket
policies, EventInvokeConfig, alarms and the HTTP API and its stage; and it ignores the bucket's
NotificationConfiguration, public access block and ownership controls, the table's TTL, SSE and
point-in-time recovery. The moto checks cover what it does model.
"""

import argparse
import copy
import hashlib
import json
import os
import secrets
import sys
import tomllib
import uuid
from pathlib import Path

# The translator needs a region before it is imported; moto accepts any.
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "test")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "test")

import boto3  # noqa: E402
from botocore.config import Config  # noqa: E402
from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

# What each handler reads from its environment (the project's fixed contract). AWS_REGION is set by Lambda;
# AWS_ENDPOINT_URL is declared only when the LocalEndpointUrl parameter is set (sam local against LocalStack).
ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL"
CONTRACT_ENV = {
    "IngestFunction": {"FINNEWS_TABLE", "FINNEWS_MAX_OBJECT_BYTES", "FINNEWS_MAX_TEXT_BYTES",
                       "FINNEWS_FAILURE_TTL_DAYS", "FINNEWS_TOMBSTONE_TTL_DAYS", ENDPOINT_VARIABLE},
    "QueryFunction": {"FINNEWS_TABLE", "CURSOR_SECRET", "FINNEWS_ALLOWED_ORIGIN", ENDPOINT_VARIABLE},
}
HANDLERS = {
    "IngestFunction": "dev.finnews.ingest.IngestHandler::handleRequest",
    "QueryFunction": "dev.finnews.query.QueryHandler::handleRequest",
}
FOURTEEN_DAYS = 1209600


class Checks:
    """Collects named checks; the run fails if any fails, but all are reported."""

    def __init__(self):
        self.failed = []
        self.passed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok    {name}")
        else:
            self.failed.append(name)
            print(f"FAIL  {name}" + (f": {detail}" if detail else ""))
        return ok


class NoManagedPolicies:
    """The template names no AWS managed policy, so the translator needs no IAM lookup."""

    def load(self):
        return {}


def resources_of(template, resource_type):
    return {name: r for name, r in template["Resources"].items() if r["Type"] == resource_type}


def upload_code(template, template_dir, s3, bucket):
    """Points every local CodeUri at a copy of its zip in moto's S3, as sam deploy would."""
    for name, resource in resources_of(template, "AWS::Serverless::Function").items():
        code_uri = resource["Properties"]["CodeUri"]
        zip_path = (template_dir / code_uri).resolve()
        if not zip_path.is_file():
            raise SystemExit(f"{name}: {zip_path} does not exist; build it first with ./mvnw package")
        data = zip_path.read_bytes()
        key = f"{name}/{hashlib.sha256(data).hexdigest()}.zip"
        s3.put_object(Bucket=bucket, Key=key, Body=data)
        resource["Properties"]["CodeUri"] = f"s3://{bucket}/{key}"


def without_alias(sam_template):
    """The SnapStart-off template moto can create: no AutoPublishAlias (moto has no AWS::Lambda::Alias)."""
    variant = copy.deepcopy(sam_template)
    globals_function = variant.get("Globals", {}).get("Function", {})
    for key in ("AutoPublishAlias", "AutoPublishAliasAllProperties", "SnapStart"):
        globals_function.pop(key, None)
    for resource in resources_of(variant, "AWS::Serverless::Function").values():
        for key in ("AutoPublishAlias", "AutoPublishAliasAllProperties", "SnapStart"):
            resource["Properties"].pop(key, None)
    return variant


def statements(role):
    for policy in role["Properties"].get("Policies", []):
        yield from policy["PolicyDocument"]["Statement"]


def as_list(value):
    return value if isinstance(value, list) else [value]


def check_translated(cfn, defaults, c):
    """Assertions on the CloudFormation the SAM template becomes (the full template, SnapStart alias included).
    The translator resolves some parameter Refs itself, with the values it is given: here the defaults."""
    res = cfn["Resources"]
    c.check("translated: no SAM resource left", not any(r["Type"].startswith("AWS::Serverless::") for r in res.values()))

    bucket = res["UploadBucket"]["Properties"]
    lambda_configs = bucket.get("NotificationConfiguration", {}).get("LambdaConfigurations", [])
    events = sorted(cfg["Event"] for cfg in lambda_configs)
    c.check("bucket notification: ObjectCreated:* and ObjectRemoved:*",
            events == ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"], str(events))
    c.check("bucket notification: invokes the ingest alias",
            all(cfg["Function"] == {"Ref": "IngestFunctionAliaslive"} for cfg in lambda_configs),
            json.dumps([cfg["Function"] for cfg in lambda_configs]))
    c.check("bucket notification: key filter chosen by parameters",
            all(cfg.get("Filter", {}).get("Fn::If", [None])[0] == "HasKeyFilter" for cfg in lambda_configs))
    c.check("bucket: SSE", bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]
            ["ServerSideEncryptionByDefault"]["SSEAlgorithm"] in ("AES256", "aws:kms"))
    c.check("bucket: every public access blocked",
            all(bucket["PublicAccessBlockConfiguration"].get(k) is True for k in
                ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")))
    c.check("bucket: Retain", res["UploadBucket"].get("DeletionPolicy") == "Retain"
            and res["UploadBucket"].get("UpdateReplacePolicy") == "Retain")
    policy = res["UploadBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    c.check("bucket policy: denies requests without TLS",
            any(s["Effect"] == "Deny" and s.get("Condition", {}).get("Bool", {}).get("aws:SecureTransport") == "false"
                for s in policy))

    permissions = resources_of(cfn, "AWS::Lambda::Permission")
    s3_permission = [p["Properties"] for p in permissions.values() if p["Properties"]["Principal"] == "s3.amazonaws.com"]
    # SAM leaves SourceArn out here (naming the bucket would be circular); SourceAccount stops other accounts' buckets.
    c.check("S3 may invoke the ingest alias, only from this account",
            len(s3_permission) == 1 and s3_permission[0].get("SourceAccount") == {"Ref": "AWS::AccountId"}
            and s3_permission[0]["FunctionName"] == {"Ref": "IngestFunctionAliaslive"}, json.dumps(s3_permission))

    invoke_configs = resources_of(cfn, "AWS::Lambda::EventInvokeConfig")
    ingest_config = [r["Properties"] for r in invoke_configs.values()
                     if r["Properties"]["FunctionName"] == {"Ref": "IngestFunction"}]
    c.check("EventInvokeConfig on ingest", len(ingest_config) == 1, json.dumps(invoke_configs))
    if ingest_config:
        config = ingest_config[0]
        c.check("EventInvokeConfig: retries and max age from parameters",
                config.get("MaximumRetryAttempts") == defaults["FailureEventRetryAttempts"]
                and config.get("MaximumEventAgeInSeconds") == defaults["FailureEventMaxAgeSeconds"], json.dumps(config))
        c.check("EventInvokeConfig: on the alias the events invoke", config.get("Qualifier") == "live")
        c.check("EventInvokeConfig: failures go to the SQS queue",
                config.get("DestinationConfig", {}).get("OnFailure", {}).get("Destination")
                == {"Fn::GetAtt": ["IngestFailureQueue", "Arn"]})

    table = res["ArticlesTable"]
    props = table["Properties"]
    c.check("table: point-in-time recovery",
            props.get("PointInTimeRecoverySpecification", {}).get("PointInTimeRecoveryEnabled") is True)
    c.check("table: SSE", props.get("SSESpecification", {}).get("SSEEnabled") is True)
    c.check("table: on-demand", props.get("BillingMode") == "PAY_PER_REQUEST")
    c.check("table: TTL on expiresAt", props.get("TimeToLiveSpecification") == {"AttributeName": "expiresAt", "Enabled": True})
    c.check("table: pk HASH, sk RANGE, strings, no GSI",
            props["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}]
            and sorted((a["AttributeName"], a["AttributeType"]) for a in props["AttributeDefinitions"]) == [("pk", "S"), ("sk", "S")]
            and "GlobalSecondaryIndexes" not in props)
    c.check("table: Retain", table.get("DeletionPolicy") == "Retain" and table.get("UpdateReplacePolicy") == "Retain")

    queue = res["IngestFailureQueue"]["Properties"]
    c.check("failure queue: 14 days, SSE", queue.get("MessageRetentionPeriod") == FOURTEEN_DAYS
            and (queue.get("SqsManagedSseEnabled") is True or "KmsMasterKeyId" in queue))

    for name, handler in HANDLERS.items():
        fn = res[name]["Properties"]
        c.check(f"{name}: runtime java21, handler {handler}", fn["Runtime"] == "java21" and fn["Handler"] == handler)
        c.check(f"{name}: environment is the contract",
                set(fn["Environment"]["Variables"]) == CONTRACT_ENV[name], str(sorted(fn["Environment"]["Variables"])))
        c.check(f"{name}: {ENDPOINT_VARIABLE} only when LocalEndpointUrl is set",
                fn["Environment"]["Variables"].get(ENDPOINT_VARIABLE, {}).get("Fn::If", [None])[0] == "HasLocalEndpoint")
        c.check(f"{name}: SnapStart chosen by the SnapStart parameter",
                fn.get("SnapStart", {}).get("Fn::If", [None])[0] == "SnapStartOn")
        c.check(f"{name}: published version and alias 'live'",
                any(r["Type"] == "AWS::Lambda::Alias" and r["Properties"]["Name"] == "live"
                    and r["Properties"]["FunctionName"] == {"Ref": name} for r in res.values()))
        c.check(f"{name}: log group with retention",
                "LoggingConfig" in fn and res[fn["LoggingConfig"]["LogGroup"]["Ref"]]["Properties"].get("RetentionInDays")
                == {"Ref": "LogRetentionDays"})

    for role_name in ("IngestRole", "QueryRole"):
        role_statements = list(statements(res[role_name]))
        actions = [a for s in role_statements for a in as_list(s["Action"])]
        c.check(f"{role_name}: no wildcard action", not any("*" in a for a in actions), str(actions))
        c.check(f"{role_name}: no Resource '*'", not any("*" == r for s in role_statements for r in as_list(s["Resource"])))
        c.check(f"{role_name}: no managed policy", not res[role_name]["Properties"].get("ManagedPolicyArns"))
    query_actions = {a for s in statements(res["QueryRole"]) for a in as_list(s["Action"])}
    c.check("QueryRole: reads the table only",
            query_actions == {"logs:CreateLogStream", "logs:PutLogEvents", "dynamodb:GetItem", "dynamodb:BatchGetItem",
                              "dynamodb:Query"}, str(sorted(query_actions)))

    api = resources_of(cfn, "AWS::ApiGatewayV2::Api")
    c.check("one HTTP API", len(api) == 1)
    if api:
        body = next(iter(api.values()))["Properties"]["Body"]
        # With FailOnWarnings SAM writes the $default route as "/$default" marked isDefaultRoute, as API Gateway imports it.
        default_path = body["paths"].get("/$default") or body["paths"].get("$default", {})
        default_route = default_path.get("x-amazon-apigateway-any-method", {})
        c.check("API: a $default route", default_route.get("isDefaultRoute") is True)
        integration = default_route.get("x-amazon-apigateway-integration", {})
        c.check("API: $default route proxies to the query alias, payload 2.0",
                integration.get("type") == "aws_proxy" and integration.get("payloadFormatVersion") == "2.0"
                and "QueryFunctionAliaslive" in json.dumps(integration.get("uri")))
        c.check("API: IAM on every route when ApiAuth=ALL", default_route.get("security", {}).get("Fn::If", [None])[0] == "AuthAll")
        failures = body["paths"]["/failures"]["get"]
        c.check("API: IAM on GET /failures unless ApiAuth=NONE", failures.get("security", {}).get("Fn::If", [None])[0] == "AuthNone")
        c.check("API: no API-level CORS", "x-amazon-apigateway-cors" not in body
                and "CorsConfiguration" not in next(iter(api.values()))["Properties"])
    stages = resources_of(cfn, "AWS::ApiGatewayV2::Stage")
    stage = next(iter(stages.values()))["Properties"] if stages else {}
    c.check("API stage: throttling", {"ThrottlingRateLimit", "ThrottlingBurstLimit"} <= set(stage.get("DefaultRouteSettings", {})))
    c.check("API stage: access logs", "DestinationArn" in stage.get("AccessLogSettings", {}))

    alarms = resources_of(cfn, "AWS::CloudWatch::Alarm")
    metrics = {a["Properties"].get("MetricName") for a in alarms.values()}
    metrics |= {m["MetricStat"]["Metric"]["MetricName"] for a in alarms.values() for m in a["Properties"].get("Metrics", [])
                if "MetricStat" in m}
    wanted = {"ApproximateNumberOfMessagesVisible", "Errors", "Throttles", "5xx", "ReadThrottleEvents", "WriteThrottleEvents"}
    c.check("alarms: failure queue, ingest errors and throttles, API 5xx, table throttles", wanted <= metrics, str(metrics))


def check_samconfig(samconfig, parameters, c):
    """samconfig.toml: the three environments deploy this template with overrides it accepts."""
    c.check("samconfig: version 0.1", samconfig.get("version") == 0.1)
    c.check("samconfig: validate lints", samconfig.get("default", {}).get("validate", {}).get("parameters", {}).get("lint") is True)
    for env in ("default", "dev", "prod"):
        stack_name = samconfig.get(env, {}).get("global", {}).get("parameters", {}).get("stack_name")
        deploy = samconfig.get(env, {}).get("deploy", {}).get("parameters", {})
        c.check(f"samconfig[{env}]: stack name, capabilities, resolve_s3, confirm_changeset",
                bool(stack_name) and deploy.get("capabilities") == "CAPABILITY_IAM" and deploy.get("resolve_s3") is True
                and isinstance(deploy.get("confirm_changeset"), bool), json.dumps(deploy))
        overrides = dict(pair.split("=", 1) for pair in deploy.get("parameter_overrides", "").split())
        unknown = set(overrides) - set(parameters)
        disallowed = {k: v for k, v in overrides.items() if k in parameters and "AllowedValues" in parameters[k]
                      and v not in [str(a) for a in parameters[k]["AllowedValues"]]}
        c.check(f"samconfig[{env}]: overrides name template parameters with allowed values",
                not unknown and not disallowed, f"unknown {sorted(unknown)}, disallowed {disallowed}")
        c.check(f"samconfig[{env}]: no secret in the file", "CursorSecret" not in overrides)
        c.check(f"samconfig[{env}]: stage matches", overrides.get("Stage") == ("prod" if env == "prod" else "dev"))


def check_deployed(session_kwargs, stack_name, bucket_name, outputs, c):
    """Assertions on what moto's CloudFormation actually created."""
    dynamodb = boto3.client("dynamodb", **session_kwargs)
    s3 = boto3.client("s3", **session_kwargs)
    sqs = boto3.client("sqs", **session_kwargs)
    lam = boto3.client("lambda", **session_kwargs)
    iam = boto3.client("iam", **session_kwargs)
    logs = boto3.client("logs", **session_kwargs)
    cfn = boto3.client("cloudformation", **session_kwargs)

    table = dynamodb.describe_table(TableName=outputs["ArticlesTableName"])["Table"]
    c.check("moto: table keys pk/sk",
            table["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}])
    c.check("moto: table on-demand", table.get("BillingModeSummary", {}).get("BillingMode") == "PAY_PER_REQUEST")
    c.check("moto: table without GSIs", not table.get("GlobalSecondaryIndexes"))
    c.check("moto: table deletion protection", table.get("DeletionProtectionEnabled") is True)

    c.check("moto: bucket has the parameter's name", outputs["UploadBucketName"] == bucket_name)
    encryption = s3.get_bucket_encryption(Bucket=bucket_name)["ServerSideEncryptionConfiguration"]["Rules"][0]
    c.check("moto: bucket SSE", encryption["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256")

    queue_attributes = sqs.get_queue_attributes(QueueUrl=outputs["IngestFailureQueueUrl"], AttributeNames=["All"])["Attributes"]
    c.check("moto: failure queue keeps messages 14 days", queue_attributes.get("MessageRetentionPeriod") == str(FOURTEEN_DAYS))
    c.check("moto: failure queue SSE", queue_attributes.get("SqsManagedSseEnabled") == "true", str(queue_attributes))

    resources = {r["LogicalResourceId"]: r for r in cfn.describe_stack_resources(StackName=stack_name)["StackResources"]
                 if r.get("LogicalResourceId")}
    for name, handler in HANDLERS.items():
        config = lam.get_function_configuration(FunctionName=outputs[f"{name}Name"])
        c.check(f"moto: {name} java21 + handler", config["Runtime"] == "java21" and config["Handler"] == handler)
        c.check(f"moto: {name} environment, no endpoint override",
                set(config["Environment"]["Variables"]) == CONTRACT_ENV[name] - {ENDPOINT_VARIABLE},
                str(sorted(config["Environment"]["Variables"])))
        c.check(f"moto: {name} table name", config["Environment"]["Variables"]["FINNEWS_TABLE"] == outputs["ArticlesTableName"])
        role_name = resources[name.replace("Function", "Role")]["PhysicalResourceId"]
        c.check(f"moto: {name} runs as its own role", config["Role"].endswith(f"/{role_name}"), config["Role"])
        inline = iam.list_role_policies(RoleName=role_name)["PolicyNames"]
        attached = iam.list_attached_role_policies(RoleName=role_name)["AttachedPolicies"]
        c.check(f"moto: {name} role has one inline policy and nothing attached", len(inline) == 1 and not attached)
        log_group = resources[name.replace("Function", "LogGroup")]["PhysicalResourceId"]
        groups = logs.describe_log_groups(logGroupNamePrefix=log_group)["logGroups"]
        c.check(f"moto: {name} log group retention", any(g["logGroupName"] == log_group and g.get("retentionInDays") for g in groups))
    policy = json.loads(lam.get_policy(FunctionName=outputs["IngestFunctionName"])["Policy"])
    c.check("moto: S3 may invoke the ingest function",
            any(s.get("Principal", {}).get("Service") == "s3.amazonaws.com" for s in policy["Statement"]), json.dumps(policy))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--endpoint", required=True, help="moto server, e.g. http://127.0.0.1:5000")
    parser.add_argument("--template", default=str(Path(__file__).resolve().parents[2] / "template.yaml"))
    parser.add_argument("--out", help="directory to write the translated templates to")
    args = parser.parse_args()

    template_path = Path(args.template).resolve()
    sam_template = yaml_parse(template_path.read_text(encoding="utf-8"))
    session_kwargs = {"endpoint_url": args.endpoint, "region_name": os.environ["AWS_DEFAULT_REGION"],
                      "config": Config(retries={"max_attempts": 2})}
    s3 = boto3.client("s3", **session_kwargs)
    run = uuid.uuid4().hex[:10]
    artifacts = f"finnews-artifacts-{run}"
    s3.create_bucket(Bucket=artifacts)
    upload_code(sam_template, template_path.parent, s3, artifacts)

    c = Checks()
    full = transform(copy.deepcopy(sam_template), {}, NoManagedPolicies())
    deployable = transform(without_alias(sam_template), {}, NoManagedPolicies())
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        (out / "translated.json").write_text(json.dumps(full, indent=2, ensure_ascii=False), encoding="utf-8")
        (out / "translated-moto.json").write_text(json.dumps(deployable, indent=2, ensure_ascii=False), encoding="utf-8")
    defaults = {name: p.get("Default") for name, p in sam_template["Parameters"].items()}
    check_translated(full, defaults, c)
    samconfig_path = template_path.parent / "samconfig.toml"
    if samconfig_path.is_file():
        check_samconfig(tomllib.loads(samconfig_path.read_text(encoding="utf-8")), sam_template["Parameters"], c)
    else:
        c.check("samconfig.toml beside the template", False, str(samconfig_path))

    stack_name = f"finnews-it-{run}"
    bucket_name = f"finnews-it-uploads-{run}"
    cfn = boto3.client("cloudformation", **session_kwargs)
    cfn.create_stack(StackName=stack_name, TemplateBody=json.dumps(deployable), Capabilities=["CAPABILITY_IAM"],
                     Parameters=[{"ParameterKey": "CursorSecret", "ParameterValue": secrets.token_hex(32)},
                                 {"ParameterKey": "UploadBucketName", "ParameterValue": bucket_name},
                                 {"ParameterKey": "SnapStart", "ParameterValue": "false"}])
    stack = cfn.describe_stacks(StackName=stack_name)["Stacks"][0]
    if not c.check("moto: stack CREATE_COMPLETE", stack["StackStatus"] == "CREATE_COMPLETE",
                   f'{stack["StackStatus"]} {stack.get("StackStatusReason", "")}'):
        return 1
    outputs = {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}
    check_deployed(session_kwargs, stack_name, bucket_name, outputs, c)

    print(f"{c.passed} checks passed, {len(c.failed)} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
