"""template.yaml: transformed offline by the SAM translator, then checked against what issue 2 requires."""

from __future__ import annotations

import copy
import importlib
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import boto3
import pytest
from claimdiff_local.filters import matches_any
from claimdiff_local.template import Resolver, load_template
from samtranslator.parser.parser import Parser
from samtranslator.translator.translator import Translator

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_PATH = ROOT / "template.yaml"
ARTICLES_BUCKET = "${AWS::StackName}-articles-${AWS::AccountId}-${AWS::Region}"


@pytest.fixture(scope="module")
def sam() -> dict[str, Any]:
    return load_template(TEMPLATE_PATH)


@pytest.fixture(scope="module")
def cfn(sam: dict[str, Any]) -> dict[str, Any]:
    """The CloudFormation template `sam deploy` would submit, made offline (no AWS call)."""
    template = copy.deepcopy(sam)
    # Like `sam validate`: local code locations become S3 placeholders before the transform.
    template["Globals"]["Function"]["CodeUri"] = "s3://placeholder/functions.zip"
    for resource in template["Resources"].values():
        if resource["Type"] == "AWS::Serverless::LayerVersion":
            resource["Properties"]["ContentUri"] = "s3://placeholder/layer.zip"
    translator = Translator(None, Parser(), boto_session=boto3.Session(region_name="us-east-1"))
    # The template names no managed policy, so the managed-policy map is never needed.
    return translator.translate(template, parameter_values={}, get_managed_policy_map=dict)


def resources_of(cfn: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {name: spec for name, spec in cfn["Resources"].items() if spec["Type"] == kind}


def properties(cfn: dict[str, Any], name: str) -> dict[str, Any]:
    return cfn["Resources"][name]["Properties"]


def mapping_for(cfn: dict[str, Any], function: str) -> dict[str, Any]:
    (mapping,) = [
        spec["Properties"]
        for spec in resources_of(cfn, "AWS::Lambda::EventSourceMapping").values()
        if spec["Properties"]["FunctionName"] == {"Ref": function}
    ]
    return mapping


def role_statements(cfn: dict[str, Any], function: str) -> list[dict[str, Any]]:
    role = properties(cfn, f"{function}Role")
    return [
        statement
        for policy in role.get("Policies", [])
        for statement in policy["PolicyDocument"]["Statement"]
    ]


def actions(statements: list[dict[str, Any]]) -> set[str]:
    found: set[str] = set()
    for statement in statements:
        if statement["Effect"] == "Allow":
            listed = statement["Action"]
            found |= {listed} if isinstance(listed, str) else set(listed)
    return found


def local_resolver(template: dict[str, Any]) -> Resolver:
    return Resolver(template, stack_name="claimdiff-test", region="eu-west-1", account_id="111122223333")


# ---------------------------------------------------------------- functions


def test_every_function_runs_python311_on_arm64_with_the_shared_layer_and_tracing(
    cfn: dict[str, Any],
) -> None:
    functions = resources_of(cfn, "AWS::Lambda::Function")
    assert set(functions) == {"IngestFunction", "MatchFunction", "RematchFunction", "ApiFunction"}
    (layer,) = resources_of(cfn, "AWS::Lambda::LayerVersion")
    for spec in functions.values():
        props = spec["Properties"]
        assert props["Runtime"] == "python3.11"
        assert props["Architectures"] == ["arm64"]
        assert props["TracingConfig"] == {"Mode": "Active"}
        assert props["Layers"] == [{"Ref": layer}]
        # AWS-call subsegments (the X-Ray SDK's cold-start cost) only with TraceAwsCalls=true.
        tracing = props["Environment"]["Variables"]["POWERTOOLS_TRACE_DISABLED"]
        assert tracing == {"Fn::If": ["TraceCalls", "false", "true"]}
    assert cfn["Parameters"]["TraceAwsCalls"]["Default"] == "false"


def test_every_function_gets_the_table_bucket_and_powertools_environment(cfn: dict[str, Any]) -> None:
    for spec in resources_of(cfn, "AWS::Lambda::Function").values():
        variables = spec["Properties"]["Environment"]["Variables"]
        assert variables["CLAIMS_TABLE_NAME"] == {"Ref": "ClaimsTable"}
        assert variables["IDEMPOTENCY_TABLE_NAME"] == {"Ref": "IdempotencyTable"}
        assert variables["ARTICLES_BUCKET_NAME"] == {"Fn::Sub": ARTICLES_BUCKET}
        assert variables["POWERTOOLS_SERVICE_NAME"] == "claimdiff"
        assert variables["POWERTOOLS_LOG_LEVEL"] == variables["LOG_LEVEL"] == {"Ref": "LogLevel"}


def test_bucket_name_is_one_expression_shared_by_bucket_queue_policy_and_functions(
    sam: dict[str, Any],
) -> None:
    resolver = local_resolver(sam)
    bucket_name = resolver.resolve(sam["Resources"]["ArticlesBucket"]["Properties"]["BucketName"])
    assert bucket_name == "claimdiff-test-articles-111122223333-eu-west-1"
    assert resolver.resolve(
        sam["Globals"]["Function"]["Environment"]["Variables"]["ARTICLES_BUCKET_NAME"]
    ) == (bucket_name)
    (statement,) = sam["Resources"]["IngestQueuePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert (
        resolver.resolve(statement["Condition"]["ArnEquals"]["aws:SourceArn"])
        == f"arn:aws:s3:::{bucket_name}"
    )
    assert re.fullmatch(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", bucket_name)


@pytest.mark.parametrize("function", ["IngestFunction", "MatchFunction", "ApiFunction"])
def test_handler_imports_from_the_code_directory(
    cfn: dict[str, Any], sam: dict[str, Any], function: str
) -> None:
    handler = properties(cfn, function)["Handler"]
    module_name, _, attribute = handler.rpartition(".")
    module = importlib.import_module(module_name)
    code_dir = (ROOT / sam["Globals"]["Function"]["CodeUri"]).resolve()
    # The module must come from CodeUri (what Lambda's /var/task holds), not from elsewhere on sys.path.
    assert Path(module.__file__ or "").resolve().is_relative_to(code_dir)
    assert callable(getattr(module, attribute))


# ---------------------------------------------------------------- ingest path


def test_articles_bucket_is_private_encrypted_versioned_and_owner_enforced(cfn: dict[str, Any]) -> None:
    bucket = properties(cfn, "ArticlesBucket")
    assert bucket["PublicAccessBlockConfiguration"] == dict.fromkeys(
        ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"], True
    )
    (rule,) = bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert rule["ServerSideEncryptionByDefault"]["SSEAlgorithm"] in {"AES256", "aws:kms"}
    assert bucket["VersioningConfiguration"] == {"Status": "Enabled"}
    assert bucket["OwnershipControls"] == {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}


def test_bucket_policy_denies_every_request_without_tls(cfn: dict[str, Any]) -> None:
    policy = properties(cfn, "ArticlesBucketPolicy")
    assert policy["Bucket"] == {"Ref": "ArticlesBucket"}
    (deny,) = [s for s in policy["PolicyDocument"]["Statement"] if s["Effect"] == "Deny"]
    assert deny["Principal"] == "*"
    assert deny["Action"] == "s3:*"
    assert deny["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
    assert {"Fn::GetAtt": ["ArticlesBucket", "Arn"]} in deny["Resource"]
    assert {"Fn::Sub": "${ArticlesBucket.Arn}/*"} in deny["Resource"]


def test_bucket_notifies_the_ingest_queue_of_created_and_removed_articles(cfn: dict[str, Any]) -> None:
    bucket = cfn["Resources"]["ArticlesBucket"]
    configurations = bucket["Properties"]["NotificationConfiguration"]["QueueConfigurations"]
    assert {c["Event"] for c in configurations} == {"s3:ObjectCreated:*", "s3:ObjectRemoved:*"}
    for configuration in configurations:
        assert configuration["Queue"] == {"Fn::GetAtt": ["IngestQueue", "Arn"]}
        assert configuration["Filter"] == {"S3Key": {"Rules": [{"Name": "prefix", "Value": "articles/"}]}}
    # S3 validates the destination when the notification is created: the queue policy must exist first.
    assert "IngestQueuePolicy" in bucket["DependsOn"]


def test_queue_policy_lets_only_this_bucket_in_this_account_send(cfn: dict[str, Any]) -> None:
    policy = properties(cfn, "IngestQueuePolicy")
    assert policy["Queues"] == [{"Ref": "IngestQueue"}]
    (statement,) = policy["PolicyDocument"]["Statement"]
    assert statement["Principal"] == {"Service": "s3.amazonaws.com"}
    assert statement["Action"] == "sqs:SendMessage"
    assert statement["Condition"]["ArnEquals"]["aws:SourceArn"] == {
        "Fn::Sub": f"arn:${{AWS::Partition}}:s3:::{ARTICLES_BUCKET}"
    }
    assert statement["Condition"]["StringEquals"]["aws:SourceAccount"] == {"Ref": "AWS::AccountId"}


def test_ingest_queue_redrives_to_the_dlq_after_three_receives(cfn: dict[str, Any]) -> None:
    queue = properties(cfn, "IngestQueue")
    assert queue["RedrivePolicy"] == {
        "deadLetterTargetArn": {"Fn::GetAtt": ["IngestDLQ", "Arn"]},
        "maxReceiveCount": 3,
    }
    assert properties(cfn, "IngestDLQ")["MessageRetentionPeriod"] == 14 * 24 * 3600
    for name in ("IngestQueue", "IngestDLQ", "MatchFailuresQueue"):
        assert properties(cfn, name)["SqsManagedSseEnabled"] is True


def test_ingest_queue_visibility_is_at_least_six_times_the_function_timeout(cfn: dict[str, Any]) -> None:
    timeout = properties(cfn, "IngestFunction")["Timeout"]
    assert timeout == 60
    assert properties(cfn, "IngestQueue")["VisibilityTimeout"] >= 6 * timeout


def test_ingest_function_consumes_the_queue_with_partial_batch_failures(cfn: dict[str, Any]) -> None:
    mapping = mapping_for(cfn, "IngestFunction")
    assert mapping["EventSourceArn"] == {"Fn::GetAtt": ["IngestQueue", "Arn"]}
    assert mapping["BatchSize"] == 10
    assert mapping["FunctionResponseTypes"] == ["ReportBatchItemFailures"]


def test_ingest_function_reads_only_articles_and_never_scans(cfn: dict[str, Any]) -> None:
    statements = role_statements(cfn, "IngestFunction")
    (read,) = [s for s in statements if "s3:GetObject" in s["Action"]]
    assert read["Resource"] == {"Fn::Sub": f"arn:${{AWS::Partition}}:s3:::{ARTICLES_BUCKET}/articles/*"}
    granted = actions(statements)
    claims = {
        "dynamodb:GetItem",
        "dynamodb:Query",
        "dynamodb:PutItem",
        "dynamodb:DeleteItem",
        "dynamodb:BatchWriteItem",
        "dynamodb:BatchGetItem",
    }
    idempotency = {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"}
    assert granted == {"s3:GetObject", "s3:ListBucket"} | claims | idempotency
    (quota,) = [s for s in statements if s.get("Sid") == "OutletQuota"]
    assert quota["Action"] == "dynamodb:Query", "the only index read: counting an outlet's articles of a day"
    assert quota["Resource"] == {"Fn::Sub": "${ClaimsTable.Arn}/index/GSI1"}
    (listing,) = [s for s in statements if s["Action"] == "s3:ListBucket"]
    assert "Condition" not in listing, (
        "a GetObject carries no s3:prefix: a condition would turn 404s into 403s"
    )


# ---------------------------------------------------------------- tables and match path


def test_claims_table_keys_indexes_stream_recovery_and_encryption(cfn: dict[str, Any]) -> None:
    table = properties(cfn, "ClaimsTable")
    assert table["BillingMode"] == "PAY_PER_REQUEST"
    assert table["KeySchema"] == [
        {"AttributeName": "PK", "KeyType": "HASH"},
        {"AttributeName": "SK", "KeyType": "RANGE"},
    ]
    indexes = {index["IndexName"]: index for index in table["GlobalSecondaryIndexes"]}
    for name in ("GSI1", "GSI2"):
        assert indexes[name]["KeySchema"] == [
            {"AttributeName": f"{name}PK", "KeyType": "HASH"},
            {"AttributeName": f"{name}SK", "KeyType": "RANGE"},
        ]
        assert indexes[name]["Projection"] == {"ProjectionType": "ALL"}
    assert {a["AttributeName"]: a["AttributeType"] for a in table["AttributeDefinitions"]} == dict.fromkeys(
        ["PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK"], "S"
    )
    assert table["StreamSpecification"] == {"StreamViewType": "NEW_AND_OLD_IMAGES"}
    assert table["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert table["SSESpecification"] == {"SSEEnabled": True}


@pytest.mark.parametrize(("parameter", "expected"), [("true", True), ("false", False)])
def test_table_deletion_protection_follows_the_parameter(
    sam: dict[str, Any], parameter: str, expected: bool
) -> None:
    resolver = Resolver(sam, parameter_overrides={"TableDeletionProtection": parameter})
    table = sam["Resources"]["ClaimsTable"]["Properties"]
    assert resolver.resolve(table["DeletionProtectionEnabled"]) is expected


def test_idempotency_table_expires_records_by_ttl(cfn: dict[str, Any]) -> None:
    table = properties(cfn, "IdempotencyTable")
    assert table["KeySchema"] == [{"AttributeName": "id", "KeyType": "HASH"}]
    assert table["TimeToLiveSpecification"] == {"AttributeName": "expiration", "Enabled": True}
    assert table["BillingMode"] == "PAY_PER_REQUEST"
    assert table["SSESpecification"] == {"SSEEnabled": True}


def test_match_mapping_bisects_retries_three_times_then_parks_the_batch(cfn: dict[str, Any]) -> None:
    mapping = mapping_for(cfn, "MatchFunction")
    assert mapping["EventSourceArn"] == {"Fn::GetAtt": ["ClaimsTable", "StreamArn"]}
    assert mapping["BatchSize"] == 50
    assert mapping["BisectBatchOnFunctionError"] is True
    assert mapping["MaximumRetryAttempts"] == 3
    assert mapping["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert mapping["StartingPosition"] in {"LATEST", "TRIM_HORIZON"}
    destination = {"Fn::GetAtt": ["MatchFailuresQueue", "Arn"]}
    assert mapping["DestinationConfig"] == {"OnFailure": {"Destination": destination}}
    sends = [s for s in role_statements(cfn, "MatchFunction") if "sqs:SendMessage" in s["Action"]]
    assert [s["Resource"] for s in sends] == [destination]


def _stream_record(event_name: str, sort_key: str) -> dict[str, Any]:
    keys = {"PK": {"S": "ARTICLE#a1"}, "SK": {"S": sort_key}}
    return {
        "eventName": event_name,
        "eventSource": "aws:dynamodb",
        "dynamodb": {"Keys": keys, "NewImage": keys},
    }


@pytest.mark.parametrize(
    ("event_name", "sort_key", "selected"),
    [
        ("INSERT", "CLAIM#0003", True),
        ("MODIFY", "CLAIM#0003", False),
        ("REMOVE", "CLAIM#0003", False),
        ("INSERT", "META", False),
        ("INSERT", "REL#c2", False),
        ("INSERT", "claim#0003", False),
    ],
)
def test_match_filter_selects_only_claim_inserts(
    cfn: dict[str, Any], event_name: str, sort_key: str, selected: bool
) -> None:
    filters = mapping_for(cfn, "MatchFunction")["FilterCriteria"]["Filters"]
    patterns = [json.loads(item["Pattern"]) for item in filters]
    assert matches_any(patterns, _stream_record(event_name, sort_key)) is selected


def test_match_function_reads_claims_and_writes_relations_only(cfn: dict[str, Any]) -> None:
    granted = {a for a in actions(role_statements(cfn, "MatchFunction")) if a.startswith("dynamodb:")}
    stream = {a for a in granted if a.startswith("dynamodb:") and "Stream" in a}
    assert granted - stream == {
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
        "dynamodb:BatchWriteItem",
        "dynamodb:UpdateItem",
    }


# ---------------------------------------------------------------- API


def test_api_requires_iam_auth_on_every_method_and_serves_stage_v1(cfn: dict[str, Any]) -> None:
    body = properties(cfn, "ClaimdiffApi")["Body"]
    assert body["securityDefinitions"]["AWS_IAM"]["x-amazon-apigateway-authtype"] == "awsSigv4"
    assert set(body["paths"]) == {"/", "/{proxy+}"}
    for path in body["paths"].values():
        for method in path.values():
            assert method["security"] == [{"AWS_IAM": []}]
            integration = method["x-amazon-apigateway-integration"]
            assert integration["type"] == "aws_proxy"
            assert "${ApiFunction.Arn}" in integration["uri"]["Fn::Sub"]
            # Invoked through the function's resource policy, not with the caller's credentials.
            assert "credentials" not in integration
    (stage,) = resources_of(cfn, "AWS::ApiGateway::Stage").values()
    assert stage["Properties"]["StageName"] == "v1"
    assert stage["Properties"]["TracingEnabled"] is True


def test_api_function_is_read_only(cfn: dict[str, Any]) -> None:
    granted = actions(role_statements(cfn, "ApiFunction"))
    assert {a for a in granted if a.startswith("dynamodb:")} == {"dynamodb:GetItem", "dynamodb:Query"}
    assert not {a for a in granted if re.search(r"(Put|Update|Delete|Write|Scan)", a)}
    # It reads one secret, the cursor key, named (not held) by its environment.
    (secret,) = [
        s for s in role_statements(cfn, "ApiFunction") if s["Action"] == "secretsmanager:GetSecretValue"
    ]
    assert secret["Resource"] == {"Ref": "CursorKeySecret"}
    assert properties(cfn, "ApiFunction")["Environment"]["Variables"]["CURSOR_KEY_SECRET_ARN"] == {
        "Ref": "CursorKeySecret"
    }


def test_outputs_name_every_endpoint(cfn: dict[str, Any]) -> None:
    assert set(cfn["Outputs"]) >= {
        "ArticlesBucketName",
        "IngestQueueUrl",
        "IngestDLQUrl",
        "ClaimsTableName",
        "IdempotencyTableName",
        "ApiUrl",
        "IngestFunctionArn",
        "MatchFunctionArn",
        "ApiFunctionArn",
    }
    assert "/v1/" in cfn["Outputs"]["ApiUrl"]["Value"]["Fn::Sub"]


# ---------------------------------------------------------------- layer and tooling


def test_layer_requirements_mirror_pyproject_and_the_lock(sam: dict[str, Any]) -> None:
    layer = sam["Resources"]["SharedLayer"]
    assert layer["Metadata"]["BuildMethod"] == "makefile"
    content = ROOT / layer["Properties"]["ContentUri"]
    pinned = {}
    for line in (content / "requirements.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pinned[name.strip().lower()] = version.strip()
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {re.split(r"[\s\[<>=~!;]", requirement, maxsplit=1)[0].lower() for requirement in declared}
    assert set(pinned) == names - {"boto3"}
    locked = {p["name"]: p["version"] for p in tomllib.loads((ROOT / "uv.lock").read_text())["package"]}
    assert pinned == {name: locked[name] for name in pinned}


def test_the_layer_build_ships_the_library_compiled_for_any_file_times(
    sam: dict[str, Any], tmp_path: Path
) -> None:
    # SAM's makefile build runs build-SharedLayer; its network-free half is run here.
    content = ROOT / sam["Resources"]["SharedLayer"]["Properties"]["ContentUri"]
    assert "build-SharedLayer:" in (content / "Makefile").read_text()
    subprocess.run(
        [
            "make",
            "-s",
            "-C",
            str(content),
            "layer-code",
            f"ARTIFACTS_DIR={tmp_path}",
            f"PYTHON={sys.executable}",
        ],
        check=True,
        capture_output=True,
    )
    library = tmp_path / "python" / "claimdiff"
    sources = sorted(p.relative_to(library) for p in library.rglob("*.py"))
    # Everything the functions may import; the command line's own modules stay out of the layer.
    command_line = {Path("cli.py"), Path("demo.py"), Path("report.py")}
    assert sources == sorted(
        p.relative_to(content / "claimdiff")
        for p in (content / "claimdiff").rglob("*.py")
        if p.relative_to(content / "claimdiff") not in command_line
    )
    tag = sys.implementation.cache_tag
    for source in sources:
        compiled = library / source.parent / "__pycache__" / f"{source.stem}.{tag}.pyc"
        # PEP 552 flags: bit 0 hash-based, bit 1 check the source. Unchecked: 0b01.
        assert int.from_bytes(compiled.read_bytes()[4:8], "little") == 1, compiled


def test_cfn_lint_passes() -> None:
    cfn_lint = shutil.which("cfn-lint", path=str(Path(sys.executable).parent)) or shutil.which("cfn-lint")
    if cfn_lint is None:
        pytest.skip("cfn-lint is not installed")
    result = subprocess.run(
        [cfn_lint, str(TEMPLATE_PATH)], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


# ---------------------------------------------------------------- operations


def test_stateful_resources_are_retained_on_delete_and_replacement(cfn: dict[str, Any]) -> None:
    for name in ("ArticlesBucket", "ClaimsTable", "IdempotencyTable", "ApiAccessLogs"):
        assert cfn["Resources"][name]["DeletionPolicy"] == "Retain", name
        assert cfn["Resources"][name]["UpdateReplacePolicy"] == "Retain", name


def test_every_failure_signal_has_an_alarm_that_notifies_the_given_topic(cfn: dict[str, Any]) -> None:
    alarms = resources_of(cfn, "AWS::CloudWatch::Alarm").values()
    watched = {
        (spec["Properties"]["MetricName"], json.dumps(spec["Properties"]["Dimensions"][0]["Value"]))
        for spec in alarms
    }
    for function in resources_of(cfn, "AWS::Lambda::Function"):
        for metric in ("Errors", "Throttles"):
            assert (metric, json.dumps({"Ref": function})) in watched, (function, metric)
    # Every dead-letter queue's depth, and the on-failure queue's.
    queues = resources_of(cfn, "AWS::SQS::Queue")
    parked = {
        spec["Properties"]["RedrivePolicy"]["deadLetterTargetArn"]["Fn::GetAtt"][0]
        for spec in queues.values()
        if "RedrivePolicy" in spec["Properties"]
    }
    assert parked == {"IngestDLQ", "MatchFailuresDLQ"}
    for queue in {*parked, "MatchFailuresQueue"}:
        depth = json.dumps({"Fn::GetAtt": [queue, "QueueName"]})
        assert ("ApproximateNumberOfMessagesVisible", depth) in watched, queue
    metrics = {metric for metric, _ in watched}
    assert {
        "IteratorAge",
        "ApproximateAgeOfOldestMessage",
        "ApproximateNumberOfMessagesVisible",
        "5XXError",
    } <= metrics
    topic = {"Fn::If": ["NotifyAlarms", [{"Ref": "AlarmTopicArn"}], {"Ref": "AWS::NoValue"}]}
    assert all(spec["Properties"]["AlarmActions"] == topic for spec in alarms)


def test_api_stage_is_throttled_and_logs_access(cfn: dict[str, Any]) -> None:
    (stage,) = resources_of(cfn, "AWS::ApiGateway::Stage").values()
    (settings,) = stage["Properties"]["MethodSettings"]
    assert settings["ThrottlingRateLimit"] > 0 and settings["ThrottlingBurstLimit"] > 0
    assert stage["Properties"]["AccessLogSetting"]["DestinationArn"] == {
        "Fn::GetAtt": ["ApiAccessLogs", "Arn"]
    }


def test_match_has_reserved_concurrency(cfn: dict[str, Any]) -> None:
    assert properties(cfn, "MatchFunction")["ReservedConcurrentExecutions"] == {"Ref": "MatchConcurrency"}


def test_every_skipped_checkov_check_says_why(sam: dict[str, Any]) -> None:
    skips = [
        (name, skip)
        for name, resource in sam["Resources"].items()
        for skip in resource.get("Metadata", {}).get("checkov", {}).get("skip", [])
    ]
    assert skips
    for name, skip in skips:
        assert re.fullmatch(r"CKV_AWS_\d+", skip["id"]), name
        assert len(skip.get("comment", "")) > 30, f"{name} skips {skip['id']} without a reason"


def test_rematch_reads_the_stream_back_and_matches_as_the_match_function_does(cfn: dict[str, Any]) -> None:
    source = mapping_for(cfn, "RematchFunction")
    assert source["EventSourceArn"] == {"Fn::GetAtt": ["MatchFailuresQueue", "Arn"]}
    assert source["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    statements = role_statements(cfn, "RematchFunction")
    (stream,) = [s for s in statements if s.get("Sid") == "ReadFailedRange"]
    assert set(stream["Action"]) == {"dynamodb:GetShardIterator", "dynamodb:GetRecords"}
    (claims,) = [s for s in statements if s.get("Sid") == "ClaimsMatch"]
    (matching,) = [s for s in role_statements(cfn, "MatchFunction") if s.get("Sid") == "ClaimsMatch"]
    assert claims == matching
    queue = properties(cfn, "MatchFailuresQueue")
    assert queue["VisibilityTimeout"] >= 6 * properties(cfn, "RematchFunction")["Timeout"]


def test_no_function_imports_the_command_line_modules_the_layer_leaves_out() -> None:
    probe = "import sys, ingest.app, match.app, rematch.app, api.app; print(sorted(m for m in sys.modules if m in {'claimdiff.cli', 'claimdiff.demo', 'claimdiff.report', 'claimdiff_local'}))"
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": f"{ROOT / 'functions'}:{ROOT / 'shared'}",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_function_of_the_template_is_type_checked(cfn: dict[str, Any]) -> None:
    handlers = {
        spec["Properties"]["Handler"].split(".")[0]
        for spec in resources_of(cfn, "AWS::Lambda::Function").values()
    }
    checked = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]["packages"])
    assert handlers == {"ingest", "match", "rematch", "api"}
    assert handlers <= checked
