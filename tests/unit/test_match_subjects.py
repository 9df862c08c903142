"""Who a clause speaks of: the subject reading that gates the contradiction head, and the clause split.

A negation or an antonym contradicts only what is said of the same subject; these tests pin the
reading of subjects (existential, passive, reported speech) and its effect on ``compare``.
"""

from __future__ import annotations

import pytest
from claimdiff.match import compare
from claimdiff.match.features import FEATURES, clause_subject, findings, pair_features, view
from claimdiff.models import Claim, Speaker


def claim(text: str, outlet: str = "wire-a", *, speaker: str | None = None, cue: str | None = None) -> Claim:
    return Claim(
        id=f"{outlet}-{len(text)}",
        article_id=f"{outlet}-article",
        outlet=outlet,
        index=0,
        text=text,
        start=0,
        end=len(text),
        speaker=Speaker(name=speaker, id=f"x:{speaker.lower()}", kind="person") if speaker else None,
        cue=cue,
    )


def subject_words(text: str, *, speaker: str | None = None, cue: str | None = None) -> list[list[str]]:
    v = view(claim(text, speaker=speaker, cue=cue))
    return [[v.tokens[i].lower for i in indexes] for _, indexes in sorted(v.subjects.items())]


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("A tall chef is slicing the bread", [["tall", "chef"]]),
        ("There is no chef slicing the bread", [["chef"]]),
        ("Three bakers are not kneading dough", [["bakers"]]),
        ("The bread is being sliced by a chef", [["bread", "chef"]]),  # passive: the doer counts too
        ("The council renewed the contract", [["council"]]),
        ("In a surprise move on Tuesday, the council did not renew the contract", [["council"]]),
        ("Nobody is slicing the bread", []),  # no noun: nobody in particular
    ],
)
def test_subject_of_each_clause(text: str, subjects: list[list[str]]) -> None:
    assert subject_words(text) == subjects


def test_who_says_it_is_not_the_subject_of_what_is_said() -> None:
    words = subject_words(
        "Okafor acknowledged that the utility has restored power", speaker="Ruth Okafor", cue="acknowledged"
    )

    assert words == [["utility"]]


def test_and_between_two_statements_opens_a_clause_but_not_inside_a_subject() -> None:
    two = view(claim("No baker is kneading dough and the chefs are not slicing bread"))
    one = view(claim("A baker and a chef are kneading dough and slicing bread"))

    assert len(set(two.clauses)) == 2
    assert two.clauses[two.tokens.index(next(t for t in two.tokens if t.lower == "chefs"))] == 1
    assert set(one.clauses) == {0}


def test_a_denied_subject_that_differs_is_no_contradiction() -> None:
    result = compare(
        claim("There is no chef slicing the bread"), claim("A baker is slicing the bread", "daily-b")
    )

    assert result.relation != "contradiction"


def test_a_denied_subject_that_matches_is_a_contradiction() -> None:
    result = compare(
        claim("There is no baker slicing the bread"), claim("A baker is slicing the bread", "daily-b")
    )

    assert result.relation == "contradiction"
    assert result.reasons == ["negation"]


def test_a_negated_verb_said_of_another_subject_is_no_contradiction() -> None:
    a = claim("The navy has not withdrawn its ships from the northern port")
    b = claim("The army has withdrawn its ships from the northern port", "daily-b")

    assert compare(a, b).relation != "contradiction"


def test_subject_features_and_negation_in_a_modifier() -> None:
    a, b = (
        view(claim("A chef with no apron is slicing the bread")),
        view(claim("A chef is slicing the bread")),
    )
    found = findings(a, b)

    values = pair_features(
        a, b, dict.fromkeys(("ratio", "partial_ratio", "token_sort_ratio", "token_set_ratio"), 0.5), found
    )

    assert set(FEATURES) <= set(values)
    assert values["negation_modifier"] == 1.0  # "with no apron" describes the chef, denies nothing
    assert values["subject_same"] == 1.0 and values["subject_differ"] == 0.0
    assert clause_subject(a, []) == frozenset({"chef", "apron"})
