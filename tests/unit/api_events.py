"""API Gateway REST proxy events, a Lambda context double and a small seeded store, for API tests.

The events have the shape API Gateway sends for the template's ``ANY /`` and ``ANY /{proxy+}``
routes (Lambda proxy integration, stage ``Prod``), including the multi-value twins of headers
and query parameters.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from claimdiff.models import Article, ArticleStatus, Claim, ClaimRef, Relation
from claimdiff.store.memory import InMemoryStore
from claimdiff.store.ports import ClaimStore

from tests.fakes import reversed_relation

STAGE = "Prod"
API_ID = "a1b2c3d4e5"


def rest_event(
    method: str,
    path: str,
    *,
    query: dict[str, str] | None = None,
    body: Any = None,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    """A REST proxy event for ``method path``; a non-string ``body`` is sent as JSON."""
    request_id = str(uuid.uuid4())
    all_headers = {
        "Accept": "application/json",
        "Host": f"{API_ID}.execute-api.eu-west-1.amazonaws.com",
        "User-Agent": "pytest",
        "X-Amzn-Trace-Id": "Root=1-65f00000-000000000000000000000000",
        "X-Forwarded-For": "203.0.113.7",
        "X-Forwarded-Port": "443",
        "X-Forwarded-Proto": "https",
    }
    if body is not None and not isinstance(body, str):
        body = json.dumps(body)
    if body is not None:
        all_headers["Content-Type"] = "application/json"
    all_headers.update(headers or {})
    proxy = path.lstrip("/")
    resource = "/{proxy+}" if proxy else "/"
    return {
        "resource": resource,
        "path": path,
        "httpMethod": method,
        "headers": all_headers,
        "multiValueHeaders": {name: [value] for name, value in all_headers.items()},
        "queryStringParameters": dict(query) if query else None,
        "multiValueQueryStringParameters": {k: [v] for k, v in query.items()} if query else None,
        "pathParameters": {"proxy": proxy} if proxy else None,
        "stageVariables": None,
        "requestContext": {
            "resourceId": "abc123",
            "resourcePath": resource,
            "httpMethod": method,
            "extendedRequestId": "Xyz0AbCdEfGhIjK=",
            "requestTime": "09/Apr/2024:12:34:56 +0000",
            "path": f"/{STAGE}{path}",
            "accountId": "123456789012",
            "protocol": "HTTP/1.1",
            "stage": STAGE,
            "domainPrefix": API_ID,
            "requestTimeEpoch": 1712666096000,
            "requestId": request_id,
            "identity": {
                "cognitoIdentityPoolId": None,
                "accountId": "123456789012",
                "cognitoIdentityId": None,
                "caller": "AIDAEXAMPLE",
                "sourceIp": "203.0.113.7",
                "principalOrgId": None,
                "accessKey": "AKIAEXAMPLE",
                "cognitoAuthenticationType": None,
                "cognitoAuthenticationProvider": None,
                "userArn": "arn:aws:iam::123456789012:user/tester",
                "userAgent": "pytest",
                "user": "AIDAEXAMPLE",
            },
            "domainName": f"{API_ID}.execute-api.eu-west-1.amazonaws.com",
            "apiId": API_ID,
        },
        "body": body,
        "isBase64Encoded": False,
    }


def path_of(*segments: str) -> str:
    """A path from segments, each percent-encoded as a client would send it."""
    return "/" + "/".join(quote(segment, safe="") for segment in segments)


@dataclass
class LambdaContextDouble:
    """The attributes of Lambda's context object that handlers and powertools read."""

    function_name: str = "claimdiff-api"
    function_version: str = "$LATEST"
    memory_limit_in_mb: int = 512
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    invoked_function_arn: str = "arn:aws:lambda:eu-west-1:123456789012:function:claimdiff-api"
    log_group_name: str = "/aws/lambda/claimdiff-api"
    log_stream_name: str = "2024/04/09/[$LATEST]abcdef"

    def get_remaining_time_in_millis(self) -> int:
        """Plenty of time left."""
        return 29_000


@dataclass
class ApiResponse:
    """A proxy response, decoded."""

    status: int
    headers: dict[str, str]
    body: str

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)


def call(handler: Any, method: str, path: str, **kwargs: Any) -> ApiResponse:
    """Invoke ``handler`` with a REST proxy event and decode its proxy response."""
    return decode(handler(rest_event(method, path, **kwargs), LambdaContextDouble()))


def decode(result: dict[str, Any]) -> ApiResponse:
    """A proxy response as an ``ApiResponse`` (header names lower-cased)."""
    headers = {name.lower(): values[-1] for name, values in (result.get("multiValueHeaders") or {}).items()}
    headers.update({name.lower(): value for name, value in (result.get("headers") or {}).items()})
    assert result.get("isBase64Encoded") in (False, None)
    return ApiResponse(status=result["statusCode"], headers=headers, body=result.get("body") or "")


# A small world of three outlets, for the API and comparison tests (sentences written for the tests).

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def seed_claim(article_id: str, outlet: str, index: int, text: str) -> Claim:
    """A stored claim as the seeded world writes it (offsets 100 characters apart)."""
    return Claim(
        id=f"{article_id}~{index:04d}",
        article_id=article_id,
        outlet=outlet,
        index=index,
        text=text,
        start=index * 100,
        end=index * 100 + len(text),
        negated=" not " in text,
        published_on=NOW.date(),
    )


def seed_relations(
    a: Claim, b: Claim, kind: str, confidence: float, reasons: list[str], minutes_ago: int
) -> list[Relation]:
    """The relation of ``a`` to ``b`` and its reverse, as matching stores them."""

    def ref(c: Claim) -> ClaimRef:
        return ClaimRef(id=c.id, article_id=c.article_id, outlet=c.outlet, text=c.text, negated=c.negated)

    relation = Relation.model_validate(
        {
            "claim": ref(a),
            "other": ref(b),
            "relation": kind,
            "confidence": confidence,
            "reasons": reasons,
            "evidence": [{"side": "a", "text": a.text[:3], "start": 0, "end": 3}],
            "explanation": f"{a.outlet} and {b.outlet}: {kind}",
            "detected_at": NOW - dt.timedelta(minutes=minutes_ago),
        }
    )
    return [relation, reversed_relation(relation)]


@dataclass
class World:
    """What ``seed_world`` stored: claims by short name (a0 is wire-a's first claim...)."""

    store: ClaimStore
    claims: dict[str, Claim]


# The comparison summary of wire-a-1 in ``seed_world``: a1 agreed (by daily-b, its own origin), a0 and a1
# contradicted, a2 unique; wire-a's own follow-up is no corroboration.
WIRE_A_SUMMARY = {"claims": 3, "agreed": 1, "agreed_independently": 1, "contradicted": 2, "unique": 1}


def seed_world(store: ClaimStore | None = None) -> World:
    """Three outlets' articles, one rejected upload, and relations between their claims.

    wire-a-1: a0 (contradicted by b0, related to c1, and echoed by wire-a's own w0, which must not
    count as corroboration), a1 (corroborated by b1, contradicted by c0), a2 (no other outlet: unique).
    Seeds ``store``, or a new ``InMemoryStore``.
    """
    store = store if store is not None else InMemoryStore()
    articles = [
        Article(id="wire-a-1", outlet="wire-a", title="Talks", published_at=NOW - dt.timedelta(hours=3)),
        Article(id="wire-a-2", outlet="wire-a", title="Follow-up", published_at=NOW - dt.timedelta(hours=2)),
        Article(
            id="daily-b-1", outlet="daily-b", title="Ceasefire", published_at=NOW - dt.timedelta(hours=1)
        ),
        Article(id="paper-c-1", outlet="paper-c", title="Water", published_at=NOW - dt.timedelta(minutes=30)),
        Article(
            id="paper-c-2",
            outlet="paper-c",
            status=ArticleStatus.REJECTED,
            reason="empty: the object has no text",
            published_at=NOW - dt.timedelta(minutes=10),
            s3_key="articles/paper-c/empty.txt",
        ),
    ]
    claims = {
        "a0": seed_claim(
            "wire-a-1", "wire-a", 0, "The envoy said the alliance has not separated the rebels."
        ),
        "a1": seed_claim("wire-a-1", "wire-a", 1, "The plant supplies water for 1.8 million people."),
        "a2": seed_claim(
            "wire-a-1", "wire-a", 2, "The minister said the region must remain part of the state."
        ),
        "w0": seed_claim(
            "wire-a-2", "wire-a", 0, "The alliance has not separated the rebels, the envoy said."
        ),
        "b0": seed_claim("daily-b-1", "daily-b", 0, "The alliance has separated the rebels, officials said."),
        "b1": seed_claim("daily-b-1", "daily-b", 1, "A plant supplying water to 1.8 million people was hit."),
        "c0": seed_claim("paper-c-1", "paper-c", 0, "The plant serves 1.2 million people."),
        "c1": seed_claim("paper-c-1", "paper-c", 1, "The rebels and the alliance met on Monday."),
    }
    for article in articles:
        counted = sum(1 for c in claims.values() if c.article_id == article.id)
        store.put_article(article.model_copy(update={"claim_count": counted}))
    store.put_claims(list(claims.values()))
    c = claims
    store.put_relations(
        seed_relations(c["a0"], c["b0"], "contradiction", 0.93, ["negation"], minutes_ago=5)
        + seed_relations(c["a1"], c["c0"], "contradiction", 0.88, ["quantity"], minutes_ago=1)
        + seed_relations(c["a1"], c["b1"], "equivalent", 0.91, ["paraphrase"], minutes_ago=3)
        + seed_relations(c["a0"], c["c1"], "related", 0.55, ["same_subject"], minutes_ago=4)
        + seed_relations(c["a0"], c["w0"], "equivalent", 0.97, ["paraphrase"], minutes_ago=6)
    )
    return World(store=store, claims=claims)
