"""check() and the batch records: verdicts, evidence offsets into the article, exact output formats."""

from __future__ import annotations

import json

import pytest
from claimdiff.match import check, check_record, pairs_record

CLAIM = "Russia and the United States agreed a ceasefire for Aleppo."
SUPPORTING = (
    "Ceasefire agreed for Aleppo\n\n"
    "Russia and the United States agreed a ceasefire for Aleppo on Friday after talks in Geneva. "
    "Aid agencies welcomed the news. The truce starts at sunset on Monday."
)
CONTRADICTING = (
    "No ceasefire for Aleppo\n\n"
    "Russia and the United States have not agreed a ceasefire for Aleppo, officials said on Friday. "
    "Talks in Geneva ended without a deal."
)
DISCUSSING = (
    "Reports of a truce\n\n"
    "Russia and the United States may have agreed a ceasefire for Aleppo, according to unconfirmed reports. "
    "Neither side has commented."
)
UNRELATED = (
    "Central bank holds rates\n\n"
    "The central bank left interest rates unchanged on Thursday, citing weak consumer demand. "
    "Analysts had expected the decision."
)


def _offsets_exact(article: str, evidence: list[dict[str, object]]) -> None:
    for item in evidence:
        assert article[int(item["start"]) : int(item["end"])] == item["text"]  # type: ignore[call-overload]


def test_supporting_article() -> None:
    verdict = check(CLAIM, SUPPORTING)

    assert verdict.verdict == "supports"
    assert verdict.evidence
    assert any("agreed a ceasefire" in e.text for e in verdict.evidence)
    for item in verdict.evidence:
        assert SUPPORTING[item.start : item.end] == item.text


def test_contradicting_article() -> None:
    verdict = check(CLAIM, CONTRADICTING)

    assert verdict.verdict == "contradicts"
    assert any(e.relation == "contradiction" for e in verdict.evidence)


def test_hedged_report_discusses() -> None:
    assert check(CLAIM, DISCUSSING).verdict == "discusses"


def test_attributed_question_discusses() -> None:
    article = (
        "Did Russia and the US agree a ceasefire for Aleppo? Rebels claim the deal was reached, reportedly."
    )

    assert check(CLAIM, article).verdict == "discusses"


def test_unrelated_article() -> None:
    verdict = check(CLAIM, UNRELATED)

    assert verdict.verdict == "unrelated"
    assert verdict.evidence == []


def test_empty_article_is_unrelated() -> None:
    assert check(CLAIM, "").verdict == "unrelated"


def test_check_record_format() -> None:
    record = check_record("r1", CLAIM, SUPPORTING)

    assert list(record) == ["id", "verdict", "confidence", "evidence"]
    assert record["id"] == "r1"
    assert record["verdict"] == "supports"
    assert 0.0 <= record["confidence"] <= 1.0
    for item in record["evidence"]:
        assert list(item) == ["text", "start", "end", "relation"]
        assert item["relation"] in ("equivalent", "contradiction", "related", "unrelated")
    _offsets_exact(SUPPORTING, record["evidence"])
    json.dumps(record)


def test_pairs_record_format_and_relations() -> None:
    same = pairs_record(
        7, "The US has separated the rebels from Nusra.", "The US has separated the rebels from Nusra."
    )
    opposite = pairs_record(
        8, "The US has not separated the rebels from Nusra.", "The US has separated the rebels from Nusra."
    )
    apart = pairs_record(
        9, "The US has separated the rebels from Nusra.", "The central bank left interest rates unchanged."
    )

    for record in (same, opposite, apart):
        assert list(record) == ["id", "relation", "confidence", "reasons"]
        assert 0.0 <= record["confidence"] <= 1.0
        json.dumps(record)
    assert (same["id"], same["relation"], same["reasons"]) == (7, "equivalent", ["paraphrase"])
    assert (opposite["relation"], opposite["reasons"]) == ("contradiction", ["negation"])
    assert apart["relation"] == "unrelated"
    assert same["confidence"] > apart["confidence"]


BRIDGE = """Council backs the new bridge

The city council voted on Tuesday to build a second bridge over the river at Dunmore.

The mayor, Tom Kell, 58, said the works would start in the spring and cost the city 40 million dollars.

Residents of the east bank have asked for a bridge since the ferry closed in 2019."""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # Stated in other words across two sentences: most of the claim's rare words are there.
        ("Dunmore's council approved a second river bridge, to cost 40 million dollars.", "supports"),
        # The topic is there, the claim is not.
        ("The council also cut the budget of the Dunmore ferry service by 2 million dollars.", "discusses"),
        # Someone's words whose speaker the claim does not name: only the same quote would support it.
        ("“The bridge will be finished by Christmas and will cost less than planned.”", "discusses"),
        ("Tom Kell, 61, said the works would start in the spring.", "contradicts"),  # his age
        # Another town's story on the same topic: none of the people and places it names are here.
        ("Harlow's mayor, Ann Ross, said a new ferry would cross the Severn in the spring.", "unrelated"),
        # ... and an article never states a claim about people and places it does not name.
        ("In Harlow, the council of Ann Ross voted to close the ferry over the Severn in 2019.", "discusses"),
    ],
)
def test_check_reads_what_the_article_states(claim: str, verdict: str) -> None:
    assert check(claim, BRIDGE).verdict == verdict


VOTES = """Pelosi keeps her post

WASHINGTON - House Democrats re-elected Nancy Pelosi as their leader on Wednesday.

Pelosi won 134 to 63 against Representative Tim Ryan of Ohio in a closed-door vote.

Earlier, the Senate voted 97-1 to override the president's veto of the bill.

Ryan said he was proud of the campaign he ran. He allegedly promised committee seats to his backers."""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Pelosi lost to Tim Ryan by a vote of 63 to 134.", "contradicts"),  # swapped winner
        ("The Senate voted 60-38 to override the veto.", "contradicts"),  # another count of one vote
        ("The Senate voted 97-1 to override the veto.", "supports"),
        ("Pelosi won 134 to 63.", "supports"),
        ("Ryan promised committee seats to his backers.", "discusses"),  # the article only passes it on
        ("The stock market fell sharply in Tokyo.", "unrelated"),
    ],
)
def test_check_reads_numbers_roles_and_voices(claim: str, verdict: str) -> None:
    result = check(claim, VOTES)

    assert result.verdict == verdict
    relations = {e.relation for e in result.evidence}
    # The verdict and its evidence never disagree.
    assert ("contradiction" in relations) == (verdict == "contradicts")
    for evidence in result.evidence:
        assert VOTES[evidence.start : evidence.end] == evidence.text


_DEBATE = (
    "Rivals clash in a heated debate\n\n"
    "Mark Dunn opened the debate with a question about the budget.\n\n"
    'Lena Hale was quick to retort: "With all due respect, that is just a bunch of nonsense. ... Not a '
    'single thing he said about the budget is accurate."\n\n'
    "The two then argued about taxes for ten minutes."
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ('"Not a single thing he said about the budget is accurate," Mark Dunn said.', "contradicts"),
        ('"Not a single thing he said about the budget is accurate," Lena Hale said.', "supports"),
    ],
)
def test_a_quote_given_to_the_wrong_person_contradicts_the_article(claim: str, verdict: str) -> None:
    # The article's quote runs over two sentences; the colon before it names who speaks.
    assert check(claim, _DEBATE).verdict == verdict


_CHARGED = """Councilman charged over campaign funds

Councilman Dan Kell was charged by a grand jury on Tuesday with spending campaign money on family trips.

Mr. Kell, 41, becomes the second councilman to be charged this month.

A former Marine who served in Iraq, Mr. Kell was first elected in 2008."""


def test_an_age_beside_the_same_name_is_the_persons_age_whatever_else_the_sentences_say() -> None:
    wrong = check(
        "Kell, 51, a decorated Marine veteran of the Iraq war, was first elected in 2008.", _CHARGED
    )
    assert wrong.verdict == "contradicts"
    assert "41" in wrong.evidence[0].text
    right = check(
        "Kell, 41, a decorated Marine veteran of the Iraq war, was first elected in 2008.", _CHARGED
    )
    assert right.verdict != "contradicts"
