"""Stories through the API handler, on the seeded world (tests/unit/api_events.seed_world).

The world: wire-a-1 and its follow-up wire-a-2 (one outlet), daily-b-1 and paper-c-1, linked by
stored relations: a0/b0 and a1/c0 contradict, a1/b1 agree, a0/w0 agree within wire-a, a0/c1 are
merely related; a2 and c1 have no other outlet's agreement or contradiction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from claimdiff import stories
from claimdiff.models import Article, ArticleStatus

from tests.unit.api_events import NOW, World, seed_claim, seed_relations
from tests.unit.api_world import get


def texts(claims: list[dict[str, Any]]) -> list[str]:
    return [c["text"] for c in claims]


@pytest.mark.parametrize("member", ["wire-a-1", "wire-a-2", "daily-b-1", "paper-c-1"])
def test_any_member_finds_the_story_whose_id_is_its_first_article(world: World, member: str) -> None:
    response = get(f"/stories/{member}")
    assert response.status == 200, response.body
    story = response.json()
    assert story["id"] == "wire-a-1"
    assert story["outlets"] == ["daily-b", "paper-c", "wire-a"]
    assert [a["id"] for a in story["articles"]] == ["wire-a-1", "wire-a-2", "daily-b-1", "paper-c-1"]


def test_a_story_groups_agreement_lists_contests_once_and_what_one_outlet_says(world: World) -> None:
    story = get("/stories/wire-a-1").json()
    c = world.claims
    # One agreed group: the plant's 1.8 million, in wire-a's and daily-b's words; two origins.
    (group,) = story["agreed"]
    assert texts(group["claims"]) == [c["a1"].text, c["b1"].text]
    assert group["outlets"] == ["daily-b", "wire-a"]
    assert group["origins"] == 2
    assert group["first"]["article_id"] == "wire-a-1"
    for claim in group["claims"]:
        assert {claim["start"], claim["end"]} == {
            c[_key(world, claim["id"])].start,
            c[_key(world, claim["id"])].end,
        }
    # Two contradictions, each once, the more confident first, with the reasons and both sides.
    assert [(x["reasons"], {x["a"]["id"], x["b"]["id"]}) for x in story["contested"]] == [
        (["negation"], {c["a0"].id, c["b0"].id}),
        (["quantity"], {c["a1"].id, c["c0"].id}),
    ]
    # Only one outlet says a2 and c1; w0 agrees with the contested a0 (same outlet): not unique.
    assert texts(story["unique"]) == [c["a2"].text, c["c1"].text]


def _key(world: World, claim_id: str) -> str:
    return next(key for key, claim in world.claims.items() if claim.id == claim_id)


def test_stories_are_listed_once_newest_first_with_their_counts(world: World) -> None:
    page = get("/stories").json()
    (story,) = page["items"]
    assert (story["id"], story["articles"], story["agreed"], story["contested"], story["unique"]) == (
        "wire-a-1",
        4,
        1,
        2,
        2,
    )
    assert page["next_cursor"] is None


def test_a_story_of_another_event_is_its_own_and_listed_first_when_newer(world: World) -> None:
    store = world.store
    later = NOW + dt.timedelta(hours=1)
    for article_id, outlet in (("daily-b-9", "daily-b"), ("paper-c-9", "paper-c")):
        store.put_article(
            Article(id=article_id, outlet=outlet, title="Storm", published_at=later, claim_count=1)
        )
    storm_b = seed_claim("daily-b-9", "daily-b", 0, "The storm closed the port on Friday.")
    storm_c = seed_claim("paper-c-9", "paper-c", 0, "The port was closed by the storm on Friday.")
    store.put_claims([storm_b, storm_c])
    store.put_relations(seed_relations(storm_b, storm_c, "equivalent", 0.9, ["paraphrase"], minutes_ago=1))

    assert [s["id"] for s in get("/stories").json()["items"]] == ["daily-b-9", "wire-a-1"]
    assert [s["id"] for s in get("/stories", outlet="wire-a").json()["items"]] == ["wire-a-1"]
    storm = get("/stories/paper-c-9").json()
    assert (storm["id"], storm["outlets"], storm["contested"], storm["unique"]) == (
        "daily-b-9",
        ["daily-b", "paper-c"],
        [],
        [],
    )


def test_stories_paginate_without_repeating_one(world: World) -> None:
    store = world.store
    for number in range(3):
        store.put_article(
            Article(
                id=f"solo-{number}",
                outlet="gazette",
                title=f"Solo {number}",
                published_at=NOW + dt.timedelta(hours=number + 1),
            )
        )
    seen: list[str] = []
    cursor: str | None = None
    for _ in range(10):
        page = get("/stories", limit="2", **({"cursor": cursor} if cursor else {})).json()
        assert len(page["items"]) <= 2
        seen += [s["id"] for s in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ["solo-2", "solo-1", "solo-0", "wire-a-1"]


def test_stories_filter_by_day(world: World) -> None:
    today = NOW.date().isoformat()
    assert [s["id"] for s in get("/stories", since=today, until=today).json()["items"]] == ["wire-a-1"]
    tomorrow = (NOW.date() + dt.timedelta(days=1)).isoformat()
    assert get("/stories", since=tomorrow).json()["items"] == []


@pytest.mark.parametrize(
    ("query", "field"),
    [({"since": "yesterday"}, "since"), ({"since": "2026-12-09", "until": "2026-12-01"}, "since")],
)
def test_a_bad_day_filter_is_a_422_naming_it(world: World, query: dict[str, str], field: str) -> None:
    response = get("/stories", **query)
    assert response.status == 422, response.body
    assert any(
        field in detail["location"] or field in detail["message"] for detail in response.json()["details"]
    )


@pytest.mark.parametrize("article_id", ["nope", "paper-c-2"])  # unknown, and a rejected upload
def test_no_story_holds_an_unknown_or_rejected_article(world: World, article_id: str) -> None:
    response = get(f"/stories/{article_id}")
    assert response.status == 404
    assert response.json()["error"] == "not_found"


def test_a_story_stops_growing_at_its_cap(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "MAX_STORY_ARTICLES", 2)
    story = get("/stories/wire-a-1").json()
    assert len(story["articles"]) == 2
    # Relations to articles left out are not the story's.
    ids = {a["id"] for a in story["articles"]}
    assert all({x["a"]["article_id"], x["b"]["article_id"]} <= ids for x in story["contested"])


def test_a_rejected_article_never_joins_a_story(world: World) -> None:
    rejected = world.store.get_article("paper-c-2")
    assert rejected is not None and rejected.status is ArticleStatus.REJECTED
    # A relation left over from before the rejection still points at it: the status keeps it out.
    leftover = seed_claim("paper-c-2", "paper-c", 0, "The plant supplies water for 1.8 million people.")
    world.store.put_claims([leftover])
    world.store.put_relations(
        seed_relations(world.claims["a1"], leftover, "equivalent", 0.9, ["paraphrase"], 1)
    )
    story = get("/stories/wire-a-1").json()
    assert "paper-c-2" not in {a["id"] for a in story["articles"]}
    assert leftover.id not in {c["id"] for g in story["agreed"] for c in g["claims"]}
