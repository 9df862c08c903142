"""The same quote in two outlets (match/quotes.py and its use in compare): one passage, trimmed or
whole, from one speaker, never a written edit inside the quote. Sentences written for these tests."""

from __future__ import annotations

import pytest
from claimdiff.extract import extract_claims
from claimdiff.match import compare
from claimdiff.match.quotes import quoted_words, same_quote
from claimdiff.models import Claim


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ('I wish I did not have to run again."', '"I wish I did not have to run again," he said.'),
        (
            '"It seems to me, from what I hear from doctors, that the side effects are really rare," Kell said.',
            '"From what I hear from doctors, that the side effects are really rare," said Kell.',
        ),
        (
            "“But I would rather do it much faster.”",
            "“I did not need to do this, but I would rather do it much faster,” he said.",
        ),
        (  # one spelling of a name
            '"Nobody knows what is happening, and Gadhafi is going to win," he said.',
            '"Nobody knows what is happening, and Qaddafi is going to win," he said.',
        ),
    ],
)
def test_one_passage_trimmed_or_whole_is_the_same_quote(first: str, second: str) -> None:
    assert same_quote(first, second)
    assert same_quote(second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (  # an antonym written into the quote
            '"From what I hear from doctors, the side effects are really rare," Kell said.',
            '"From what I hear from doctors, the side effects are really common," Kell said.',
        ),
        (  # a negation written into the quote
            "“This decision should be deeply troubling to every voter,” the lawyer said.",
            "“This decision should not be troubling to every voter,” Mr. Kell added.",
        ),
        (  # another figure
            '"Our candidate leads with 21 percent of the vote in the poll," he said.',
            '"Our candidate leads with 34 percent of the vote in the poll," he said.',
        ),
        (  # a short phrase cited inside a longer statement is not the statement
            "He called the plan “a disaster in the making” on Monday.",
            "“The plan is expensive, it is late, it is badly run and it is a disaster in the making for every taxpayer,” he said.",
        ),
    ],
)
def test_an_edit_inside_the_quote_is_not_the_same_quote(first: str, second: str) -> None:
    assert not same_quote(first, second)


def test_the_head_of_a_continued_quote_counts_as_quoted() -> None:
    assert quoted_words('we will win in November." He left.') == "we will win in november"


def one_claim(text: str, outlet: str) -> Claim:
    return extract_claims(text, article_id=f"{outlet}-1", outlet=outlet)[-1]


def test_a_trimmed_quote_from_one_speaker_is_equivalent() -> None:
    a = one_claim("“When the dust settles, he will be vindicated,” McGinley added.", "gazette")
    b = one_claim("Lawyers spoke on Friday. “When the dust settles, he will be vindicated.”", "herald")
    assert compare(a, b).relation == "equivalent"


def test_a_quote_with_a_fact_of_its_own_around_it_is_not_the_same_claim() -> None:
    a = one_claim(
        "“I know it is time for me to move along,” Kell said in a statement, noting he sent a letter to the "
        "governor to announce his resignation, effective at five in the afternoon.",
        "gazette",
    )
    b = one_claim("“I know it is time for me to move along,” Mr. Kell said in a statement.", "herald")
    assert compare(a, b).relation != "equivalent"
