"""The ClaimStore contract suite of the in-memory fake, run against the DynamoDB adapter on moto.

The fake is only worth its name if both stores pass the same tests: every test of
tests/unit/test_memory_store.py that takes the ``store`` fixture runs here with the real adapter.
"""

from __future__ import annotations

import datetime as dt

import boto3
import pytest
from claimdiff.store import items
from claimdiff.store.cursor import encode_cursor
from claimdiff.store.dynamodb import DynamoClaimStore
from claimdiff.store.ports import ClaimStore

from tests.integration.conftest import Aws
from tests.unit import test_memory_store as contract

# Collected here too, with this module's ``store`` fixture: the contract tests, not the fake's own.
globals().update(
    {
        name: test
        for name, test in vars(contract).items()
        if name.startswith("test_") and "store" in test.__code__.co_varnames[: test.__code__.co_argcount]
    }
)


@pytest.fixture
def store(aws: Aws) -> ClaimStore:
    return DynamoClaimStore(aws.table)


def test_a_filtered_listing_reads_in_pages_not_item_by_item(aws: Aws) -> None:
    """Two of 150 contradictions involve the outlet: finding them takes a couple of Queries, not 150."""
    store = DynamoClaimStore(aws.table)
    relations = []
    for n in range(150):
        outlet = "rare" if n in (10, 140) else "common"
        a, b = contract.claim(f"a{n:03d}", 0, outlet=outlet), contract.claim(f"b{n:03d}", 0, outlet="other")
        store.put_claims([a, b])
        relations += contract.both_ways(a, b)
    assert store.put_relations(relations) == 300
    calls: list[int] = []
    store._client.meta.events.register("before-call.dynamodb.Query", lambda **kwargs: calls.append(1))
    page = store.list_contradictions(outlet="rare", limit=2, cursor=None)
    assert len(page.items) == 2
    assert len(calls) <= 3, f"{len(calls)} Queries"


def test_index_entries_are_written_before_their_claims(aws: Aws) -> None:
    store = DynamoClaimStore(aws.table)
    written: list[str] = []

    def record(params: dict, **_: object) -> None:
        for request in params["RequestItems"][aws.table]:
            written.append(request["PutRequest"]["Item"]["SK"]["S"])

    store._client.meta.events.register("before-parameter-build.dynamodb.BatchWriteItem", record)
    store.put_claims([contract.claim("a1", n, keys=("k1", "k2")) for n in range(20)])
    claim_positions = [i for i, sk in enumerate(written) if sk.startswith("CLAIM#")]
    index_positions = [i for i, sk in enumerate(written) if not sk.startswith("CLAIM#")]
    assert len(claim_positions) == 20 and len(index_positions) == 40
    assert max(index_positions) < min(claim_positions), "a claim is visible only once it can be found"


def test_a_relation_write_racing_a_claim_delete_leaves_no_orphan(aws: Aws) -> None:
    """The claim goes between the match's read and its write: the read-back after the write finds it gone
    and takes the pair away again."""
    store = DynamoClaimStore(aws.table)
    a, b = contract.claim("a1", 0), contract.claim("b1", 0, outlet="daily-b")
    store.put_claims([a, b])
    store.delete_claims([b])
    assert store.put_relations(contract.both_ways(a, b)) == 0
    remaining = boto3.client("dynamodb").scan(TableName=aws.table)["Items"]
    assert not [item for item in remaining if item["PK"]["S"].startswith("CLAIM#")], "no relation item"


def test_a_claim_deleted_between_the_relation_write_and_its_check_leaves_no_orphan(aws: Aws) -> None:
    store = DynamoClaimStore(aws.table)
    a, b = contract.claim("a1", 0), contract.claim("b1", 0, outlet="daily-b")
    store.put_claims([a, b])
    deleter = DynamoClaimStore(aws.table)  # another Lambda's ingest, overwriting b's article
    fired: list[bool] = []

    def delete_b_once(**_: object) -> None:
        if not fired:
            fired.append(True)
            deleter.delete_claims([b])

    store._client.meta.events.register("after-call.dynamodb.BatchWriteItem", delete_b_once)
    assert store.put_relations(contract.both_ways(a, b)) == 0
    assert fired
    remaining = boto3.client("dynamodb").scan(TableName=aws.table)["Items"]
    assert not [item for item in remaining if item["PK"]["S"].startswith("CLAIM#")], "no relation item"


def test_a_forged_far_future_cursor_costs_a_bounded_number_of_queries(aws: Aws) -> None:
    store = DynamoClaimStore(aws.table)
    a, b = contract.claim("a1", 0), contract.claim("b1", 0, outlet="daily-b")
    store.put_claims([a, b])
    store.put_relations(contract.both_ways(a, b, at=contract.NOW - dt.timedelta(days=400)))
    calls: list[int] = []
    store._client.meta.events.register("before-call.dynamodb.Query", lambda **kwargs: calls.append(1))
    # Signed here with the API's key: as if the signing could be got round, the day alone is harmless.
    forged = encode_cursor({"day": "9999-12-31"}, scope="contradictions:")
    page = store.list_contradictions(outlet=None, limit=5, cursor=forged)
    assert len(calls) <= items.CONTRADICTION_DAYS_PER_REQUEST
    assert page.items == [] and page.next_cursor is not None, "it walks on from where it stopped"

    # Paging on reaches the contradiction of 400 days ago: no hidden window, a bounded cost per request.
    found, cursor, requests = [], page.next_cursor, 1
    while cursor is not None and not found:
        page = store.list_contradictions(outlet=None, limit=5, cursor=cursor)
        found, cursor, requests = page.items, page.next_cursor, requests + 1
    assert [r.claim.id for r in found] == [a.id]
    assert requests <= 400 // items.CONTRADICTION_DAYS_PER_REQUEST + 2
