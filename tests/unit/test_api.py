"""The API handler, called with API Gateway REST proxy events, on the in-memory store."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from api import app as api_app
from claimdiff.config import settings
from claimdiff.models import CheckEvidence, Claim, Comparison, Evidence, Verdict
from claimdiff.store.dynamodb import DynamoClaimStore

from tests.unit.api_events import (
    WIRE_A_SUMMARY,
    ApiResponse,
    LambdaContextDouble,
    World,
    call,
    decode,
    path_of,
    rest_event,
)
from tests.unit.api_world import get

SUMMARY_FIELDS = {
    "id",
    "outlet",
    "title",
    "url",
    "published_at",
    "status",
    "reason",
    "claim_count",
    "duplicate_of",
    "s3_key",
}


def post(path: str, body: Any) -> ApiResponse:
    return call(api_app.lambda_handler, "POST", path, body=body)


def assert_error(response: ApiResponse, status: int, error: str) -> dict[str, Any]:
    assert response.status == status, response.body
    assert response.headers["content-type"] == "application/json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["error"] == error
    assert body["message"]
    assert body["request_id"]
    return body


def locations(body: dict[str, Any]) -> set[str]:
    return {detail["location"] for detail in body["details"]}


# Meta


def test_health_answers_without_touching_the_store(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_store() -> None:
        raise AssertionError("health must not build the store")

    monkeypatch.setattr(api_app, "get_store", no_store)
    response = get("/health")
    assert response.status == 200
    assert response.json() == {"status": "ok", "version": api_app.VERSION}
    assert api_app.VERSION


def test_unknown_route_is_a_json_404() -> None:
    body = assert_error(get("/nothing/here"), 404, "not_found")
    assert "/nothing/here" in body["message"]


# Articles


def test_articles_are_listed_newest_first_as_summaries(world: World) -> None:
    response = get("/articles")
    assert response.status == 200
    body = response.json()
    assert [a["id"] for a in body["items"]] == ["paper-c-2", "paper-c-1", "daily-b-1", "wire-a-2", "wire-a-1"]
    assert body["next_cursor"] is None
    assert all(set(item) == SUMMARY_FIELDS for item in body["items"])
    rejected = body["items"][0]
    assert (rejected["status"], rejected["reason"], rejected["claim_count"]) == (
        "REJECTED",
        "empty: the object has no text",
        0,
    )
    assert body["items"][-1]["claim_count"] == 3


def test_articles_filter_by_outlet(world: World) -> None:
    body = get("/articles", outlet="wire-a").json()
    assert [a["id"] for a in body["items"]] == ["wire-a-2", "wire-a-1"]
    assert get("/articles", outlet="nobody").json() == {"items": [], "next_cursor": None}


def test_article_pagination_round_trip(world: World) -> None:
    everything = [a["id"] for a in get("/articles", limit="100").json()["items"]]
    seen: list[str] = []
    cursor: str | None = None
    for _ in range(10):
        query = {"limit": "2"} | ({"cursor": cursor} if cursor else {})
        body = get("/articles", **query).json()
        assert len(body["items"]) <= 2
        seen += [a["id"] for a in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == everything
    assert len(seen) == 5


@pytest.mark.parametrize("limit", ["0", "101", "-3", "ten", "2.5"])
def test_a_bad_limit_is_a_422_naming_the_parameter(world: World, limit: str) -> None:
    body = assert_error(get("/articles", limit=limit), 422, "validation_error")
    assert locations(body) == {"query.limit"}
    assert all(detail["message"] and detail["type"] for detail in body["details"])


@pytest.mark.parametrize("path", ["/articles", "/contradictions"])
def test_a_bad_cursor_is_a_422_naming_the_cursor(world: World, path: str) -> None:
    body = assert_error(get(path, cursor="bm90LWEtY3Vyc29y"), 422, "invalid_request")
    assert locations(body) == {"query.cursor"}


def test_an_overlong_cursor_is_a_422(world: World) -> None:
    body = assert_error(get("/articles", cursor="x" * 5000), 422, "validation_error")
    assert locations(body) == {"query.cursor"}


def test_one_article(world: World) -> None:
    response = get("/articles/paper-c-2")
    assert response.status == 200
    body = response.json()
    assert body["id"] == "paper-c-2"
    assert (body["status"], body["reason"], body["s3_key"]) == (
        "REJECTED",
        "empty: the object has no text",
        "articles/paper-c/empty.txt",
    )
    assert "text" not in body


@pytest.mark.parametrize("suffix", ["", "/claims", "/comparison"])
def test_an_unknown_article_is_a_json_404(world: World, suffix: str) -> None:
    body = assert_error(get(f"/articles/no-such-article{suffix}"), 404, "not_found")
    assert "no-such-article" in body["message"]


def test_claims_of_an_article(world: World) -> None:
    body = get("/articles/wire-a-1/claims").json()
    assert [c["id"] for c in body["items"]] == [world.claims[n].id for n in ("a0", "a1", "a2")]
    first = body["items"][0]
    assert first["text"] == world.claims["a0"].text
    assert Claim.model_validate(first) == world.claims["a0"]


def test_comparison_of_an_article(world: World) -> None:
    response = get("/articles/wire-a-1/comparison")
    assert response.status == 200
    body = response.json()
    assert body["article"]["id"] == "wire-a-1"
    assert body["summary"] == WIRE_A_SUMMARY
    a0, a1, a2 = body["claims"]
    assert a0["claim"]["id"] == world.claims["a0"].id
    assert a0["corroborating"] == []  # the same outlet's echo is not corroboration
    contradiction = a0["contradicting"][0]
    assert contradiction["other"]["outlet"] == "daily-b"
    assert contradiction["other"]["text"] == world.claims["b0"].text
    assert contradiction["reasons"] == ["negation"]
    assert contradiction["confidence"] == 0.93
    assert contradiction["explanation"]
    assert contradiction["evidence"] == [{"side": "a", "text": "The", "start": 0, "end": 3, "reason": None}]
    assert [link["other"]["outlet"] for link in a0["related"]] == ["paper-c"]
    assert [link["other"]["id"] for link in a1["corroborating"]] == [world.claims["b1"].id]
    assert [c["id"] for c in body["unique"]] == [world.claims["a2"].id]
    assert a2["contradicting"] == []


# Claims and contradictions


def test_one_claim_with_its_relations(world: World) -> None:
    claim = world.claims["a1"]
    response = get(path_of("claims", claim.id))
    assert response.status == 200
    body = response.json()
    assert body["id"] == claim.id
    assert body["text"] == claim.text
    assert [(r["other"]["outlet"], r["relation"]) for r in body["relations"]] == [
        ("daily-b", "equivalent"),
        ("paper-c", "contradiction"),
    ]
    assert all(r["claim"]["id"] == claim.id for r in body["relations"])


def test_an_unknown_claim_is_a_json_404(world: World) -> None:
    assert_error(get("/claims/wire-a-1~9999"), 404, "not_found")


def test_contradictions_newest_first_each_once(world: World) -> None:
    body = get("/contradictions").json()
    pairs = [{r["claim"]["id"], r["other"]["id"]} for r in body["items"]]
    c = world.claims
    assert pairs == [{c["a1"].id, c["c0"].id}, {c["a0"].id, c["b0"].id}]
    assert body["next_cursor"] is None


def test_contradictions_filter_by_outlet_and_paginate(world: World) -> None:
    body = get("/contradictions", outlet="daily-b").json()
    assert [r["reasons"] for r in body["items"]] == [["negation"]]

    first = get("/contradictions", limit="1").json()
    assert len(first["items"]) == 1
    rest = get("/contradictions", limit="1", cursor=first["next_cursor"]).json()
    assert [r["reasons"] for r in first["items"] + rest["items"]] == [["quantity"], ["negation"]]


# Tools: nothing stored


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Stand-ins for the matching engine, recording what they were asked."""
    calls: list[tuple[str, str]] = []

    def fake_compare(a: Claim, b: Claim) -> Comparison:
        calls.append((a.text, b.text))
        evidence = [Evidence(side="a", text="not", start=13, end=16, reason="negation")]
        return Comparison(
            relation="contradiction",
            confidence=0.9,
            reasons=["negation"],
            evidence=evidence,
            explanation="a says it has not; b says it has: negation",
        )

    def fake_check(claim: str, article: str) -> Verdict:
        calls.append((claim, article))
        evidence = [CheckEvidence(text=article[:5], start=0, end=5, relation="related")]
        return Verdict(verdict="discusses", confidence=0.6, evidence=evidence)

    monkeypatch.setattr("claimdiff.match.compare", fake_compare)
    monkeypatch.setattr("claimdiff.match.check", fake_check)
    return calls


def test_compare_two_sentences(world: World, engine: list[tuple[str, str]]) -> None:
    a, b = "The alliance has not separated the rebels.", "The alliance has separated the rebels."
    before = world.store.list_articles(outlet=None, limit=100, cursor=None)
    response = post("/compare", {"a": a, "b": b})
    assert response.status == 200, response.body
    body = response.json()
    assert engine == [(a, b)]
    assert (body["relation"], body["confidence"], body["reasons"]) == ("contradiction", 0.9, ["negation"])
    assert body["explanation"] == "a says it has not; b says it has: negation"
    assert body["evidence"] == [{"side": "a", "text": "not", "start": 13, "end": 16, "reason": "negation"}]
    assert (body["a"]["text"], body["b"]["text"]) == (a, b)
    assert world.store.list_articles(outlet=None, limit=100, cursor=None) == before


def test_check_a_claim_against_an_article(engine: list[tuple[str, str]]) -> None:
    response = post("/check", {"claim": "Talks resumed.", "article": "Rain. Talks resumed on Monday."})
    assert response.status == 200, response.body
    assert response.json() == {
        "verdict": "discusses",
        "confidence": 0.6,
        "evidence": [{"text": "Rain.", "start": 0, "end": 5, "relation": "related"}],
    }
    assert engine == [("Talks resumed.", "Rain. Talks resumed on Monday.")]


@pytest.mark.parametrize(
    ("body", "wrong"),
    [
        ({"a": "One sentence."}, {"body.b"}),
        ({"a": "", "b": "x"}, {"body.a"}),
        ({"a": "   \n ", "b": "x"}, {"body.a"}),
        ({"a": "x" * 5001, "b": "y"}, {"body.a"}),
        ({"a": 3, "b": ["y"]}, {"body.a", "body.b"}),
        ({"a": "x", "b": "y", "c": "z"}, {"body.c"}),
        ("{not json", {"body"}),
        ([1, 2], {"body"}),
        ({"a": "Kerry\x00 said \x1b[31myes", "b": "y"}, {"body.a"}),
        ('{"a": "Kerry \\ud800 said", "b": "y"}', {"body.a"}),
        ('{"a": "x", "b": ' + "[" * 100_000 + "]" * 100_000 + "}", {"body"}),
    ],
)
def test_a_bad_compare_body_is_a_422_naming_each_problem(
    engine: list[tuple[str, str]], body: Any, wrong: set[str]
) -> None:
    answer = assert_error(post("/compare", body), 422, "validation_error")
    assert locations(answer) == wrong
    assert engine == []  # the engine never sees an invalid request


def test_a_bad_check_body_is_a_422(engine: list[tuple[str, str]]) -> None:
    answer = assert_error(post("/check", {"claim": "Talks resumed."}), 422, "validation_error")
    assert locations(answer) == {"body.article"}
    answer = assert_error(post("/check", {"claim": "x", "article": "y" * 100_001}), 422, "validation_error")
    assert locations(answer) == {"body.article"}


@pytest.mark.parametrize("path", ["/compare", "/check"])
def test_a_body_that_is_not_utf8_is_a_422(engine: list[tuple[str, str]], path: str) -> None:
    event = rest_event("POST", path, body="x")
    # API Gateway passes a body it cannot read as text base64-encoded.
    event["body"], event["isBase64Encoded"] = base64.b64encode(b'{"a": "caf\xe9", "b": "x"}').decode(), True
    answer = assert_error(
        decode(api_app.lambda_handler(event, LambdaContextDouble())), 422, "validation_error"
    )
    assert answer["details"][0]["message"] == "the body is not UTF-8 text"
    assert engine == []


def test_a_missing_body_is_a_422() -> None:
    answer = assert_error(call(api_app.lambda_handler, "POST", "/compare"), 422, "validation_error")
    assert answer["details"]


# Unexpected errors


def test_an_unexpected_error_is_a_500_with_the_request_id_and_no_internals(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class BrokenStore:
        def get_article(self, article_id: str) -> None:
            raise RuntimeError("table arn:aws:dynamodb:secret is on fire")

    monkeypatch.setattr(api_app, "_store", BrokenStore())
    event = rest_event("GET", "/articles/wire-a-1")
    handler: Any = api_app.lambda_handler
    response = decode(handler(event, LambdaContextDouble()))
    body = assert_error(response, 500, "internal_error")
    assert body["request_id"] == event["requestContext"]["requestId"]
    assert "secret" not in response.body
    assert "RuntimeError" not in response.body


# The store is built once, lazily


def test_the_store_is_built_once_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_TABLE_NAME", "claims-under-test")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    monkeypatch.setattr(api_app, "_store", None)
    settings.cache_clear()
    try:
        first = api_app.get_store()
        assert isinstance(first, DynamoClaimStore)
        assert first.table_name == "claims-under-test"
        assert api_app.get_store() is first
    finally:
        settings.cache_clear()


# Documentation


def test_openapi_document_describes_every_route() -> None:
    response = get("/openapi.json")
    assert response.status == 200
    assert response.headers["content-type"] == "application/json"
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "claimdiff"
    assert document["info"]["version"] == api_app.VERSION
    assert "outlets" in document["info"]["description"]
    assert document["servers"] == [{"url": "/Prod"}]
    paths = document["paths"]
    assert set(paths) == {
        "/health",
        "/articles",
        "/articles/{article_id}",
        "/articles/{article_id}/claims",
        "/articles/{article_id}/comparison",
        "/articles/{article_id}/history",
        "/contradictions",
        "/stories",
        "/stories/{story_id}",
        "/claims/{claim_id}",
        "/compare",
        "/check",
    }
    schemas = document["components"]["schemas"]
    for path, operations in paths.items():
        for method, operation in operations.items():
            ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
            # One model, or one of several (/contradictions answers ClaimReview JSON-LD on request).
            refs = [ok["$ref"]] if "$ref" in ok else [option["$ref"] for option in ok["anyOf"]]
            assert refs and all(ref.split("/")[-1] in schemas for ref in refs), (method, path)
            assert operation["responses"]["422"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/ErrorResponse"
            }
            assert "500" in operation["responses"]
            if "{" in path:
                assert "404" in operation["responses"], path
    limit = next(p for p in paths["/articles"]["get"]["parameters"] if p["name"] == "limit")
    assert (limit["schema"]["minimum"], limit["schema"]["maximum"], limit["schema"]["default"]) == (
        1,
        100,
        20,
    )
    compare_body = paths["/compare"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert compare_body["$ref"].endswith("/CompareRequest")
    assert schemas["CompareRequest"]["properties"]["a"]["maxLength"] == 5000
    assert set(schemas["ArticleComparison"]["properties"]) == {
        "article",
        "origin",
        "claims",
        "unique",
        "summary",
    }


@pytest.mark.parametrize(
    ("requested", "server"),
    [("/Prod/openapi.json", "/Prod"), ("/api/v2/openapi.json", "/api/v2"), ("/openapi.json", "/")],
)
def test_openapi_server_is_where_the_client_reached_the_api(requested: str, server: str) -> None:
    # The execute-api URL carries the stage; a custom domain its base path mapping; a local gateway nothing.
    event = rest_event("GET", "/openapi.json")
    event["requestContext"]["path"] = requested
    handler: Any = api_app.lambda_handler
    document = decode(handler(event, LambdaContextDouble())).json()
    assert document["servers"] == [{"url": server}]


def test_swagger_ui_is_served_at_docs() -> None:
    response = get("/docs")
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "SwaggerUIBundle" in response.body
    assert '"title": "claimdiff"' in response.body
