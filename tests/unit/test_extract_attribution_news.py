"""Speaker attribution in the patterns of US political and wire copy, found by auditing real news.

Every sentence here is written for these tests (fiction). Each group covers one kind of error the audit
found: mixed quote characters, party-and-state labels after a name, adverbs between a subject and its verb,
coordinated verbs, circumstances mistaken for roles, named spokespeople, titles after a group noun,
subordinate clauses, and pronouns inside quote runs.
"""

from __future__ import annotations

import pytest
from claimdiff.extract import extract_claims
from claimdiff.extract.attribution import attribute, quoted_spans
from claimdiff.models import Claim, Speaker


def claims_of(text: str) -> list[Claim]:
    return extract_claims(text, article_id="news", outlet="gazette")


def speaker_of(claim: Claim) -> Speaker:
    assert claim.speaker is not None
    return claim.speaker


def speaker_names(text: str) -> list[str]:
    return [speaker_of(claim).name for claim in claims_of(text)]


# Mixed quote characters: a straight quote closed by a curly one, or the reverse.


@pytest.mark.parametrize(
    "sentence",
    [
        '"We will not fund that bridge!\u201d Okafor told the Ledger in an interview.',
        '\u201cWe will not fund that bridge at all," Okafor told the Ledger in an interview.',
    ],
)
def test_mixed_quote_characters_close_the_quote(sentence: str) -> None:
    found = attribute(sentence)
    assert found is not None
    assert (found.name, found.cue, found.quote) == ("Okafor", "told", "direct")


def test_mixed_quote_spans_stay_exact() -> None:
    sentence = '"Not today,\u201d she said.'
    assert [sentence[start:end] for start, end in quoted_spans(sentence)] == ['"Not today,\u201d']


def test_mixed_quotes_carry_the_speaker_over_the_quote_run() -> None:
    text = (
        "Gov. Lena Okafor spoke at the plant.\n\n"
        '"We will not fund that bridge!\u201d Okafor told the Ledger. \u201cThe state has other needs. '
        "Our roads come first.\u201d"
    )
    assert speaker_names(text)[1:] == ["Lena Okafor"] * 3


# Party-and-state labels ("R-Texas", "D-N.Y.", "(R)") after a name.


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Sen. Dana Whitcomb, R-Texas, said the vote would slip to May.", "Dana Whitcomb", "Sen."),
        ("Rep. Omar Lindqvist, D-N.Y., said the bill would pass.", "Omar Lindqvist", "Rep."),
        ("Whitcomb, D-Mo., also said the plan was dead.", "Whitcomb", None),
        (
            "\u201cThe money is already spent,\u201d state Senate President Pro Tem Hal Bristow (R) said.",
            "Hal Bristow",
            "state Senate President Pro Tem",
        ),
        (
            "Sen. Dana Whitcomb, R-TX, who leads the panel, said Tuesday the talks had stalled.",
            "Dana Whitcomb",
            "Sen.",
        ),
        ("Sen. Rosa Imbert (D-Calif.), said she would vote no.", "Rosa Imbert", "Sen."),
        (
            "Sen. Rosa Imbert (D-Calif.), who chairs the panel, told reporters it was over.",
            "Rosa Imbert",
            "Sen.",
        ),
        (
            "Senator Rosa Imbert, Republican of Vermont, said she would vote no.",
            "Rosa Imbert",
            "Senator, Republican of Vermont",
        ),
    ],
)
def test_party_and_state_label_after_a_name(sentence: str, name: str, role: str | None) -> None:
    found = attribute(sentence)
    assert found is not None
    assert (found.name, found.kind, found.role) == (name, "person", role)


def test_a_pronoun_object_after_said_is_not_an_inverted_speaker() -> None:
    found = attribute("Sen. Rosa Imbert, D-Calif., said it was a mistake to wait.")
    assert found is not None
    assert found.name == "Rosa Imbert"
    assert attribute("Nobody in the room, said it plainly.") is None


# Adverbs between the subject and its speech verb.


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Marlow's office initially said the account had been hacked.", "Marlow's office"),
        ("The Ledger first reported that the mayor had resigned.", "Ledger"),
        ("Local residents subsequently said they had paid the fee.", "Local residents"),
    ],
)
def test_adverb_before_the_speech_verb(sentence: str, name: str) -> None:
    found = attribute(sentence)
    assert found is not None
    assert found.name == name


def test_a_noun_ending_in_ly_is_not_skipped_as_an_adverb() -> None:
    # Skipping "family" as an adverb would make "Marlow's" the speaker.
    found = attribute("Marlow's family said the house was sold.")
    assert found is None or "family" in found.name


# Coordinated verbs: "X did Y and said ...".


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Marlow stormed back to the podium and said, \u201cDo not ask me that again.\u201d", "Marlow"),
        ("County officials described the search as slow and said it could take weeks.", "County officials"),
    ],
)
def test_coordinated_speech_verb_takes_the_first_verbs_subject(sentence: str, name: str) -> None:
    found = attribute(sentence)
    assert found is not None
    assert found.name == name


def test_coordination_without_a_subject_verb_clause_is_not_attributed() -> None:
    assert attribute("Tired and said to be angry, the crowd left early.") is None


# Circumstances after a name are not roles.


@pytest.mark.parametrize(
    "sentence",
    [
        "Rep. Ivo Marlow, in an interview with the Ledger, said he was certain.",
        "Rep. Ivo Marlow, after a bruising week for his party, argued that the caucus needed new leaders.",
        "Rep. Ivo Marlow, advocating for the veterans, said the clinic would stay open.",
    ],
)
def test_circumstance_appositive_is_not_a_role(sentence: str) -> None:
    found = attribute(sentence)
    assert found is not None
    assert (found.name, found.role) == ("Ivo Marlow", "Rep.")


def test_descriptive_appositive_stays_a_role() -> None:
    found = attribute("Marlow, a former county judge, said the ruling was wrong.")
    assert found is not None
    assert (found.name, found.role) == ("Marlow", "a former county judge")


def test_participle_after_an_inverted_speaker_is_not_a_role() -> None:
    found = attribute('"We already have a calendar," said the Democratic staffer, noting the recess.')
    assert found is not None
    assert (found.name, found.role) == ("Democratic staffer", None)


# Named spokespeople are people; "a Brennan spokesman" is the organisation speaking.


def test_named_spokesman_is_a_person() -> None:
    found = attribute("The resolution passed on a voice vote, spokesman Teodor Vasik said.")
    assert found is not None
    assert (found.name, found.kind, found.role) == ("Teodor Vasik", "person", "spokesman")


def test_unnamed_spokesman_speaks_for_the_organisation() -> None:
    found = attribute("A Brennan Foods spokesman said the plant would close.")
    assert found is not None
    assert (found.name, found.kind) == ("Brennan Foods", "organization")


def test_it_after_a_named_spokesman_is_not_the_spokesman() -> None:
    claims = claims_of(
        "The Harbor League adopted the motion, spokesman Teodor Vasik said. "
        "It said the motion would take effect in June."
    )
    assert speaker_of(claims[0]).kind == "person"
    assert speaker_of(claims[1]).name != "Teodor Vasik"


# Titles after a group noun ("Police Commissioner") and role nouns common in news copy.


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "The devices were treated as live, Harbor City Police Commissioner Ada Rourke said.",
            "Ada Rourke",
            "Harbor City Police Commissioner",
        ),
        (
            "The probe is widening, Riverside Police Chief Tom Ebner said.",
            "Tom Ebner",
            "Riverside Police Chief",
        ),
    ],
)
def test_title_after_a_group_noun(sentence: str, name: str, role: str) -> None:
    found = attribute(sentence)
    assert found is not None
    assert (found.name, found.kind, found.role) == (name, "person", role)


def test_police_officials_stay_a_group() -> None:
    found = attribute("Harbor City police officials said the road would reopen.")
    assert found is not None
    assert found.kind == "group"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("A senior Democratic staffer told the Ledger that a vote was likely.", "senior Democratic staffer"),
        (
            "\u201cHe tried to silence me,\u201d the Lagos-born journalist told the Ledger.",
            "Lagos-born journalist",
        ),
    ],
)
def test_news_role_nouns_are_speakers(sentence: str, name: str) -> None:
    found = attribute(sentence)
    assert found is not None
    assert (found.name, found.kind) == (name, "person")


# Subordinate clauses: the main clause's attribution wins.


@pytest.mark.parametrize(
    ("sentence", "name", "cue"),
    [
        (
            "Though Marlow said the fire was an accident, the former official said several rules were broken.",
            "former official",
            "said",
        ),
        (
            "On the question of why the agency initially claimed the dam was safe, Okafor explained "
            "\u201cthe engineers told us that.\u201d",
            "Okafor",
            "explained",
        ),
    ],
)
def test_main_clause_attribution_beats_a_subordinate_one(sentence: str, name: str, cue: str) -> None:
    found = attribute(sentence)
    assert found is not None
    assert (found.name, found.cue) == (name, cue)


def test_subordinate_attribution_is_kept_when_it_is_the_only_one() -> None:
    found = attribute("Though Marlow said the fire was an accident, the inquiry goes on.")
    assert found is not None
    assert found.name == "Marlow"


# Pronouns: the quote's speaker stays the speaker over the whole quote run; the subject is the likeliest "he".


def test_quote_run_keeps_the_speaker_its_pronoun_resolved_to() -> None:
    text = (
        "Rep. Ivo Marlow said the caucus would not back the deal.\n\n"
        "\u201cThe leadership has ignored us for years,\u201d he said. "
        "\u201cThey sent the bill to Governor Petra Lindahl without a vote. "
        "And they expect us to cheer.\u201d"
    )
    assert speaker_names(text) == ["Ivo Marlow"] * 4


def test_he_refers_to_the_subject_not_to_a_person_named_later() -> None:
    text = (
        "Sen. Ivo Marlow took a swipe at rivals who have never run a city, like Karl Brandt and Otto Fenn.\n\n"
        "\u201cYou will not have to wonder whether I can do it,\u201d he said."
    )
    claims = claims_of(text)
    assert speaker_of(claims[1]).name == "Ivo Marlow"
    assert speaker_of(claims[1]).resolved_from == "he"


def test_he_after_a_coordinated_subject_takes_the_latest_named() -> None:
    text = (
        "Both Karl Brandt and Ivo Marlow say a deal is near.\n\n"
        "On that point, he said the city had not kept its promise."
    )
    assert speaker_of(claims_of(text)[1]).name == "Ivo Marlow"
