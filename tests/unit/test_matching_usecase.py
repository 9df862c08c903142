"""The matching use case: candidates from other outlets through the index, relations stored both ways."""

from __future__ import annotations

import datetime as dt

import pytest
from claimdiff.config import Settings
from claimdiff.extract import extract_claims
from claimdiff.match import blocking_keys
from claimdiff.matching import Matcher, rematch
from claimdiff.models import Article, Claim
from claimdiff.store.memory import InMemoryStore
from claimdiff.versions import processing_version

from tests.fakes import Paused

DAY = dt.date(2016, 8, 26)


def stored_claims(store: InMemoryStore, outlet: str, text: str, day: dt.date = DAY) -> list[Claim]:
    claims = [
        claim.model_copy(update={"published_on": day, "blocking_keys": blocking_keys(claim)})
        for claim in extract_claims(text, article_id=f"{outlet}-a", outlet=outlet, published_on=day)
    ]
    store.put_claims(claims)
    return claims


@pytest.fixture
def store() -> InMemoryStore:
    return InMemoryStore()


def test_contradiction_is_stored_in_both_directions(store: InMemoryStore) -> None:
    (ours,) = stored_claims(
        store, "wire-a", "The United States has not separated the rebel groups it backs from al-Nusra."
    )
    (theirs,) = stored_claims(
        store, "daily-b", "The United States has separated the rebel groups it backs from al-Nusra."
    )
    result = Matcher(store, Settings()).match(theirs)
    assert result.contradictions == 1
    forward, backward = store.list_relations(theirs.id), store.list_relations(ours.id)
    assert [r.relation for r in forward] == ["contradiction"] == [r.relation for r in backward]
    assert "negation" in forward[0].reasons
    assert forward[0].other.id == ours.id and backward[0].other.id == theirs.id
    assert forward[0].processing_version == backward[0].processing_version == processing_version()
    page = store.list_contradictions(outlet=None, limit=10, cursor=None)
    assert len(page.items) == 1, "a contradiction is listed once"


def test_claims_of_the_same_outlet_are_never_candidates(store: InMemoryStore) -> None:
    stored_claims(
        store, "wire-a", "The United States has not separated the rebel groups it backs from al-Nusra."
    )
    (same,) = stored_claims(
        store, "wire-a", "The United States has separated the rebel groups it backs from al-Nusra."
    )
    matcher = Matcher(store, Settings())
    assert matcher.candidates(same) == []
    assert matcher.match(same).relations == 0


def test_day_window_bounds_the_candidates(store: InMemoryStore) -> None:
    text = "The United States has not separated the rebel groups it backs from al-Nusra."
    stored_claims(store, "wire-a", text, DAY - dt.timedelta(days=10))
    (recent,) = stored_claims(store, "daily-b", text, DAY)
    assert Matcher(store, Settings(match_window_days=2)).candidates(recent) == []
    assert len(Matcher(store, Settings(match_window_days=10)).candidates(recent)) == 1


def test_a_retracted_claim_is_not_matched(store: InMemoryStore) -> None:
    stored_claims(
        store, "wire-a", "The United States has not separated the rebel groups it backs from al-Nusra."
    )
    (gone,) = stored_claims(
        store, "daily-b", "The United States has separated the rebel groups it backs from al-Nusra."
    )
    store.delete_claims([gone])
    assert Matcher(store, Settings()).match(gone).relations == 0


def test_the_relation_model_sees_a_bounded_shortlist_shared_between_outlets(store: InMemoryStore) -> None:
    text = "The United States has separated the rebel groups it backs from al-Nusra."
    # One outlet files ten copies, three others one each: the flooder cannot crowd them out.
    for n in range(10):
        stored_claims(store, "flood", text.replace("rebel", f"rebel {n}"), DAY)
    for outlet, where in (("wire-a", "in Aleppo"), ("daily-b", "in Syria"), ("paper-c", "in Idlib")):
        stored_claims(store, outlet, text.replace("groups", f"groups {where}"), DAY)
    (new,) = stored_claims(
        store, "herald", "The United States has not separated the rebels it backs from al-Nusra."
    )
    config = Settings(candidates_per_claim=5, candidates_per_outlet=2)
    matcher = Matcher(store, config)

    chosen = matcher.shortlisted(new, matcher.candidates(new))
    result = matcher.match(new)

    assert len(matcher.candidates(new)) == 13
    assert len(chosen) == result.candidates == 5
    assert sorted(e.outlet for e in chosen).count("flood") == 2
    assert {"wire-a", "daily-b", "paper-c"} <= {e.outlet for e in chosen}
    assert result.retrieved == 13


def test_only_the_closest_related_pairs_are_kept_and_without_evidence(store: InMemoryStore) -> None:
    others = [
        "Kerry flew to Geneva on Thursday to see Lavrov.",
        "Lavrov told reporters in Geneva that Aleppo was quiet.",
        "Rebels in Aleppo rejected any deal made in Geneva.",
        "Aid agencies in Aleppo asked Kerry for a pause in the fighting.",
    ]
    for n, text in enumerate(others):
        stored_claims(store, f"paper-{n}", text, DAY)
    (new,) = stored_claims(
        store, "herald", "Kerry and Lavrov agreed a ceasefire for Aleppo in Geneva on Friday."
    )

    Matcher(store, Settings(related_per_claim=2)).match(new)

    related = [r for r in store.list_relations(new.id) if r.relation == "related"]
    assert len(related) == 2
    assert all(r.evidence == [] and r.explanation is None for r in related)
    assert all(store.list_relations(r.other.id) for r in related), "stored in both directions"


def test_a_candidate_deleted_while_the_claim_is_judged_gets_no_relation(store: InMemoryStore) -> None:
    (ours,) = stored_claims(
        store, "wire-a", "The United States has not separated the rebel groups it backs from al-Nusra."
    )
    (theirs,) = stored_claims(
        store, "daily-b", "The United States has separated the rebel groups it backs from al-Nusra."
    )
    # The other article is overwritten between the match's read of the claims and its write.
    racing = Paused(store, "get_claims", "after", lambda: store.delete_claims([ours]))
    result = Matcher(racing, Settings()).match(theirs)  # type: ignore[arg-type]
    assert result.relations == 0
    assert store.list_relations(theirs.id) == [] and store.list_relations(ours.id) == []
    assert store.list_contradictions(outlet=None, limit=10, cursor=None).items == []


def test_relations_are_dated_when_the_claim_was_stored_so_a_replay_rewrites_the_same(
    store: InMemoryStore,
) -> None:
    stored_claims(
        store, "wire-a", "The United States has not separated the rebel groups it backs from al-Nusra."
    )
    (theirs,) = stored_claims(
        store, "daily-b", "The United States has separated the rebel groups it backs from al-Nusra."
    )
    stored_at = dt.datetime(2016, 8, 26, 12, 30, tzinfo=dt.UTC)
    Matcher(store, Settings()).match(theirs, stored_at=stored_at)
    first = store.list_relations(theirs.id)
    Matcher(store, Settings()).match(theirs, stored_at=stored_at)
    assert store.list_relations(theirs.id) == first
    assert [r.detected_at for r in first] == [stored_at]


def test_a_match_marks_its_claim_and_rematch_finishes_only_incomplete_articles(store: InMemoryStore) -> None:
    ours = stored_claims(
        store, "wire-a", "The United States has not separated the rebel groups it backs from al-Nusra."
    )
    theirs = stored_claims(
        store, "daily-b", "The United States has separated the rebel groups it backs from al-Nusra."
    )
    matcher = Matcher(store, Settings())
    matcher.match(ours[0])
    assert store.matching_progress("wire-a-a") == (1, 1)
    assert store.matching_progress("daily-b-a") == (0, 1), "its stream record never got through"

    articles = [Article(id=f"{outlet}-a", outlet=outlet) for outlet in ("wire-a", "daily-b")]
    result = rematch(store, matcher, articles, everything=False)
    assert (result.articles, result.claims, result.relations) == (1, 1, 1)
    assert store.matching_progress("daily-b-a") == (1, 1)
    assert [r.relation for r in store.list_relations(theirs[0].id)] == ["contradiction"]
    assert rematch(store, matcher, articles, everything=False).articles == 0
    assert rematch(store, matcher, articles, everything=True).claims == 2
    # A claim stored again (its content changed) is unmatched until it is matched again.
    store.put_claims(theirs)
    assert store.matching_progress("daily-b-a") == (0, 1)
