"""Independent origins: wire credits and near-copies make one origin of many outlets' articles."""

from __future__ import annotations

import pytest
from claimdiff import comparison
from claimdiff.models import Article
from claimdiff.origins import origins, wire_service
from claimdiff.report import relation_block
from claimdiff.text.sketch import sketch

from tests.unit.api_events import World, seed_world

_BODY = (
    "The council voted on Tuesday to close the old bridge for repairs that will take two years and cost "
    "the city about $40 million, according to the budget office. Drivers will use the ferry in the meantime."
)


@pytest.mark.parametrize(
    ("text", "wire"),
    [
        (f"Bridge to close\n\nLEEDS (AP) \u2014 {_BODY}", "ap"),
        (f"Bridge to close\n\nLEEDS, England (Reuters) - {_BODY}", "reuters"),
        (f"Bridge to close\n\nBy The Associated Press\n\n{_BODY}", "ap"),
        (f"Bridge to close\n\n{_BODY}\n\nThe Associated Press contributed to this report.", "ap"),
        (f"Bridge to close\n\n{_BODY}\n\nAgence France-Presse", "afp"),
        # Credited nowhere: the body quotes the wire, a picture is the wire's.
        (f"Bridge to close\n\n{_BODY} Reuters reported the vote first, citing two council members.", None),
        (f"Bridge to close\n\n{_BODY}\n\nAP Photo/Jane Doe", None),
        (f"Bridge to close\n\n{_BODY}", None),
    ],
)
def test_the_wire_an_article_credits_is_read_from_its_dateline_and_credit_lines(
    text: str, wire: str | None
) -> None:
    assert wire_service(text) == wire


def _article(article_id: str, outlet: str, text: str, wire: str | None = None) -> Article:
    return Article(id=article_id, outlet=outlet, sketch=list(sketch(text)), wire=wire)


def test_copies_of_one_wire_report_and_near_copies_are_one_origin_each() -> None:
    other_body = (
        "The mayor said on Friday that the city would hire forty new teachers before the school year."
    )
    found = origins(
        [
            _article("gazette-1", "gazette", _BODY, wire="ap"),
            _article("herald-1", "herald", "A different text altogether, but the same AP copy.", wire="ap"),
            _article("courier-1", "courier", _BODY + " Readers may write to the editor."),  # nearly a copy
            _article("post-1", "post", other_body),
        ]
    )
    assert found == {
        "gazette-1": "wire:ap",
        "herald-1": "wire:ap",
        "courier-1": "wire:ap",
        "post-1": "post-1",
    }


def test_a_claim_corroborated_only_by_copies_of_its_own_origin_is_not_agreed_independently(
    world: World,
) -> None:
    # a1 of wire-a-1 is corroborated by daily-b-1 alone; make both copies of one AP report.
    for article_id in ("wire-a-1", "daily-b-1"):
        article = world.store.get_article(article_id)
        assert article is not None
        world.store.put_article(article.model_copy(update={"wire": "ap"}))
    result = comparison.compare_article(world.store, "wire-a-1")
    a1 = result.claims[1]
    assert result.origin == "wire:ap"
    assert [link.origin for link in a1.corroborating] == ["wire:ap"]
    assert a1.origins == 1
    assert (result.summary.agreed, result.summary.agreed_independently) == (1, 0)


def test_outlets_that_report_on_their_own_are_independent_origins(world: World) -> None:
    a1 = comparison.compare_article(world.store, "wire-a-1").claims[1]
    assert [link.origin for link in a1.corroborating] == ["daily-b-1"]
    assert a1.origins == 2


@pytest.fixture
def world() -> World:
    return seed_world()


def test_the_report_says_when_an_agreement_is_one_origin() -> None:
    claim = {"outlet": "gazette", "text": "The bridge will close for two years."}
    other = {"outlet": "herald", "text": "The bridge will close for two years of repairs."}
    copied = relation_block({"claim": claim, "other": other, "origin": "wire:ap", "same_origin": True})
    independent = relation_block({"claim": claim, "other": other, "origin": "herald-1", "same_origin": False})
    assert copied.endswith("(one origin: wire:ap)")
    assert "one origin" not in independent
