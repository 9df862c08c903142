"""The template's functions as the dispatcher needs them: handler, limits, environment, event sources."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from claimdiff_local.template import Resolver

Handler = Callable[[dict[str, Any], Any], Any]

_FUNCTION_TYPES = ("AWS::Serverless::Function", "AWS::Lambda::Function")


@dataclass(frozen=True)
class SqsSource:
    """An SQS event source mapping (SAM ``Type: SQS``)."""

    queue_arn: str
    batch_size: int
    report_batch_item_failures: bool


@dataclass(frozen=True)
class StreamSource:
    """A DynamoDB stream event source mapping (SAM ``Type: DynamoDB``)."""

    stream_arn: str
    starting_position: str
    batch_size: int
    maximum_retry_attempts: int
    report_batch_item_failures: bool
    filter_patterns: tuple[dict[str, Any], ...]
    on_failure_arn: str | None


@dataclass(frozen=True)
class ApiRoute:
    """An API Gateway proxy route (SAM ``Type: Api``)."""

    path: str
    method: str


@dataclass(frozen=True)
class FunctionSpec:
    """One function of the template, with every intrinsic resolved to local physical values."""

    logical_id: str
    function_name: str
    handler: str
    timeout_seconds: int
    memory_mb: int
    environment: Mapping[str, str]
    sqs_sources: tuple[SqsSource, ...] = ()
    stream_sources: tuple[StreamSource, ...] = ()
    api_routes: tuple[ApiRoute, ...] = ()


def import_handler(handler: str) -> Handler:
    """Import ``package.module.function`` the way the Lambda runtime does (from sys.path)."""
    module_name, _, attribute = handler.rpartition(".")
    if not module_name:
        raise ValueError(f"handler {handler!r} must be <module>.<function>")
    function = getattr(importlib.import_module(module_name), attribute)
    if not callable(function):
        raise TypeError(f"handler {handler!r} is not callable")
    return function  # type: ignore[no-any-return]


def function_specs(template: Mapping[str, Any], resolver: Resolver) -> list[FunctionSpec]:
    """Every function of the template, its Globals applied (environment variables merged)."""
    globals_ = dict((template.get("Globals") or {}).get("Function") or {})
    specs = []
    for logical_id, resource in (template.get("Resources") or {}).items():
        if resource.get("Type") not in _FUNCTION_TYPES:
            continue
        properties = {**globals_, **(resource.get("Properties") or {})}
        environment = {
            **((globals_.get("Environment") or {}).get("Variables") or {}),
            **(((resource.get("Properties") or {}).get("Environment") or {}).get("Variables") or {}),
        }
        resolved_environment = {name: str(value) for name, value in resolver.resolve(environment).items()}
        specs.append(
            FunctionSpec(
                logical_id=logical_id,
                function_name=f"{resolver.stack_name}-{logical_id}",
                handler=str(properties["Handler"]),
                timeout_seconds=int(resolver.resolve(properties.get("Timeout", 3))),
                memory_mb=int(resolver.resolve(properties.get("MemorySize", 128))),
                environment=resolved_environment,
                **_event_sources(properties.get("Events") or {}, resolver),
            )
        )
    return specs


def _event_sources(events: Mapping[str, Any], resolver: Resolver) -> dict[str, Any]:
    sqs: list[SqsSource] = []
    streams: list[StreamSource] = []
    routes: list[ApiRoute] = []
    for event in events.values():
        kind = event.get("Type")
        properties = resolver.resolve(event.get("Properties") or {})
        reports_failures = "ReportBatchItemFailures" in (properties.get("FunctionResponseTypes") or [])
        if kind == "SQS":
            sqs.append(
                SqsSource(
                    queue_arn=properties["Queue"],
                    batch_size=int(properties.get("BatchSize", 10)),
                    report_batch_item_failures=reports_failures,
                )
            )
        elif kind == "DynamoDB":
            filters = (properties.get("FilterCriteria") or {}).get("Filters") or []
            on_failure = ((properties.get("DestinationConfig") or {}).get("OnFailure") or {}).get(
                "Destination"
            )
            streams.append(
                StreamSource(
                    stream_arn=properties["Stream"],
                    starting_position=properties.get("StartingPosition", "LATEST"),
                    batch_size=int(properties.get("BatchSize", 100)),
                    # Lambda's default is -1 (retry until the record expires); bound it locally.
                    maximum_retry_attempts=int(properties.get("MaximumRetryAttempts", 3)),
                    report_batch_item_failures=reports_failures,
                    filter_patterns=tuple(json.loads(item["Pattern"]) for item in filters),
                    on_failure_arn=on_failure,
                )
            )
        elif kind == "Api":
            routes.append(ApiRoute(path=properties["Path"], method=str(properties["Method"]).upper()))
    return {"sqs_sources": tuple(sqs), "stream_sources": tuple(streams), "api_routes": tuple(routes)}
