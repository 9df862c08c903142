"""The API handler against the DynamoDB adapter on moto: the claims table as template.yaml defines it.

The same world is seeded into the table and into the in-memory fake; every read route must answer
the same through both, which is also what keeps the fake honest.
"""

from __future__ import annotations

from typing import Any

import pytest
from api import app as api_app
from claimdiff.store.dynamodb import DynamoClaimStore

from tests.integration.conftest import Aws
from tests.unit.api_events import WIRE_A_SUMMARY, ApiResponse, World, call, path_of, seed_world


@pytest.fixture
def worlds(aws: Aws, monkeypatch: pytest.MonkeyPatch) -> tuple[World, World]:
    """(the world in DynamoDB, served by the handler's own store; the same world in memory)."""
    dynamo_world = seed_world(DynamoClaimStore(aws.table))
    memory_world = seed_world()
    monkeypatch.setattr(api_app, "_store", None)  # the handler builds its adapter from the environment
    return dynamo_world, memory_world


def get(path: str, **query: str) -> ApiResponse:
    return call(api_app.lambda_handler, "GET", path, query=query or None)


def through_memory(world: World, monkeypatch: pytest.MonkeyPatch, path: str, **query: str) -> ApiResponse:
    with monkeypatch.context() as patch:
        patch.setattr(api_app, "_store", world.store)
        return get(path, **query)


def drain(path: str, limit: int, **query: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(50):
        page = get(path, limit=str(limit), **query, **({"cursor": cursor} if cursor else {}))
        assert page.status == 200, page.body
        body = page.json()
        assert len(body["items"]) <= limit
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


def test_the_handler_builds_the_dynamodb_store_from_the_environment(
    aws: Aws, worlds: tuple[World, World]
) -> None:
    assert get("/articles/wire-a-1").status == 200
    store = api_app.get_store()
    assert isinstance(store, DynamoClaimStore)
    assert store.table_name == aws.table


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/articles", {}),
        ("/articles", {"outlet": "paper-c"}),
        ("/articles/wire-a-1", {}),
        ("/articles/paper-c-2", {}),
        ("/articles/wire-a-1/claims", {}),
        ("/articles/wire-a-1/comparison", {}),
        ("/articles/paper-c-1/comparison", {}),
        ("/contradictions", {}),
        ("/contradictions", {"outlet": "daily-b"}),
        ("/contradictions", {"format": "claimreview"}),
        ("/claims/wire-a-1~0000", {}),
        ("/stories", {}),
        ("/stories", {"outlet": "daily-b"}),
        ("/stories/paper-c-1", {}),
    ],
)
def test_every_read_route_answers_the_same_from_dynamodb_and_from_the_fake(
    worlds: tuple[World, World], monkeypatch: pytest.MonkeyPatch, path: str, query: dict[str, str]
) -> None:
    _, memory_world = worlds
    from_dynamo = get(path, **query)
    from_memory = through_memory(memory_world, monkeypatch, path, **query)
    assert from_dynamo.status == from_memory.status == 200, from_dynamo.body
    dynamo_body, memory_body = from_dynamo.json(), from_memory.json()
    if "next_cursor" in memory_body:
        # Cursors are opaque and each store writes its own; the last page is the same fact for both.
        assert memory_body["next_cursor"] is None
        assert dynamo_body.pop("next_cursor") is None
        memory_body.pop("next_cursor")
    assert dynamo_body == memory_body


def test_comparison_from_dynamodb(worlds: tuple[World, World]) -> None:
    dynamo_world, _ = worlds
    body = get("/articles/wire-a-1/comparison").json()
    assert body["summary"] == WIRE_A_SUMMARY
    contradicted_by = {link["other"]["id"] for entry in body["claims"] for link in entry["contradicting"]}
    assert contradicted_by == {dynamo_world.claims["b0"].id, dynamo_world.claims["c0"].id}


def test_pagination_round_trips_through_dynamodb(worlds: tuple[World, World]) -> None:
    everything = get("/articles", limit="100").json()["items"]
    assert len(everything) == 5
    for limit in (1, 2, 4):
        assert drain("/articles", limit) == everything
        assert drain("/articles", limit, outlet="wire-a") == [
            a for a in everything if a["outlet"] == "wire-a"
        ]
    contradictions = drain("/contradictions", 1)
    assert [c["reasons"] for c in contradictions] == [["quantity"], ["negation"]]


def test_unknown_ids_are_404_from_dynamodb(worlds: tuple[World, World]) -> None:
    for path in ("/articles/nope", "/articles/nope/claims", "/articles/nope/comparison", "/claims/nope~0001"):
        response = get(path)
        assert response.status == 404, path
        assert response.json()["error"] == "not_found"


FOREIGN = "the fake's cursor"


@pytest.mark.parametrize(
    ("path", "cursor"),
    [
        ("/articles", FOREIGN),
        ("/contradictions", FOREIGN),
        ("/articles", "bm9wZQ"),  # base64 of "nope"
        ("/contradictions", "bm9wZQ"),
        ("/articles", "eyJQSyI6IHsiUyI6ICJ4In19"),  # {"PK": {"S": "x"}}: not this index's key
        ("/contradictions", "eyJkYXkiOiAibm90LWEtZGF5In0"),  # {"day": "not-a-day"}
    ],
)
def test_cursors_dynamodb_did_not_issue_are_422(
    worlds: tuple[World, World], monkeypatch: pytest.MonkeyPatch, path: str, cursor: str
) -> None:
    if cursor == FOREIGN:
        cursor = through_memory(worlds[1], monkeypatch, path, limit="1").json()["next_cursor"]
        assert cursor  # a real cursor, but the fake's
    response = get(path, cursor=cursor)
    assert response.status == 422, response.body
    assert response.json()["details"][0]["location"] == "query.cursor"


def test_claim_ids_with_reserved_characters_reach_the_store(worlds: tuple[World, World]) -> None:
    claim = worlds[0].claims["b1"]
    response = get(path_of("claims", claim.id))
    assert response.status == 200
    assert response.json()["id"] == claim.id


def test_cursors_are_signed_with_the_templates_secret_so_every_instance_accepts_them(
    aws: Aws, worlds: tuple[World, World], monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimdiff.store import cursor  # noqa: PLC0415

    issued = get("/articles", limit="1").json()["next_cursor"]
    cursor.forget_key()  # another instance without the secret: its own random key
    assert get("/articles", limit="1", cursor=issued).status == 422

    monkeypatch.setenv(
        cursor.SIGNING_KEY_SOURCE, aws.functions["ApiFunction"].environment["CURSOR_KEY_SECRET_ARN"]
    )
    cursor.forget_key()
    issued = get("/articles", limit="1").json()["next_cursor"]
    cursor.forget_key()  # a new instance reads the same secret
    second = get("/articles", limit="1", cursor=issued)
    assert second.status == 200 and second.json()["items"]
    cursor.forget_key()
