"""Long news sentences: a claim followed by an appositive, a relative clause or a second statement.

The contradiction head measures overlap on the clauses that hold the difference, so a tail after
the claim neither hides a contradiction nor creates one. Claims are built directly (speaker, cue and
entities as extraction would give them), so these tests pin the matcher alone.
"""

from __future__ import annotations

import pytest
from claimdiff.match import compare
from claimdiff.match.features import clause_overlap, findings, view
from claimdiff.models import Claim, Entity, Speaker, SpeakerKind


def claim(
    text: str,
    outlet: str,
    *,
    speaker: tuple[str, SpeakerKind] | None = None,
    cue: str | None = None,
    entities: dict[str, str] | None = None,
) -> Claim:
    """A claim of ``outlet``; ``speaker`` is (name, kind), ``entities`` maps surface text to an id."""
    found = []
    for surface, entity_id in (entities or {}).items():
        start = text.index(surface)
        found.append(Entity(text=surface, start=start, end=start + len(surface), id=entity_id, kind="group"))
    return Claim(
        id=f"{outlet}-{len(text)}",
        article_id=f"{outlet}-article",
        outlet=outlet,
        index=0,
        text=text,
        start=0,
        end=len(text),
        speaker=Speaker(name=speaker[0], id=f"x:{speaker[0].lower()}", kind=speaker[1]) if speaker else None,
        cue=cue,
        entities=found,
    )


# A negated claim with an appositive and a relative clause after it, against the plain statement
# (the shape of the demo corpus's planted negation, in other words).
DENIED = claim(
    "Speaking to reporters, she said the utility has not kept its pledge to restore power to the "
    "eastern districts, Harbour Heights and Millbank, which have been dark since the storm.",
    "wire-a",
    speaker=("Mayor Ruth Okafor", "person"),
    cue="said",
)
ASSERTED = claim(
    "In a shift of tone, Okafor acknowledged that the utility has restored power to the eastern "
    "districts, a step residents had demanded for weeks.",
    "daily-b",
    speaker=("Mayor Ruth Okafor", "person"),
    cue="acknowledged",
)


def test_negation_in_a_long_sentence_with_a_tail_is_a_contradiction() -> None:
    result = compare(DENIED, ASSERTED)

    assert result.relation == "contradiction"
    assert result.reasons == ["negation"]
    spans = {e.side: e.text for e in result.evidence}
    assert spans == {"a": "not kept its pledge to restore", "b": "restored"}
    for item in result.evidence:
        source = DENIED if item.side == "a" else ASSERTED
        assert source.text[item.start : item.end] == item.text


def test_the_same_pair_read_the_other_way_round_is_the_same_contradiction() -> None:
    result = compare(ASSERTED, DENIED)

    assert result.relation == "contradiction"
    assert {e.side: e.text for e in result.evidence} == {
        "a": "restored",
        "b": "not kept its pledge to restore",
    }


def test_overlap_is_measured_on_the_differing_clauses_without_speaker_and_frame_words() -> None:
    a, b = view(DENIED), view(ASSERTED)

    overlap = clause_overlap(a, b, findings(a, b))

    # Neither the tails ("which have been dark since the storm", "a step residents had demanded"),
    # nor the lead-ins, nor who says it ("she said", "Okafor acknowledged"), nor the frame words
    # that carry the negation ("kept its pledge") are part of what is compared.
    assert overlap.terms_a == overlap.terms_b
    assert {"storm", "demand", "okafor", "acknowledg", "kept", "pledg"}.isdisjoint(
        overlap.terms_a | overlap.terms_b
    )
    assert overlap.cover("a") == overlap.cover("b") == 1.0


def test_entities_named_differently_count_as_one_term() -> None:
    text_a = "The coalition has not cut its ties with the Free Levant Brigade, a group it armed last year."
    text_b = "The coalition has cut its ties with the Levant Brigade, officials said on Monday."
    a = claim(text_a, "wire-a", entities={"Free Levant Brigade": "group:levant-brigade"})
    b = claim(
        text_b,
        "daily-b",
        speaker=("officials", "group"),
        cue="said",
        entities={"Levant Brigade": "group:levant-brigade"},
    )

    va, vb = view(a), view(b)
    overlap = clause_overlap(va, vb, findings(va, vb))

    assert "entity:group:levant-brigade" in overlap.terms_a & overlap.terms_b
    # Officials' statement against the outlet's own report: news, not a contradiction between outlets.
    result = compare(a, b)
    assert (result.relation, result.reasons) == ("related", ["negation"])
    plain = claim(
        "The coalition has cut its ties with the Levant Brigade.",
        "daily-b",
        entities={"Levant Brigade": "group:levant-brigade"},
    )
    assert compare(a, plain).relation == "contradiction"


PAID = "The shipping firm paid the fine imposed by the port authority."


@pytest.mark.parametrize(
    ("denial", "speaker", "relation"),
    [
        # A relative clause after the claim does not hide the negation.
        (
            "The shipping firm did not pay the fine imposed by the port authority, "
            "which had warned it twice last year about unsafe cargo.",
            None,
            "contradiction",
        ),
        # Officials confirming the opposite is their statement, not the outlet's contradiction.
        (
            "Officials confirmed that the shipping firm did not pay the fine imposed by the port authority.",
            ("Officials", "group"),
            "related",
        ),
    ],
)
def test_a_negation_read_through_tails_and_voices(
    denial: str, speaker: tuple[str, SpeakerKind] | None, relation: str
) -> None:
    a = claim(denial, "wire-a", speaker=speaker, cue="confirmed" if speaker else None)

    result = compare(a, claim(PAID, "daily-b"))

    assert result.relation == relation
    assert "negation" in result.reasons


def test_a_negation_in_the_tail_about_something_else_is_no_contradiction() -> None:
    a = claim(
        "The army has withdrawn its troops from the northern town, though it has not said when the "
        "refugees may return to their homes.",
        "wire-a",
    )
    b = claim("The army has withdrawn its troops from the northern town after a week of talks.", "daily-b")

    result = compare(a, b)

    assert result.relation != "contradiction"
    assert "negation" not in result.reasons


def test_a_negated_clause_with_another_subject_is_no_contradiction() -> None:
    a = claim(
        "The navy has not moved its ships out of the harbour, which the army troops left last week "
        "after the ceasefire.",
        "wire-a",
    )
    b = claim("The army has withdrawn its troops from the northern town.", "daily-b")

    assert compare(a, b).relation != "contradiction"


def test_a_tail_negation_on_a_different_verb_is_no_contradiction() -> None:
    a = claim(
        "The company paid the fine imposed by the regulator, which has not said whether it will "
        "appeal the ruling in court.",
        "wire-a",
    )
    b = claim(
        "The regulator will appeal the ruling in court, its spokesman said.",
        "daily-b",
        speaker=("spokesman", "person"),
        cue="said",
    )

    assert compare(a, b).relation != "contradiction"
