"""The single-table layout (store/items.py): packed claim and relation items, the month-bucketed index."""

from __future__ import annotations

import base64
import datetime as dt

from claimdiff.models import Claim, ClaimRef, Relation
from claimdiff.store import items

from scripts.bench_cost import item_size, write_units

TEXT = "The United States has not separated the rebel groups it backs from al-Nusra, officials said."


def a_claim(day: dt.date = dt.date(2026, 6, 30)) -> Claim:
    return Claim(
        id="wire-a-1~0001",
        article_id="wire-a-1",
        outlet="wire-a",
        index=0,
        text=TEXT,
        start=0,
        end=len(TEXT),
        published_on=day,
        blocking_keys=["e-place-us", "nusra", "separated"],
    )


def test_a_claim_item_is_packed_and_reads_back_from_the_table_and_from_a_stream_image() -> None:
    claim = a_claim()
    item = items.claim_to_item(claim)
    assert "B" in item["data"]
    assert items.claim_from_item(item) == claim
    # Lambda's stream events carry binary values as base64 text.
    image = {**item, "data": {"B": base64.b64encode(item["data"]["B"]).decode()}}
    assert items.claim_from_item(image) == claim
    # Items written before packing keep reading.
    assert items.claim_from_item({"data": {"S": claim.model_dump_json()}}) == claim


def test_a_relation_item_is_packed_under_a_kilobyte() -> None:
    ref = ClaimRef(id="a~1", article_id="a", outlet="wire-a", text=TEXT)
    other = ClaimRef(id="b~1", article_id="b", outlet="daily-b", text=TEXT.replace("not ", ""))
    relation = Relation(claim=ref, other=other, relation="equivalent", confidence=0.9, explanation=TEXT * 2)
    item = items.relation_to_item(relation)
    assert items.relation_from_item(item) == relation
    assert item_size(item) < 1024 and write_units(item) == 1


def test_index_entries_are_filed_in_the_next_month_too_within_the_window_of_its_edge() -> None:
    late_june, mid_june = a_claim(dt.date(2026, 6, 30)), a_claim(dt.date(2026, 6, 15))
    assert {e["PK"]["S"] for e in items.index_items(late_june, 2)} == {
        f"KEY#{key}#{month}" for key in late_june.blocking_keys for month in ("2026-06", "2026-07")
    }
    assert len(items.index_items(mid_june, 2)) == len(mid_june.blocking_keys)
    entry = items.index_entry_from_item(items.index_items(late_june, 2)[0])
    assert (entry.claim_id, entry.outlet, entry.day) == (late_june.id, "wire-a", late_june.published_on)
    assert [k["PK"] for k in items.index_keys(late_june, 2)] == [
        e["PK"] for e in items.index_items(late_june, 2)
    ]
    low, high = items.index_range(dt.date(2026, 7, 1), 2)
    assert low <= items.index_sk(late_june.published_on or dt.date.min, late_june.id) <= high
