"""The in-memory ClaimStore keeps the port's contract and the DynamoDB adapter's observable behaviour."""

from __future__ import annotations

import datetime as dt
import inspect

import pytest
from claimdiff.errors import InvalidRequestError
from claimdiff.models import (
    Article,
    ArticleStatus,
    ArticleVersion,
    Claim,
    ClaimRef,
    ClaimSnapshot,
    Evidence,
    Relation,
)
from claimdiff.store.items import MARKED_ARTICLES
from claimdiff.store.memory import InMemoryStore
from claimdiff.store.ports import ClaimStore, IndexEntry
from claimdiff.text.sketch import MARKS

from tests.fakes import reversed_relation

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


@pytest.fixture
def store() -> ClaimStore:
    """The store under test; tests/integration/test_store_contract.py runs the same tests on DynamoDB."""
    return InMemoryStore()


TODAY = NOW.date()


def article(article_id: str, outlet: str = "wire-a", *, published: dt.datetime | None = None) -> Article:
    return Article(id=article_id, outlet=outlet, title=f"title of {article_id}", published_at=published)


def claim(
    article_id: str,
    index: int,
    *,
    outlet: str = "wire-a",
    keys: tuple[str, ...] = (),
    day: dt.date | None = TODAY,
) -> Claim:
    text = f"claim number {index} of {article_id}"
    return Claim(
        id=f"{article_id}~{index:04d}",
        article_id=article_id,
        outlet=outlet,
        index=index,
        text=text,
        start=0,
        end=len(text),
        blocking_keys=list(keys),
        published_on=day,
    )


def ref(c: Claim) -> ClaimRef:
    return ClaimRef(id=c.id, article_id=c.article_id, outlet=c.outlet, text=c.text)


def both_ways(
    a: Claim, b: Claim, kind: str = "contradiction", *, at: dt.datetime | None = NOW
) -> list[Relation]:
    relation = Relation.model_validate(
        {
            "claim": ref(a),
            "other": ref(b),
            "relation": kind,
            "confidence": 0.9,
            "reasons": ["negation"] if kind == "contradiction" else ["paraphrase"],
            "evidence": [Evidence(side="a", text="not", start=0, end=3, reason="negation")],
            "detected_at": at,
        }
    )
    return [relation, reversed_relation(relation)]


def drain_articles(store: InMemoryStore, *, outlet: str | None, limit: int) -> list[str]:
    ids: list[str] = []
    cursor: str | None = None
    for _ in range(100):
        page = store.list_articles(outlet=outlet, limit=limit, cursor=cursor)
        assert len(page.items) <= limit
        ids += [a.id for a in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return ids
    raise AssertionError("pagination did not end")


def test_implements_every_method_of_the_port_with_the_same_signature() -> None:
    port_methods = {
        name
        for name, member in inspect.getmembers(ClaimStore, inspect.isfunction)
        if not name.startswith("_")
    }
    assert port_methods  # the port is not empty
    for name in port_methods:
        expected = inspect.signature(getattr(ClaimStore, name))
        actual = inspect.signature(getattr(InMemoryStore, name))
        assert list(actual.parameters) == list(expected.parameters), name
        for parameter in expected.parameters.values():
            assert actual.parameters[parameter.name].kind == parameter.kind, (name, parameter.name)
    store: ClaimStore = InMemoryStore()  # and mypy checks the structural match
    assert store.get_article("missing") is None


def test_article_round_trip_drops_the_body_and_is_isolated_from_the_caller(store: ClaimStore) -> None:
    original = article("a1").model_copy(update={"text": "the whole body", "claim_count": 3})
    store.put_article(original)
    original.title = "changed after put"

    stored = store.get_article("a1")
    assert stored is not None
    assert stored.text == ""
    assert stored.title == "title of a1"
    assert stored.claim_count == 3
    stored.title = "changed after get"
    assert store.get_article("a1").title == "title of a1"  # type: ignore[union-attr]


def test_put_article_replaces_and_delete_removes(store: ClaimStore) -> None:
    store.put_article(article("a1"))
    store.put_article(article("a1").model_copy(update={"status": ArticleStatus.REJECTED, "reason": "empty"}))
    stored = store.get_article("a1")
    assert stored is not None and stored.status is ArticleStatus.REJECTED and stored.reason == "empty"
    assert [a.id for a in store.list_articles(outlet=None, limit=10, cursor=None).items] == ["a1"]

    store.delete_article("a1", sequencer=None)
    store.delete_article("a1", sequencer=None)  # deleting twice is fine
    assert store.get_article("a1") is None


def test_articles_are_listed_newest_first_and_filtered_by_outlet(store: ClaimStore) -> None:
    base = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
    for n in range(5):
        outlet = "wire-a" if n % 2 == 0 else "daily-b"
        store.put_article(article(f"a{n}", outlet, published=base + dt.timedelta(hours=n)))

    assert [a.id for a in store.list_articles(outlet=None, limit=10, cursor=None).items] == [
        "a4",
        "a3",
        "a2",
        "a1",
        "a0",
    ]
    assert [a.id for a in store.list_articles(outlet="daily-b", limit=10, cursor=None).items] == ["a3", "a1"]
    assert store.list_articles(outlet="nobody", limit=10, cursor=None).items == []


@pytest.mark.parametrize("limit", [1, 2, 3, 7])
def test_article_pagination_visits_every_article_once_in_order(store: ClaimStore, limit: int) -> None:
    base = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
    for n in range(7):
        # Two articles share each timestamp: the id breaks the tie, so no page boundary loses one.
        store.put_article(article(f"a{n}", published=base + dt.timedelta(hours=n // 2)))

    everything = [a.id for a in store.list_articles(outlet=None, limit=100, cursor=None).items]
    assert drain_articles(store, outlet=None, limit=limit) == everything
    assert sorted(everything) == [f"a{n}" for n in range(7)]


def test_next_cursor_is_none_on_the_last_page(store: ClaimStore) -> None:
    for n in range(3):
        store.put_article(article(f"a{n}"))
    first = store.list_articles(outlet=None, limit=2, cursor=None)
    assert first.next_cursor is not None
    last = store.list_articles(outlet=None, limit=2, cursor=first.next_cursor)
    assert len(last.items) == 1
    assert last.next_cursor is None


@pytest.mark.parametrize("cursor", ["not base64!", "bm90IGpzb24", "WzFd", "eyJhZnRlciI6IDF9", "x" * 5000])
def test_a_cursor_the_store_did_not_issue_is_an_invalid_request(store: ClaimStore, cursor: str) -> None:
    # "bm90IGpzb24" is base64 of "not json"; "WzFd" of [1]; the next one of {"after": 1}.
    store.put_article(article("a1"))
    with pytest.raises(InvalidRequestError, match="cursor"):
        store.list_articles(outlet=None, limit=5, cursor=cursor)
    with pytest.raises(InvalidRequestError, match="cursor"):
        store.list_contradictions(outlet=None, limit=5, cursor=cursor)


def test_a_limit_below_one_is_an_invalid_request(store: ClaimStore) -> None:
    with pytest.raises(InvalidRequestError, match="limit"):
        store.list_articles(outlet=None, limit=0, cursor=None)
    with pytest.raises(InvalidRequestError, match="limit"):
        store.list_contradictions(outlet=None, limit=0, cursor=None)


def test_a_cursor_of_another_outlets_listing_is_refused(store: ClaimStore) -> None:
    for n, outlet in enumerate(("wire-a", "wire-a", "daily-b")):
        store.put_article(article(f"a{n}", outlet, published=NOW - dt.timedelta(hours=n)))
    page = store.list_articles(outlet="wire-a", limit=1, cursor=None)
    assert page.next_cursor is not None
    with pytest.raises(InvalidRequestError, match="cursor"):
        store.list_articles(outlet="daily-b", limit=1, cursor=page.next_cursor)


def _edited(cursor: str) -> str:
    """The cursor with one character of its signed body changed (still valid base64)."""
    body, tag = cursor.split(".")
    middle = len(body) // 2
    return f"{body[:middle]}{'A' if body[middle] != 'A' else 'B'}{body[middle + 1 :]}.{tag}"


def test_cursors_are_tamper_evident_and_valid_only_for_their_listing(store: ClaimStore) -> None:
    a, b = claim("a1", 0, outlet="wire-a"), claim("b1", 0, outlet="daily-b")
    store.put_claims([a, b])
    relations = [r for n in range(3) for r in both_ways(a, b, at=NOW - dt.timedelta(days=n))][:2]
    store.put_relations(relations)
    for n in range(3):
        store.put_article(article(f"x{n}", "wire-a", published=NOW - dt.timedelta(hours=n)))
    articles_cursor = store.list_articles(outlet=None, limit=1, cursor=None).next_cursor
    outlet_cursor = store.list_articles(outlet="wire-a", limit=1, cursor=None).next_cursor
    assert articles_cursor and outlet_cursor

    for forged in (_edited(articles_cursor), articles_cursor.split(".")[0], f"{articles_cursor}x"):
        with pytest.raises(InvalidRequestError, match="cursor"):
            store.list_articles(outlet=None, limit=1, cursor=forged)
    with pytest.raises(InvalidRequestError, match="cursor"):
        store.list_articles(outlet=None, limit=1, cursor=outlet_cursor)
    with pytest.raises(InvalidRequestError, match="cursor"):
        store.list_contradictions(outlet=None, limit=1, cursor=articles_cursor)
    # The untouched cursor still works where it was issued.
    assert store.list_articles(outlet=None, limit=1, cursor=articles_cursor).items


def test_candidates_leave_out_the_asking_outlet_and_carry_the_matching_key(store: ClaimStore) -> None:
    a1, b1 = (
        claim("a1", 0, outlet="wire-a", keys=("nusra",)),
        claim("b1", 0, outlet="daily-b", keys=("nusra",)),
    )
    store.put_claims([a1, b1])
    found = store.candidates("nusra", TODAY, window_days=2, limit=10, exclude_outlet="wire-a")
    assert found == [IndexEntry(b1.id, "daily-b", TODAY, "claim number 0 of b1")]


def test_a_candidate_read_is_one_page_the_asking_outlets_entries_included(store: ClaimStore) -> None:
    # DynamoDB applies Limit before the filter: the read stays one request, whatever the partition.
    store.put_claims([claim("a1", n, outlet="wire-a", keys=("nusra",)) for n in range(3)])
    store.put_claims([claim("b1", 0, outlet="daily-b", keys=("nusra",))])
    assert len(store.candidates("nusra", TODAY, window_days=0, limit=4, exclude_outlet="wire-a")) == 1
    assert len(store.candidates("nusra", TODAY, window_days=0, limit=2)) == 2


def test_claims_come_back_in_reading_order_and_by_id(store: ClaimStore) -> None:
    claims = [claim("a1", n) for n in (2, 0, 1)]
    store.put_claims(claims)
    store.put_claims(claims[:1])  # idempotent: the same claim twice is one claim
    store.put_claims([claim("a2", 0)])

    assert [c.index for c in store.list_claims("a1")] == [0, 1, 2]
    assert store.list_claims("unknown") == []
    assert store.get_claim("a1~0001") == claim("a1", 1)
    assert store.get_claim("a1~0009") is None


def test_candidates_are_found_by_key_within_the_window_newest_day_first(store: ClaimStore) -> None:
    days = [TODAY - dt.timedelta(days=n) for n in range(4)]
    for n, day in enumerate(days):
        store.put_claims([claim(f"a{n}", 0, outlet=f"paper-{n}", keys=("nusra",), day=day)])

    def found(day: dt.date, window: int, limit: int = 10) -> list[dt.date]:
        return [e.day for e in store.candidates("nusra", day, window_days=window, limit=limit)]

    assert found(TODAY, 2) == days[:3]
    assert found(days[1], 1) == days[:3]
    assert found(TODAY, 0) == [TODAY]
    assert found(TODAY, 3, limit=2) == days[:2]
    assert store.candidates("kerry", TODAY, window_days=2, limit=10) == []


def test_one_read_finds_the_window_across_a_month_edge(store: ClaimStore) -> None:
    last_of_june, first_of_july = dt.date(2026, 6, 30), dt.date(2026, 7, 1)
    store.put_claims([claim("a1", 0, outlet="wire-a", keys=("nusra",), day=last_of_june)])
    store.put_claims([claim("b1", 0, outlet="daily-b", keys=("nusra",), day=first_of_july)])
    assert [e.day for e in store.candidates("nusra", first_of_july, window_days=2, limit=10)] == [
        first_of_july,
        last_of_june,
    ]
    assert [e.day for e in store.candidates("nusra", last_of_june, window_days=2, limit=10)] == [
        first_of_july,
        last_of_june,
    ]


def test_within_a_day_candidates_come_in_an_order_that_favours_no_outlet(store: ClaimStore) -> None:
    # Claim ids begin with the outlet's name: an id order would always serve the same outlets first.
    outlets = [f"outlet-{letter}" for letter in "abcdefghijklmnop"]
    store.put_claims([claim(f"{o}-1", 0, outlet=o, keys=("nusra",)) for o in outlets])
    served = [e.outlet for e in store.candidates("nusra", TODAY, window_days=0, limit=16)]
    assert sorted(served) == outlets
    assert served != outlets and served != outlets[::-1]


def test_get_claims_reads_the_existing_ones_in_order(store: ClaimStore) -> None:
    claims = [claim("a1", n) for n in range(3)]
    store.put_claims(claims)
    ids = [claims[2].id, "a1~0009", claims[0].id, claims[2].id]
    assert store.get_claims(ids) == [claims[2], claims[0]]
    assert store.get_claims([]) == []


def test_a_claim_without_a_date_is_indexed_under_today(store: ClaimStore) -> None:
    store.put_claims([claim("a1", 0, keys=("nusra",), day=None)])
    assert [e.claim_id for e in store.candidates("nusra", TODAY, window_days=0, limit=5)] == ["a1~0000"]


def test_delete_claims_removes_claims_index_entries_and_relations_both_ways(store: ClaimStore) -> None:
    a0, a1 = claim("a1", 0, keys=("nusra",)), claim("a1", 1, keys=("kerry",))
    b0 = claim("b1", 0, outlet="daily-b", keys=("nusra",))
    c0 = claim("c1", 0, outlet="paper-c", keys=("kerry",))
    store.put_claims([a0, a1, b0, c0])
    store.put_relations(both_ways(a0, b0) + both_ways(a1, c0, "equivalent") + both_ways(b0, c0, "related"))

    store.delete_claims([a0, a1])

    assert store.list_claims("a1") == []
    assert store.get_claim(a0.id) is None
    assert [e.claim_id for e in store.candidates("nusra", TODAY, window_days=2, limit=5)] == [b0.id]
    assert [e.claim_id for e in store.candidates("kerry", TODAY, window_days=2, limit=5)] == [c0.id]
    assert store.list_relations(a0.id) == []
    assert [r.other.id for r in store.list_relations(b0.id)] == [c0.id]  # the b0-c0 relation stays
    assert [r.other.id for r in store.list_relations(c0.id)] == [b0.id]
    assert store.list_contradictions(outlet=None, limit=10, cursor=None).items == []
    store.delete_claims([a0])  # deleting again is fine


def test_relations_are_stored_as_given_and_listed_from_the_claim(store: ClaimStore) -> None:
    a0, b0, c0 = claim("a1", 0), claim("b1", 0, outlet="daily-b"), claim("c1", 0, outlet="paper-c")
    store.put_claims([a0, b0, c0])
    store.put_relations(both_ways(a0, c0, "equivalent") + both_ways(a0, b0))
    store.put_relations(both_ways(a0, b0))  # idempotent

    from_a = store.list_relations(a0.id)
    assert [(r.claim.id, r.other.id, r.relation) for r in from_a] == [
        (a0.id, b0.id, "contradiction"),
        (a0.id, c0.id, "equivalent"),
    ]
    from_b = store.list_relations(b0.id)
    assert [(r.claim.id, r.other.id) for r in from_b] == [(b0.id, a0.id)]
    assert from_b[0].evidence[0].side == "b"  # seen from b, a's evidence is the other side


def test_each_contradiction_is_listed_once_newest_first(store: ClaimStore) -> None:
    a = [claim("a1", n) for n in range(3)]
    b = [claim("b1", n, outlet="daily-b") for n in range(3)]
    store.put_claims(a + b)
    for n in range(3):
        store.put_relations(both_ways(a[n], b[n], at=NOW - dt.timedelta(hours=n)))
    store.put_relations(both_ways(a[0], b[1], "equivalent"))

    listed = store.list_contradictions(outlet=None, limit=10, cursor=None)
    assert [(r.claim.id, r.other.id) for r in listed.items] == [(a[n].id, b[n].id) for n in range(3)]
    assert all(r.claim.id < r.other.id for r in listed.items)
    assert listed.next_cursor is None


def test_contradictions_paginate_filter_by_either_outlet_and_reach_back_through_all_history(
    store: ClaimStore,
) -> None:
    a, b, c = claim("a1", 0), claim("b1", 0, outlet="daily-b"), claim("c1", 0, outlet="paper-c")
    old = claim("d1", 0, outlet="old-d")
    store.put_claims([a, b, c, old])
    store.put_relations(both_ways(a, b, at=NOW - dt.timedelta(minutes=1)))
    store.put_relations(both_ways(b, c, at=NOW - dt.timedelta(days=1)))
    store.put_relations(both_ways(a, c, at=NOW - dt.timedelta(days=2)))
    # Four months old: past any window a request walks at once; the listing still reaches it.
    store.put_relations(both_ways(a, old, at=NOW - dt.timedelta(days=120)))

    pairs: list[tuple[str, str]] = []
    cursor: str | None = None
    while True:
        page = store.list_contradictions(outlet=None, limit=1, cursor=cursor)
        pairs += [(r.claim.id, r.other.id) for r in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert pairs == [(a.id, b.id), (b.id, c.id), (a.id, c.id), (a.id, old.id)]

    for outlet, expected in {
        "daily-b": [(a.id, b.id), (b.id, c.id)],
        "paper-c": [(b.id, c.id), (a.id, c.id)],
    }.items():
        page = store.list_contradictions(outlet=outlet, limit=2, cursor=None)
        assert [(r.claim.id, r.other.id) for r in page.items] == expected
    # A cursor is valid only for the filter that issued it.
    cursor = store.list_contradictions(outlet="daily-b", limit=1, cursor=None).next_cursor
    assert cursor is not None
    with pytest.raises(InvalidRequestError):
        store.list_contradictions(outlet="paper-c", limit=1, cursor=cursor)


def test_a_pair_rejudged_as_not_contradicting_leaves_the_listing(store: ClaimStore) -> None:
    a, b = claim("a1", 0), claim("b1", 0, outlet="daily-b")
    store.put_claims([a, b])
    store.put_relations(both_ways(a, b))
    store.put_relations(both_ways(a, b, "related"))
    assert store.list_contradictions(outlet=None, limit=10, cursor=None).items == []
    assert [r.relation for r in store.list_relations(a.id)] == ["related"]


def test_relations_are_stored_only_while_both_claims_exist(store: ClaimStore) -> None:
    a, b, c = claim("a1", 0), claim("b1", 0, outlet="daily-b"), claim("c1", 0, outlet="paper-c")
    store.put_claims([a, b])
    # c was never stored (or was deleted since it was read): its pair is skipped, a-b is written.
    assert store.put_relations(both_ways(a, b) + both_ways(a, c, "equivalent")) == 2
    assert [r.other.id for r in store.list_relations(a.id)] == [b.id]
    assert store.list_relations(c.id) == []
    store.delete_claims([b])
    assert store.put_relations(both_ways(a, b)) == 0
    assert store.list_relations(a.id) == [] and store.list_relations(b.id) == []


def test_articles_of_an_outlet_are_counted_by_day_up_to_a_limit(store: ClaimStore) -> None:
    for n in range(4):
        store.put_article(Article(id=f"x{n}", outlet="flood-x", published_at=dt.date(2016, 8, 26)))
    store.put_article(
        Article(id="y0", outlet="flood-x", published_at=dt.datetime(2016, 8, 27, 1, tzinfo=dt.UTC))
    )
    store.put_article(Article(id="z0", outlet="wire-a", published_at=dt.date(2016, 8, 26)))
    assert store.count_outlet_articles("flood-x", dt.date(2016, 8, 26), limit=10) == 4
    assert store.count_outlet_articles("flood-x", dt.date(2016, 8, 26), limit=3) == 3
    assert store.count_outlet_articles("flood-x", dt.date(2016, 8, 27), limit=10) == 1
    assert store.count_outlet_articles("nobody", dt.date(2016, 8, 26), limit=10) == 0


def test_processed_articles_are_found_by_their_sketch_marks_as_stored_now(store: ClaimStore) -> None:
    original = article("wire-a-1").model_copy(update={"sketch": [f"{n:02d}" for n in range(1, MARKS + 2)]})
    copy = article("wire-a-2").model_copy(
        update={"sketch": ["01", "02", "03", "04"], "duplicate_of": "wire-a-1"}
    )
    rejected = article("wire-a-3").model_copy(update={"sketch": ["02"], "status": ArticleStatus.REJECTED})
    elsewhere = article("wire-b-1", outlet="wire-b").model_copy(update={"sketch": ["01"]})
    for stored in (original, copy, rejected, elsewhere):
        store.put_article(stored)

    # Filed under its MARKS smallest hashes only; near-copies and rejections are not filed at all.
    assert [a.id for a in store.marked_articles("wire-a", ["02", "99"])] == ["wire-a-1"]
    assert store.marked_articles("wire-a", [f"{MARKS + 1:02d}"]) == []
    assert store.marked_articles("wire-a", []) == []
    assert store.marked_articles("wire-a", ["01"])[0] == original
    assert [a.id for a in store.marked_articles("wire-b", ["01", "02"])] == ["wire-b-1"]

    # Every article filed under a mark is found, those under the most marks first (order-free filing).
    sharing = article("wire-a-4").model_copy(update={"sketch": ["02", "98", "99"]})
    store.put_article(sharing)
    assert [a.id for a in store.marked_articles("wire-a", ["02"])] == ["wire-a-1", "wire-a-4"]
    assert [a.id for a in store.marked_articles("wire-a", ["02", "98", "99"])] == ["wire-a-1", "wire-a-4"]
    crowd = [
        article(f"wire-a-x{n}").model_copy(update={"sketch": ["02"]}) for n in range(MARKED_ARTICLES + 3)
    ]
    for other in crowd:
        store.put_article(other)
    assert "wire-a-4" in {a.id for a in store.marked_articles("wire-a", ["02", "98", "99"])}
    assert len(store.marked_articles("wire-a", ["02", "98", "99"])) <= MARKED_ARTICLES

    # A mark outlives its article's change (the caller compares sketches) but not its deletion.
    changed = original.model_copy(update={"sketch": ["07"], "sequencer": "2"})
    store.put_article(changed)
    assert store.marked_articles("wire-a", ["01"]) == [changed]
    store.delete_article("wire-a-1", sequencer="3")
    assert store.marked_articles("wire-a", ["01", "07"]) == []


def _version(order: str, *texts: str) -> ArticleVersion:
    return ArticleVersion(
        article_id="wire-a-1",
        order=order,
        ingested_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        content_hash=f"hash-{order}",
        claims=[
            ClaimSnapshot(id=f"wire-a-1~{n:04d}", text=t, start=0, end=len(t)) for n, t in enumerate(texts)
        ],
    )


def test_versions_are_kept_oldest_first_apart_from_the_claims(store: ClaimStore) -> None:
    store.put_article(article("wire-a-1"))
    store.put_claims([claim("wire-a-1", 0)])
    later, earlier = _version("0002", "Rain fell.", "Talks resumed."), _version("0001", "Rain fell.")
    store.put_version(later)
    store.put_version(earlier)
    store.put_version(later)  # the same version again replaces it
    assert store.list_versions("wire-a-1") == [earlier, later]
    assert [c.id for c in store.list_claims("wire-a-1")] == ["wire-a-1~0000"], "versions are not claims"
    assert store.list_versions("wire-a-2") == []
    store.delete_versions("wire-a-1")
    assert store.list_versions("wire-a-1") == []
