"""Contradictions as schema.org ClaimReview JSON-LD (issue 10), through the API handler on the
in-memory store, checked against Google's fact-check markup rules (tests/unit/claimreview_rules.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from claimdiff.claimreview import review
from claimdiff.models import Article, Speaker

from tests.unit.api_events import API_ID, STAGE, World
from tests.unit.api_world import get
from tests.unit.claimreview_rules import problems

SITE = f"https://{API_ID}.execute-api.eu-west-1.amazonaws.com/{STAGE}"


def reviews(**query: str) -> dict[str, Any]:
    response = get("/contradictions", format="claimreview", **query)
    assert response.status == 200, response.body
    body: dict[str, Any] = response.json()
    return body


def test_every_contradiction_is_a_claimreview_that_follows_googles_rules(world: World) -> None:
    listed = get("/contradictions").json()["items"]
    items = reviews()["items"]
    # One review per contradiction, in the listing's order: of its claim, based on the other one.
    assert [(i["claimReviewed"], i["isBasedOn"]["text"]) for i in items] == [
        (r["claim"]["text"], r["other"]["text"]) for r in listed
    ]
    c = world.claims
    assert {i["claimReviewed"] for i in items} == {c["c0"].text, c["b0"].text}
    for item in items:
        assert problems(item) == []


def test_a_review_names_the_claim_its_outlet_the_other_report_and_the_reason(world: World) -> None:
    first = reviews()["items"][0]  # paper-c's "1.2 million" against wire-a's "1.8 million"
    c = world.claims
    assert first["url"] == f"{SITE}/claims/paper-c-1~0000"
    assert first["author"] == {"@type": "Organization", "name": "claimdiff"}
    claim = first["itemReviewed"]
    assert claim["author"] == {"@type": "Organization", "name": "paper-c"}
    # paper-c-1 was uploaded without a URL of its own: it appears at its page on this API.
    assert claim["appearance"] == [claim["firstAppearance"]]
    assert claim["firstAppearance"]["url"] == f"{SITE}/articles/paper-c-1"
    assert claim["firstAppearance"]["text"] == c["c0"].text
    assert first["isBasedOn"]["text"] == c["a1"].text
    assert first["isBasedOn"]["publisher"] == {"@type": "Organization", "name": "wire-a"}
    assert (
        first["reviewRating"]["alternateName"] == "Disputed by another outlet (wire-a: incompatible figures)"
    )
    assert first["reviewRating"]["ratingExplanation"]


def test_an_article_with_its_own_url_and_date_appears_there(world: World) -> None:
    article = world.store.get_article("paper-c-1")
    assert article is not None
    world.store.put_article(
        article.model_copy(
            update={"url": "https://paper-c.example/water", "published_at": dt.date(2024, 3, 1)}
        )
    )
    claim = reviews()["items"][0]["itemReviewed"]
    assert claim["firstAppearance"]["url"] == "https://paper-c.example/water"
    assert claim["datePublished"] == claim["firstAppearance"]["datePublished"] == "2024-03-01"


def test_the_reviews_page_like_the_contradictions(world: World) -> None:
    first = reviews(limit="1")
    rest = reviews(limit="1", cursor=first["next_cursor"])
    assert len(first["items"]) == len(rest["items"]) == 1
    assert rest["next_cursor"] is None
    assert [r["claimReviewed"] for r in first["items"] + rest["items"]] == [
        r["claimReviewed"] for r in reviews()["items"]
    ]


def test_an_unknown_format_is_a_422_naming_it(world: World) -> None:
    response = get("/contradictions", format="rss")
    assert response.status == 422
    assert {d["location"] for d in response.json()["details"]} == {"query.format"}


def test_a_quoted_person_is_the_claims_author(world: World) -> None:
    contradiction = world.store.list_relations(world.claims["a0"].id)[0]
    quoted = world.claims["a0"].model_copy(
        update={"speaker": Speaker(name="Lina Haddad", id="person:l-haddad", kind="person")}
    )
    found = review(contradiction, quoted, Article(id="wire-a-1", outlet="wire-a"), None, site=SITE)
    assert found.item_reviewed.author.model_dump(by_alias=True) == {"@type": "Person", "name": "Lina Haddad"}
    assert problems(found.model_dump(mode="json", by_alias=True)) == []
