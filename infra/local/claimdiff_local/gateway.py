"""The local API Gateway: HTTP requests in, REST proxy events to the API handler, its responses out.

IAM authorisation is not emulated (every request is let through); everything else a proxy
integration does is: the event shape, multi-value headers and query strings, base64 bodies.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from claimdiff_local.dispatcher import Invoker
from claimdiff_local.events import api_gateway_event

log = logging.getLogger(__name__)

_GATEWAY_ERROR = {"message": "Internal server error"}


class _ProxyRequestHandler(BaseHTTPRequestHandler):
    """Turns one HTTP request into one handler call."""

    invoker: ClassVar[Invoker]
    stage: ClassVar[str]
    account_id: ClassVar[str]
    server_version = "claimdiff-local"
    protocol_version = "HTTP/1.1"

    def _proxy(self) -> None:
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = url.path or "/"
        # The deployed API lives under /<stage>/ (and Swagger UI calls it there): accept both forms.
        if path == f"/{self.stage}" or path.startswith(f"/{self.stage}/"):
            path = path[len(self.stage) + 1 :] or "/"
        event = api_gateway_event(
            method=self.command,
            path=path,
            query=parse_qs(url.query, keep_blank_values=True),
            headers=list(self.headers.items()),
            body=body,
            source_ip=self.client_address[0],
            stage=self.stage,
            account_id=self.account_id,
        )
        result, error = self.invoker.invoke(event)
        if error is not None or not isinstance(result, Mapping) or "statusCode" not in result:
            if error is None:
                log.error("API handler returned no proxy response: %r", result)
            self._respond(502, {"Content-Type": ["application/json"]}, json.dumps(_GATEWAY_ERROR).encode())
            return
        headers: dict[str, list[str]] = {}
        for name, values in (result.get("multiValueHeaders") or {}).items():
            headers.setdefault(name, []).extend(str(value) for value in values)
        for name, value in (result.get("headers") or {}).items():
            headers.setdefault(name, [str(value)])
        raw_body = result.get("body") or ""
        payload = (
            base64.b64decode(raw_body) if result.get("isBase64Encoded") else str(raw_body).encode("utf-8")
        )
        self._respond(int(result["statusCode"]), headers, payload)

    def _respond(self, status: int, headers: Mapping[str, list[str]], payload: bytes) -> None:
        self.send_response(status)
        for name, values in headers.items():
            if name.lower() in ("content-length", "connection", "transfer-encoding"):
                continue
            for value in values:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = _proxy  # noqa: N815

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s %s", self.address_string(), format % args)


class HttpGateway:
    """A threading HTTP server on 127.0.0.1 in front of one API function."""

    def __init__(
        self, invoker: Invoker, *, port: int = 3000, stage: str = "v1", account_id: str = "123456789012"
    ):
        handler = type(
            "ProxyRequestHandler",
            (_ProxyRequestHandler,),
            {"invoker": invoker, "stage": stage, "account_id": account_id},
        )
        self._server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="http-gateway", daemon=True)

    @property
    def url(self) -> str:
        """Base URL of the API (no stage prefix, as with ``sam local start-api``)."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> None:
        """Serve in a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and release the port."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
