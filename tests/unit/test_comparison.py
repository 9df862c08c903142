"""The API's read-side use cases, on the in-memory store."""

from __future__ import annotations

import pytest
from claimdiff import comparison
from claimdiff.api_models import MAX_LINKS_PER_KIND
from claimdiff.comparison import compare_article, get_claim
from claimdiff.errors import InvalidRequestError, NotFoundError
from claimdiff.models import ArticleStatus, CheckEvidence, Claim, Comparison, Evidence, Verdict

from tests.fakes import reversed_relation
from tests.unit.api_events import WIRE_A_SUMMARY, World, seed_world


@pytest.fixture
def world() -> World:
    return seed_world()


def test_comparison_sorts_other_outlets_claims_into_corroborating_contradicting_related(world: World) -> None:
    result = comparison.compare_article(world.store, "wire-a-1")
    c = world.claims

    assert result.article.id == "wire-a-1"
    assert [entry.claim.id for entry in result.claims] == [c["a0"].id, c["a1"].id, c["a2"].id]
    a0, a1, a2 = result.claims

    # wire-a's own follow-up says the same as a0: agreeing with oneself is no corroboration.
    assert a0.corroborating == []
    assert [link.other.id for link in a0.contradicting] == [c["b0"].id]
    assert a0.contradicting[0].reasons == ["negation"]
    assert a0.contradicting[0].explanation == "wire-a and daily-b: contradiction"
    assert a0.contradicting[0].evidence[0].side == "a"
    assert [link.other.id for link in a0.related] == [c["c1"].id]

    assert [link.other.id for link in a1.corroborating] == [c["b1"].id]
    assert [(link.other.outlet, link.reasons) for link in a1.contradicting] == [("paper-c", ["quantity"])]
    assert a2.corroborating == a2.contradicting == a2.related == []


def test_unique_claims_are_those_no_other_outlet_corroborates_or_contradicts(world: World) -> None:
    result = comparison.compare_article(world.store, "wire-a-1")
    assert [claim.id for claim in result.unique] == [world.claims["a2"].id]
    assert result.summary.model_dump() == WIRE_A_SUMMARY


def test_a_claim_with_only_related_claims_is_unique(world: World) -> None:
    result = comparison.compare_article(world.store, "paper-c-1")
    c0, c1 = result.claims
    assert [link.other.id for link in c0.contradicting] == [world.claims["a1"].id]
    assert [link.other.id for link in c1.related] == [world.claims["a0"].id]
    assert [claim.id for claim in result.unique] == [world.claims["c1"].id]


def test_links_are_most_confident_first(world: World) -> None:
    a1 = world.claims["a1"]
    to_b1 = next(r for r in world.store.list_relations(a1.id) if r.relation == "equivalent")
    # A second corroboration of a1, more confident than b1's, from paper-c.
    other = to_b1.other.model_copy(update={"id": "paper-c-1~0009", "outlet": "paper-c"})
    stronger = to_b1.model_copy(update={"other": other, "confidence": 0.99})
    b1 = world.claims["b1"]
    world.store.put_claims(
        [b1.model_copy(update={"id": other.id, "article_id": "paper-c-1", "outlet": "paper-c"})]
    )
    world.store.put_relations([stronger, reversed_relation(stronger)])

    result = comparison.compare_article(world.store, a1.article_id)
    assert [(link.other.id, link.confidence) for link in result.claims[1].corroborating] == [
        ("paper-c-1~0009", 0.99),
        (world.claims["b1"].id, 0.91),
    ]


def test_a_rejected_article_compares_to_nothing(world: World) -> None:
    result = comparison.compare_article(world.store, "paper-c-2")
    assert result.article.status is ArticleStatus.REJECTED
    assert result.article.reason == "empty: the object has no text"
    assert result.claims == []
    assert result.unique == []
    assert result.summary.claims == 0


@pytest.mark.parametrize(
    "call",
    [
        lambda store: comparison.compare_article(store, "nope"),
        lambda store: comparison.get_article(store, "nope"),
        lambda store: comparison.list_article_claims(store, "nope"),
        lambda store: comparison.get_claim(store, "nope~0000"),
    ],
)
def test_unknown_ids_are_not_found(world: World, call: object) -> None:
    with pytest.raises(NotFoundError, match="nope"):
        call(world.store)  # type: ignore[operator]


def test_article_detail_and_summaries(world: World) -> None:
    detail = comparison.get_article(world.store, "paper-c-2")
    assert (detail.status, detail.reason, detail.claim_count, detail.s3_key) == (
        ArticleStatus.REJECTED,
        "empty: the object has no text",
        0,
        "articles/paper-c/empty.txt",
    )
    page = comparison.list_articles(world.store, outlet="paper-c", limit=10, cursor=None)
    assert [a.id for a in page.items] == ["paper-c-2", "paper-c-1"]
    assert "text" not in page.items[0].model_dump()


def test_claims_of_an_article_in_reading_order(world: World) -> None:
    listed = comparison.list_article_claims(world.store, "daily-b-1")
    assert [c.id for c in listed.items] == [world.claims["b0"].id, world.claims["b1"].id]
    assert comparison.list_article_claims(world.store, "paper-c-2").items == []


def test_a_claim_comes_with_its_relations_most_confident_first(world: World) -> None:
    result = comparison.get_claim(world.store, world.claims["a0"].id)
    assert result.text == world.claims["a0"].text
    assert [(r.other.id, r.relation) for r in result.relations] == [
        (world.claims["w0"].id, "equivalent"),
        (world.claims["b0"].id, "contradiction"),
        (world.claims["c1"].id, "related"),
    ]
    assert all(r.claim.id == world.claims["a0"].id for r in result.relations)


def test_contradictions_listing_passes_the_store_page_through(world: World) -> None:
    page = comparison.list_contradictions(world.store, outlet=None, limit=1, cursor=None)
    assert [(r.claim.outlet, r.other.outlet) for r in page.items] == [("paper-c", "wire-a")]
    assert page.next_cursor is not None
    rest = comparison.list_contradictions(world.store, outlet=None, limit=5, cursor=page.next_cursor)
    assert [r.reasons for r in rest.items] == [["negation"]]
    assert rest.next_cursor is None
    with pytest.raises(InvalidRequestError):
        comparison.list_contradictions(world.store, outlet=None, limit=5, cursor="garbage")


def test_compare_texts_analyses_both_sentences_and_compares_them() -> None:
    a = "The alliance has not separated the rebels from the front."
    b = "The alliance has separated the rebels from the front."
    result = comparison.compare_texts(a, b)
    assert (result.a.text, result.b.text) == (a, b)
    assert (result.a.start, result.a.end) == (0, len(a))
    assert result.relation == "contradiction"
    assert "negation" in result.reasons
    for evidence in result.evidence:
        source = a if evidence.side == "a" else b
        assert source[evidence.start : evidence.end] == evidence.text


def test_check_claim_returns_a_verdict_with_offsets_into_the_article() -> None:
    article = "Officials met on Monday. The plant supplies water for 1.8 million people. Talks went on."
    result = comparison.check_claim("The plant supplies water for 1.8 million people.", article)
    assert result.verdict in {"supports", "discusses"}
    assert 0.0 <= result.confidence <= 1.0
    for evidence in result.evidence:
        assert article[evidence.start : evidence.end] == evidence.text


def test_compare_texts_returns_the_engines_answer_and_both_analysed_claims(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[tuple[str, str]] = []

    def fake_compare(a: Claim, b: Claim) -> Comparison:
        seen.append((a.text, b.text))
        evidence = [Evidence(side="b", text="1.2 million", start=18, end=29, reason="quantity")]
        return Comparison(
            relation="contradiction", confidence=0.8, reasons=["quantity"], evidence=evidence, explanation="x"
        )

    monkeypatch.setattr("claimdiff.match.compare", fake_compare)
    result = comparison.compare_texts(
        "It serves 1.8 million people.", "It serves roughly 1.2 million people."
    )
    assert seen == [("It serves 1.8 million people.", "It serves roughly 1.2 million people.")]
    assert result.model_dump(include={"relation", "confidence", "reasons", "explanation"}) == {
        "relation": "contradiction",
        "confidence": 0.8,
        "reasons": ["quantity"],
        "explanation": "x",
    }
    assert result.evidence[0].text == "1.2 million"
    assert result.b.text == "It serves roughly 1.2 million people."


def test_check_claim_returns_the_engines_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_check(claim: str, article_text: str) -> Verdict:
        start = article_text.index(claim)
        evidence = [CheckEvidence(text=claim, start=start, end=start + len(claim), relation="equivalent")]
        return Verdict(verdict="supports", confidence=0.7, evidence=evidence)

    monkeypatch.setattr("claimdiff.match.check", fake_check)
    result = comparison.check_claim("Talks resumed.", "Rain fell. Talks resumed.")
    assert result.model_dump() == {
        "verdict": "supports",
        "confidence": 0.7,
        "evidence": [{"text": "Talks resumed.", "start": 11, "end": 25, "relation": "equivalent"}],
    }


def test_a_flooded_claim_answers_its_most_confident_links_and_counts_the_rest(world: World) -> None:
    a1 = world.claims["a1"]
    to_b1 = next(r for r in world.store.list_relations(a1.id) if r.relation == "equivalent")
    copies = []
    for n in range(MAX_LINKS_PER_KIND + 10):
        other = to_b1.other.model_copy(update={"id": f"flood-x-1~{n:04d}", "outlet": "flood-x"})
        b1 = world.claims["b1"]
        world.store.put_claims(
            [b1.model_copy(update={"id": other.id, "article_id": "flood-x-1", "outlet": "flood-x"})]
        )
        copy = to_b1.model_copy(update={"other": other, "confidence": 0.5 + n / 1000})
        copies += [copy, reversed_relation(copy)]
    world.store.put_relations(copies)

    result = compare_article(world.store, "wire-a-1")
    (compared,) = [c for c in result.claims if c.claim.id == a1.id]
    assert len(compared.corroborating) == MAX_LINKS_PER_KIND
    assert compared.omitted == 11  # 35 copies and b1's own link, 25 shown
    assert compared.corroborating[0].other.id == to_b1.other.id, "the most confident first"
    detail = get_claim(world.store, a1.id)
    assert len(detail.relations) + detail.relations_omitted == len(world.store.list_relations(a1.id))
