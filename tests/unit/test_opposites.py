"""One-slot opposites are never the same claim; their paraphrases are never contradictions (issue 7)."""

from __future__ import annotations

import pytest
from claimdiff.extract import analyse_sentence
from claimdiff.match import compare
from claimdiff.models import Comparison

from tests.unit.opposites import OPPOSITES, PARAPHRASES


def judge(a: str, b: str) -> Comparison:
    return compare(analyse_sentence(a, outlet="a"), analyse_sentence(b, outlet="b"))


@pytest.mark.parametrize("kind", sorted(OPPOSITES))
def test_every_opposite_is_a_contradiction_of_its_kind(kind: str) -> None:
    pairs = OPPOSITES[kind]
    assert len(pairs) >= 40
    wrong = [
        (a, b, r.relation, r.reasons) for a, b in pairs if (r := judge(a, b)).relation != "contradiction"
    ]
    assert not wrong, f"{len(wrong)} of {len(pairs)} {kind} opposites not flagged: {wrong[:3]}"
    unnamed = [(a, b, r.reasons) for a, b in pairs if kind not in (r := judge(a, b)).reasons]
    assert not unnamed, f"the reason names the slot: {unnamed[:3]}"


@pytest.mark.parametrize("kind", sorted(PARAPHRASES))
def test_no_paraphrase_is_a_contradiction(kind: str) -> None:
    pairs = PARAPHRASES[kind]
    assert len(pairs) >= 40
    flagged = [(a, b, r.reasons) for a, b in pairs if (r := judge(a, b)).relation == "contradiction"]
    assert not flagged, f"{len(flagged)} of {len(pairs)} paraphrases flagged: {flagged[:3]}"


def test_compare_is_symmetric_on_every_written_pair() -> None:
    pairs = [p for kind in OPPOSITES for p in OPPOSITES[kind]] + [
        p for k in PARAPHRASES for p in PARAPHRASES[k]
    ]
    for a, b in pairs:
        one, other = judge(a, b), judge(b, a)
        assert (one.relation, one.confidence, one.reasons) == (
            other.relation,
            other.confidence,
            other.reasons,
        )
        assert {(e.side, e.text) for e in one.evidence} == {
            ("a" if e.side == "b" else "b", e.text) for e in other.evidence
        }


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The union urged members to vote for the bill.",
            "The union encouraged lawmakers to vote against the bill.",
        ),
        (
            "The mayor asked residents to vote for the plan.",
            "The mayor called on voters to vote against the plan.",
        ),
    ],
)
def test_one_verb_with_opposite_particles_under_other_main_verbs_is_never_the_same_claim(
    first: str, second: str
) -> None:
    assert judge(first, second).relation != "equivalent"
