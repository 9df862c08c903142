"""The local stack: moto server, resources from template.yaml, event dispatcher and HTTP gateway."""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import boto3
from moto.server import ThreadedMotoServer

from claimdiff_local.dispatcher import Activity, Invoker, SqsPoller, StreamPoller
from claimdiff_local.functions import FunctionSpec, Handler, function_specs, import_handler
from claimdiff_local.gateway import HttpGateway
from claimdiff_local.provision import ProvisionedResources, Provisioner
from claimdiff_local.template import Resolver, load_template

log = logging.getLogger(__name__)

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[3] / "template.yaml"
LOCAL_ACCOUNT_ID = "123456789012"
# moto accepts any credentials; these keep boto3 away from real ones.
LOCAL_CREDENTIAL = "testing"
_CREDENTIAL_VARIABLES = ("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE")


class LocalStack:
    """Everything claimdiff runs on, in this process, on 127.0.0.1; a context manager.

    ``moto_port`` and ``api_port`` may be 0 (a free port). ``handlers`` replaces the handler of a
    function (by logical id) without touching the template; ``failure_visibility_seconds`` is how
    soon a failed SQS message is received again (the template's timeout would make tests slow).
    While started, the process environment points boto3 at the local endpoint and carries the
    functions' environment variables; ``stop`` restores it.
    """

    def __init__(
        self,
        template_path: str | Path = DEFAULT_TEMPLATE,
        *,
        moto_port: int = 0,
        api_port: int = 3000,
        stack_name: str = "claimdiff",
        region: str = "us-east-1",
        handlers: Mapping[str, Handler] | None = None,
        failure_visibility_seconds: int = 1,
        parameter_overrides: Mapping[str, str] | None = None,
    ):
        self.template_path = Path(template_path).resolve()
        self.template = load_template(self.template_path)
        self.stack_name = stack_name
        self.region = region
        self._moto_port = moto_port
        self._api_port = api_port
        self._handler_overrides = dict(handlers or {})
        self._failure_visibility_seconds = failure_visibility_seconds
        self._parameter_overrides = dict(parameter_overrides or {})

        self.endpoint_url = ""
        self.api_url = ""
        self.resources = ProvisionedResources()
        self.functions: dict[str, FunctionSpec] = {}
        self.handlers: dict[str, Handler] = {}
        self.environment: dict[str, str] = {}
        self.session = boto3.Session(
            aws_access_key_id=LOCAL_CREDENTIAL, aws_secret_access_key=LOCAL_CREDENTIAL, region_name=region
        )

        self._server: ThreadedMotoServer | None = None
        self._provisioner: Provisioner | None = None
        self._control_sqs: Any = None
        self._gateway: HttpGateway | None = None
        self._stop = threading.Event()
        self._activity = Activity()
        self._sqs_pollers: list[SqsPoller] = []
        self._stream_pollers: list[StreamPoller] = []
        self._saved_environment: dict[str, str | None] = {}
        self._added_paths: list[str] = []

    # ------------------------------------------------------------------ physical names

    @property
    def bucket(self) -> str:
        """The articles bucket."""
        return self.resources.buckets["ArticlesBucket"]

    @property
    def ingest_queue_url(self) -> str:
        """The queue S3 notifies."""
        return self.resources.queue_urls["IngestQueue"]

    @property
    def dlq_url(self) -> str:
        """Where ingest messages go after 3 failed receives."""
        return self.resources.queue_urls["IngestDLQ"]

    @property
    def claims_table(self) -> str:
        """The single table."""
        return self.resources.tables["ClaimsTable"]

    @property
    def idempotency_table(self) -> str:
        """powertools' idempotency records."""
        return self.resources.tables["IdempotencyTable"]

    @property
    def stream_arn(self) -> str:
        """The claims table's stream."""
        return self.resources.stream_arns["ClaimsTable"]

    def client(self, service: str) -> Any:
        """A boto3 client for the local endpoint (independent of the process environment)."""
        return self.session.client(service, endpoint_url=self.endpoint_url)  # type: ignore[call-overload]

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> LocalStack:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()

    def start(self) -> None:
        """Start moto, provision the template, set the environment, start the pollers and the gateway."""
        if self.running:
            raise RuntimeError("the local stack is already running")
        werkzeug_log = logging.getLogger("werkzeug")
        if werkzeug_log.level == logging.NOTSET:
            # Otherwise werkzeug prints every request the pollers make to moto.
            werkzeug_log.setLevel(logging.WARNING)
        # Chosen once: a restarted stack keeps its endpoints, so clients cached by handlers keep working.
        self._moto_port = _claim_port(self._moto_port)
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self._moto_port, verbose=False)
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.endpoint_url = f"http://{host}:{port}"
        try:
            resolver = Resolver(
                self.template,
                stack_name=self.stack_name,
                region=self.region,
                account_id=LOCAL_ACCOUNT_ID,
                parameter_overrides=self._parameter_overrides,
            )
            self._provisioner = Provisioner(self.template, resolver, self.session, self.endpoint_url)
            self.resources = self._provisioner.provision()
            self.functions = {spec.logical_id: spec for spec in function_specs(self.template, resolver)}
            self._set_environment()
            self._add_code_paths()
            self._start_dispatch(resolver)
        except BaseException:
            self.stop()
            raise
        log.info("local stack up: AWS endpoint %s, API %s", self.endpoint_url, self.api_url)

    def stop(self) -> None:
        """Stop everything started and restore the process environment; safe to call twice."""
        self._stop.set()
        if self._gateway is not None:
            self._gateway.stop()
            self._gateway = None
        for poller in [*self._sqs_pollers, *self._stream_pollers]:
            poller.join(timeout=10)
        self._sqs_pollers, self._stream_pollers = [], []
        if self._provisioner is not None:
            self._provisioner.teardown()
            self._provisioner = None
        if self._server is not None:
            self._server.stop()
            self._server = None
        self._restore_environment()
        for path in self._added_paths:
            if path in sys.path:
                sys.path.remove(path)
        self._added_paths = []
        self._control_sqs = None
        self.handlers = {}
        self.endpoint_url = self.api_url = ""

    @property
    def running(self) -> bool:
        """True between ``start`` and ``stop`` (a stopped stack can be started again, on new ports)."""
        return self._server is not None

    def _set_environment(self) -> None:
        merged: dict[str, str] = {}
        for spec in self.functions.values():
            for name, value in spec.environment.items():
                if merged.get(name, value) != value:
                    log.warning("%s differs between functions; the local stack uses %r", name, merged[name])
                merged.setdefault(name, value)
        self.environment = {
            **merged,
            "AWS_ENDPOINT_URL": self.endpoint_url,
            "AWS_ACCESS_KEY_ID": LOCAL_CREDENTIAL,
            "AWS_SECRET_ACCESS_KEY": LOCAL_CREDENTIAL,
            "AWS_DEFAULT_REGION": self.region,
            "AWS_REGION": self.region,
            "AWS_ACCOUNT_ID_ENDPOINT_MODE": "disabled",
            # No X-Ray daemon here.
            "POWERTOOLS_TRACE_DISABLED": "true",
        }
        for name in [*self.environment, *_CREDENTIAL_VARIABLES]:
            self._saved_environment.setdefault(name, os.environ.get(name))
        for name in _CREDENTIAL_VARIABLES:
            os.environ.pop(name, None)
        os.environ.update(self.environment)
        # Clients made from now on (by handlers, by the CLI) resolve the local endpoint and credentials.
        boto3.DEFAULT_SESSION = None

    def _restore_environment(self) -> None:
        for name, value in self._saved_environment.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        if self._saved_environment:
            boto3.DEFAULT_SESSION = None
        self._saved_environment = {}

    def _add_code_paths(self) -> None:
        """Put function code and layer content on sys.path, as Lambda's /var/task and /opt/python."""
        base = self.template_path.parent
        resources: dict[str, Any] = self.template["Resources"]
        globals_ = (self.template.get("Globals") or {}).get("Function") or {}
        locations = [
            spec.get("Properties", {}).get("CodeUri", globals_.get("CodeUri"))
            for spec in resources.values()
            if spec.get("Type") == "AWS::Serverless::Function"
        ] + [
            spec.get("Properties", {}).get("ContentUri")
            for spec in resources.values()
            if spec.get("Type") == "AWS::Serverless::LayerVersion"
        ]
        for location in locations:
            if not isinstance(location, str):
                continue
            path = str((base / location).resolve())
            if path not in sys.path:
                sys.path.append(path)
                self._added_paths.append(path)

    def _start_dispatch(self, resolver: Resolver) -> None:
        self._stop.clear()
        queue_urls_by_arn = {
            arn: self.resources.queue_urls[name] for name, arn in self.resources.queue_arns.items()
        }
        api_invoker: Invoker | None = None
        for spec in self.functions.values():
            handler = self._handler_overrides.get(spec.logical_id) or import_handler(spec.handler)
            self.handlers[spec.logical_id] = handler
            invoker = Invoker(
                spec, handler, region=self.region, account_id=LOCAL_ACCOUNT_ID, activity=self._activity
            )
            for sqs_source in spec.sqs_sources:
                self._sqs_pollers.append(
                    SqsPoller(
                        invoker,
                        sqs_source,
                        sqs=self.client("sqs"),
                        queue_url=queue_urls_by_arn[sqs_source.queue_arn],
                        region=self.region,
                        stop=self._stop,
                        failure_visibility_seconds=self._failure_visibility_seconds,
                    )
                )
            for stream_source in spec.stream_sources:
                self._stream_pollers.append(
                    StreamPoller(
                        invoker,
                        stream_source,
                        streams=self.client("dynamodbstreams"),
                        sqs=self.client("sqs"),
                        queue_urls_by_arn=queue_urls_by_arn,
                        region=self.region,
                        stop=self._stop,
                    )
                )
            if spec.api_routes:
                if api_invoker is not None:
                    raise ValueError("the local gateway serves one API function; the template has several")
                api_invoker = invoker
        for poller in [*self._sqs_pollers, *self._stream_pollers]:
            poller.start()
        if api_invoker is not None:
            self._gateway = HttpGateway(
                api_invoker,
                port=self._api_port,
                stage=self._stage_name(resolver),
                account_id=LOCAL_ACCOUNT_ID,
            )
            self._gateway.start()
            self.api_url = self._gateway.url
            self._api_port = int(self.api_url.rsplit(":", 1)[1])

    def _stage_name(self, resolver: Resolver) -> str:
        for spec in self.template["Resources"].values():
            if spec.get("Type") == "AWS::Serverless::Api":
                return str(resolver.resolve(spec.get("Properties", {}).get("StageName", "v1")))
        return "v1"

    # ------------------------------------------------------------------ waiting

    def wait_until_idle(self, timeout: float = 30.0) -> None:
        """Return once every event has been processed: queues drained, stream read, no handler running.

        Raises TimeoutError when that does not happen within ``timeout`` seconds.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._quiet():
                marks = [poller.rounds()[0] for poller in self._stream_pollers]
                while time.monotonic() < deadline and not self._streams_read_since(marks):
                    time.sleep(0.05)
                if self._quiet() and self._streams_read_since(marks):
                    return
            time.sleep(0.05)
        raise TimeoutError(f"local stack still busy after {timeout}s: {self._pending()}")

    def _streams_read_since(self, marks: list[int]) -> bool:
        """Whether every stream poller has finished a round that began after ``marks`` and found nothing."""
        return all(
            poller.rounds()[1] > mark for poller, mark in zip(self._stream_pollers, marks, strict=True)
        )

    def _quiet(self) -> bool:
        return not self._activity.busy and not any(self._pending().values())

    def _pending(self) -> dict[str, int]:
        if self._control_sqs is None:
            self._control_sqs = self.client("sqs")
        sqs = self._control_sqs
        pending: dict[str, int] = {"running handlers": int(self._activity.busy)}
        for poller in self._sqs_pollers:
            attributes = sqs.get_queue_attributes(
                QueueUrl=poller.queue_url,
                AttributeNames=[
                    "ApproximateNumberOfMessages",
                    "ApproximateNumberOfMessagesNotVisible",
                    "ApproximateNumberOfMessagesDelayed",
                ],
            )["Attributes"]
            pending[poller.queue_url] = sum(int(value) for value in attributes.values())
        return pending

    # ------------------------------------------------------------------ foreground

    def describe(self) -> str:
        """The endpoints and names, as printed by ``claimdiff local``."""
        lines = [
            f"AWS endpoint   {self.endpoint_url}   (credentials: testing/testing, region {self.region})",
            f"API            {self.api_url}   (e.g. curl {self.api_url}/health)",
            f"bucket         {self.bucket}",
            f"ingest queue   {self.ingest_queue_url}",
            f"ingest DLQ     {self.dlq_url}",
            f"claims table   {self.claims_table}",
            "",
            "upload an article:",
            f"  AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing aws --endpoint-url {self.endpoint_url} "
            f"--region {self.region} s3 cp samples/<file> s3://{self.bucket}/articles/<outlet>/<file> "
            "--metadata published-at=<yyyy-mm-dd>",
            f"  or: claimdiff upload FILE... --outlet <outlet> --published-at <yyyy-mm-dd> --bucket {self.bucket} "
            f"--endpoint-url {self.endpoint_url}",
        ]
        return "\n".join(lines)

    def run_forever(self) -> None:
        """Print the endpoints and serve until Ctrl-C or SIGTERM (the caller stops the stack)."""
        print(self.describe(), flush=True)
        print("\nCtrl-C to stop.", flush=True)
        stop_requested = threading.Event()
        previous: dict[signal.Signals, Any] = {}
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                previous[signum] = signal.signal(signum, lambda *_: stop_requested.set())
        try:
            while not stop_requested.wait(0.5) and not self._stop.is_set():
                pass
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        print("\nstopping", flush=True)


def _claim_port(port: int) -> int:
    """``port`` if it is free on 127.0.0.1 (any free port for 0); a clear error if it is taken.

    ThreadedMotoServer binds in its own thread and would wait forever if binding failed there.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as error:
            raise OSError(
                f"127.0.0.1:{port} is in use ({error.strerror}): choose another port, or 0"
            ) from error
        return int(probe.getsockname()[1])
