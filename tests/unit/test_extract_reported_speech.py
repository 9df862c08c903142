"""Reported speech that carries over to the next sentence, and sentence-initial "According to" sources.

The sentences are written for these tests (fiction): a conservative rule must carry the speaker where the
next sentence continues the reported speech with the modal of the sequence of tenses, and nowhere else.
"""

from __future__ import annotations

import datetime as dt

import pytest
from claimdiff.extract import analyse_sentence, extract_claims
from claimdiff.extract.timeexpr import find_times
from claimdiff.models import Claim

WEDNESDAY = dt.date(2021, 3, 17)


def claims_of(text: str) -> list[Claim]:
    return extract_claims(text, article_id="rs", outlet="gazette", published_on=WEDNESDAY)


def speakers(text: str) -> list[tuple[str, str, str | None, str]]:
    """(kind, name, cue, quote) of each claim, in order."""
    out: list[tuple[str, str, str | None, str]] = []
    for claim in claims_of(text):
        assert claim.speaker is not None
        out.append((claim.speaker.kind, claim.speaker.name, claim.cue, claim.quote))
    return out


OUTLET = ("outlet", "gazette", None, "none")


def test_backshifted_modal_after_a_past_tense_cue_continues_the_reported_speech() -> None:
    text = (
        "On Monday, city engineers said the Harbor Bridge was safe to reopen. "
        "A second inspection would take place in the spring."
    )
    engineers = ("group", "city engineers", "said", "reported")
    assert speakers(text) == [engineers, engineers]


def test_the_carried_speaker_is_a_copy_and_continues_over_several_sentences() -> None:
    text = (
        "Transit director Olga Brandt said the tunnel had flooded overnight. "
        "Trains would run on a single track until Thursday. "
        "The repairs could cost the agency several million dollars."
    )
    claims = claims_of(text)
    names = [(c.speaker.name if c.speaker else None, c.quote) for c in claims]
    assert names == [("Olga Brandt", "reported")] * 3
    assert claims[0].speaker is not claims[1].speaker  # mutating one claim never changes another


def test_present_tense_cue_also_carries_over_to_will() -> None:
    text = "Mayor Ines Calder says the new bus plan is on track. The first routes will open in May."
    assert speakers(text) == [("person", "Ines Calder", "says", "reported")] * 2


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            "Police said the coast road was closed. The road will reopen on Friday.",
            "a past-tense cue with 'will': usually the outlet's own voice",
        ),
        (
            "Police said the coast road was closed.\n\nDrivers would be sent through Elm Street.",
            "new paragraph",
        ),
        (
            "“The coast road is closed,” police said. Drivers would be sent through Elm Street.",
            "direct quote",
        ),
        (
            "The coast road was closed, according to police. Drivers would be sent through Elm Street.",
            "not a verb",
        ),
        ("Police said the coast road was closed. If it rains, drivers would be sent inland.", "comma first"),
        ("Police said the suspect had fled. He would later surrender in Ohio.", "narrative 'would later'"),
        (
            "Police said the coast road was closed. It is likely that drivers would be sent inland.",
            "subordinate",
        ),
        (
            "Police said the coast road was closed. The drivers who would be sent inland were angry.",
            "relative",
        ),
    ],
)
def test_no_carry_over_where_the_rule_does_not_apply(text: str, why: str) -> None:
    assert speakers(text)[1] == OUTLET, why


def test_a_sentence_with_its_own_speaker_keeps_it() -> None:
    text = "Police said the coast road was closed. Fire chief Dana Holt would not say when it reopens."
    second = speakers(text)[1]
    assert second[1] != "Police"


def test_a_sentence_about_another_named_person_is_not_carried() -> None:
    text = "Police said the coast road was closed. Senator Mark Ruiz would visit the site on Friday."
    assert speakers(text)[1] == OUTLET


@pytest.mark.parametrize(
    ("sentence", "speaker", "kind"),
    [
        ("According to U.N. officials, the convoy left at dawn.", "U.N. officials", "group"),
        ("According to the White House, the meeting was moved to Friday.", "White House", "organization"),
        ("The plant will close in June, according to the union.", "union", "organization"),
    ],
)
def test_according_to_names_the_source_at_the_start_of_a_sentence_too(
    sentence: str, speaker: str, kind: str
) -> None:
    claim = analyse_sentence(sentence, outlet="gazette")
    assert claim.speaker is not None and (claim.speaker.name, claim.speaker.kind) == (speaker, kind)
    assert claim.cue == "according to" and claim.quote == "reported"


@pytest.mark.parametrize(
    "sentence",
    [
        "According to the documents, the firm paid $7,000 for the trip.",
        "The firm paid $7,000 for the trip, according to the documents.",
    ],
)
def test_according_to_a_document_names_no_speaker(sentence: str) -> None:
    claim = analyse_sentence(sentence, outlet="gazette")
    assert claim.speaker is not None and claim.speaker.kind == "outlet" and claim.cue is None


def test_an_acronym_that_speaks_is_an_organisation() -> None:
    claim = analyse_sentence("The FBI said the suspect fled north.")
    assert claim.speaker is not None and (claim.speaker.name, claim.speaker.kind) == ("FBI", "organization")


def test_tomorrow_is_a_time_expression() -> None:
    (time,) = find_times("The council votes tomorrow.", WEDNESDAY)
    assert (time.text, time.date) == ("tomorrow", dt.date(2021, 3, 18))
