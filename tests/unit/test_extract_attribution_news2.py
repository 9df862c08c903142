"""Speaker attribution in news copy, second audit: the kinds of error a second sample of real news showed.

Every sentence here is invented for these tests. Groups: quotes whose opening mark the copy lost, speech verbs
and phrases ("posted", "shot back:", "was quoted as saying"), appositives, spokespeople and offices ("a
spokesman for ...", "the U.S. attorney in Brooklyn"), a person "in" an outlet, definite descriptions that refer
back to a titled person ("the governor"), pronouns and gender, and names of things, places and outlets that are
not people.
"""

from __future__ import annotations

import pytest
from claimdiff.extract import extract_claims
from claimdiff.extract.attribution import attribute
from claimdiff.extract.descriptions import description_head, gender_of, role_heads
from claimdiff.extract.entities import find_entities
from claimdiff.models import Claim, Speaker


def claims_of(text: str) -> list[Claim]:
    return extract_claims(text, article_id="news2", outlet="courier")


def speaker_of(claim: Claim) -> Speaker:
    assert claim.speaker is not None
    return claim.speaker


def speakers(text: str) -> list[tuple[str, str]]:
    return [(speaker_of(claim).name, speaker_of(claim).kind) for claim in claims_of(text)]


# Quotes whose opening mark is missing from the copy: the closing mark comes first.


@pytest.mark.parametrize(
    "sentence",
    [
        'The budget is a fantasy," Varga said.',
        "The budget is a fantasy,\u201d Varga said.",
        'Who will pay for it?" Varga said.',
    ],
)
def test_a_closing_quote_first_means_the_quote_opened_before(sentence: str) -> None:
    found = attribute(sentence)
    assert found is not None
    assert (found.name, found.cue) == ("Varga", "said")


def test_a_curly_opening_quote_closed_by_a_straight_one_is_still_one_quote() -> None:
    found = attribute('\u201cThe budget is a fantasy and everyone knows it," Varga said in a statement.')
    assert found is not None
    assert (found.name, found.quote) == ("Varga", "direct")


# Speech verbs and phrases missing from the first list.


@pytest.mark.parametrize(
    ("sentence", "name", "cue"),
    [
        ("Mr. Varga was quoted as saying, \u201cThe port will close.\u201d", "Varga", "quoted as saying"),
        ("In 2009 Mr. Varga was quoted as saying that the port would close.", "Varga", "quoted as saying"),
        ("\u201cThe port will close,\u201d he posted on Monday.", "he", "posted"),
        ("Okonkwo shot back: \u201cThe port is fine.\u201d", "Okonkwo", "shot back"),
        ("\u201cThe port is fine,\u201d Okonkwo fired back.", "Okonkwo", "fired back"),
        ("Okonkwo retorted that the port was fine.", "Okonkwo", "retorted"),
    ],
)
def test_more_speech_verbs(sentence: str, name: str, cue: str) -> None:
    found = attribute(sentence)
    assert found is not None
    assert (found.name, found.cue) == (name, cue)


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops fired back at the gunmen on the ridge.",
        "The harbour board posted a loss of $4 million.",
        "So here is Okonkwo's alleged master plan.",
        "Brazil asserted itself in the talks.",
    ],
)
def test_verbs_that_do_not_report_speech_here(sentence: str) -> None:
    assert attribute(sentence) is None


def test_a_report_in_a_subordinate_clause_gives_way_to_the_main_clause() -> None:
    found = attribute(
        "Two days after the Courier first reported that the port would close, Varga announced that he would resign."
    )
    assert found is not None
    assert (found.name, found.cue) == ("Varga", "announced")


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Varga, too, said the port would close.", "Varga", None),
        ("Critics, however, say the port will close.", "Critics", None),
    ],
)
def test_sentence_adverbs_between_commas_are_not_roles(sentence: str, name: str, role: str | None) -> None:
    found = attribute(sentence)
    assert found is not None
    assert (found.name, found.role) == (name, role)


def test_backers_are_a_group() -> None:
    found = attribute("Backers say the toll will pay for the bridge.")
    assert found is not None
    assert (found.name, found.kind) == ("Backers", "group")


# Appositives.


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "Ilse Varga, Mayor Tom Brandt's chief of staff, said the port would close.",
            "Ilse Varga",
            "Mayor Tom Brandt's chief of staff",
        ),
        (
            "In a statement on Monday, the league president, Owen Drake, said the season would start.",
            "Owen Drake",
            "league president",
        ),
        ("\u201cIt is over,\u201d said the spokeswoman, Ada Lindqvist.", "Ada Lindqvist", "spokeswoman"),
        ("\u201cIt is over,\u201d said Ada Lindqvist, the spokeswoman.", "Ada Lindqvist", "the spokeswoman"),
    ],
)
def test_appositives_name_the_speaker(sentence: str, name: str, role: str) -> None:
    found = attribute(sentence)
    assert found is not None
    assert (found.name, found.role) == (name, role)


def test_a_description_with_an_appositive_speaks() -> None:
    found = attribute("The mayor, a Democrat, told the Courier that the port would close.")
    assert found is not None
    assert (found.name, found.role, found.definite) == ("mayor", "a Democrat", True)


# Spokespeople, offices and outlets.


@pytest.mark.parametrize(
    ("sentence", "name", "kind", "role"),
    [
        (
            "A spokesman for the U.S. attorney in Brooklyn said the case was closed.",
            "U.S. attorney in Brooklyn",
            "organization",
            "spokesman",
        ),
        (
            "A spokeswoman for Harbor Foods said the plant would close.",
            "Harbor Foods",
            "organization",
            "spokeswoman",
        ),
        ("A spokeswoman for her said she would testify.", "she", "pronoun", "spokeswoman"),
        ("A lawyer for Ms. Lindqvist said the phone was lost.", "lawyer for Ms. Lindqvist", "person", None),
        (
            "Tara Quill in the Daily Courier explains why the plan failed.",
            "Tara Quill",
            "person",
            "the Daily Courier",
        ),
        ("According to The Beacon, the plan failed.", "Beacon", "organization", None),
        ("NewsPost reported that the plan failed.", "NewsPost", "organization", None),
        ("The Evening Journal reported that the plan failed.", "Evening Journal", "organization", None),
    ],
)
def test_spokespeople_offices_and_outlets(sentence: str, name: str, kind: str, role: str | None) -> None:
    found = attribute(sentence)
    assert found is not None
    assert (found.name, found.kind, found.role) == (name, kind, role)


def test_an_unnamed_lawyer_is_not_the_client() -> None:
    text = "Rosa Lindqvist faces trial.\n\nA lawyer for Ms. Lindqvist said the phone was lost."
    claims = claims_of(text)
    client_id = claims[0].entities[0].id
    lawyer = speaker_of(claims[1])
    assert (lawyer.name, lawyer.kind) == ("lawyer for Ms. Lindqvist", "person")
    assert lawyer.id != client_id


# Definite descriptions refer back to the latest person named with that title.


def test_the_governor_is_the_governor_named_before() -> None:
    text = (
        "Gov. Mara Olsen of Vermont signed the bill on Friday.\n\n"
        "As evidence, the governor said her own daughter had signed a petition."
    )
    speaker = speaker_of(claims_of(text)[1])
    assert (speaker.name, speaker.kind) == ("Mara Olsen", "person")


def test_a_former_governor_is_not_the_governor() -> None:
    text = (
        "Gov. Mara Olsen met former Gov. Piet Haas on Friday.\n\n"
        "The governor said the meeting was useful.\n\n"
        "The former governor said it was too short."
    )
    assert [name for name, _ in speakers(text)[1:]] == ["Mara Olsen", "Piet Haas"]


def test_the_president_is_not_the_vice_president() -> None:
    text = (
        "Vice President Lena Ward arrived first; President Omar Haddad arrived later.\n\n"
        "The president said the summit would be short."
    )
    assert speakers(text)[1][0] == "Omar Haddad"


def test_a_description_without_a_titled_person_stays_a_description() -> None:
    text = "The council met on Friday.\n\nThe governor said the meeting was useful."
    assert speakers(text)[1] == ("governor", "person")


def test_an_indefinite_description_does_not_refer_back() -> None:
    text = "Sen. Rosa Imbert arrived.\n\nA senator said the meeting was useful."
    assert speakers(text)[1] == ("senator", "person")


def test_her_doctor_is_the_doctor_named_before() -> None:
    text = (
        "A letter from Dr. Nadia Kovac, an internist, described the senator's health.\n\n"
        "She also swims every day, her doctor said."
    )
    assert speakers(text)[1][0] == "Nadia Kovac"


# Pronouns and gender.


def test_she_skips_a_man_named_by_an_honorific() -> None:
    text = (
        "Sen. Alma Reyes met the host, Mr. Dorian Wolfe, on Tuesday.\n\n"
        "\u201cWe want the alliance to be strong,\u201d she said."
    )
    assert speakers(text)[1][0] == "Alma Reyes"


def test_she_skips_a_man_with_a_common_male_given_name() -> None:
    text = (
        "Rep. Alma Reyes said she would vote for the bill.\n\n"
        "The bill was drafted by Senator Thomas Grady.\n\n"
        "She said the bill had flaws."
    )
    assert speakers(text)[2][0] == "Alma Reyes"


def test_mrs_picks_the_woman_of_a_couple_with_one_surname() -> None:
    text = (
        "Peter Halloran and Margaret Halloran released their returns.\n\n"
        "Peter Halloran said the returns were complete.\n\n"
        "\u201cWe paid what we owe,\u201d Mrs. Halloran said."
    )
    assert speakers(text)[2][0] == "Margaret Halloran"


# Names of things, places and outlets are not people, and pronouns do not refer to them.


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("He spoke about Social Security.", "other"),
        ("He praised the Monroe Doctrine.", "other"),
        ("He spoke at the Veterans War Memorial Building.", "place"),
        ("He campaigned in New Hampshire.", "place"),
        ("He wrote to the Springfield Gazette.", "organization"),
    ],
)
def test_things_places_and_outlets_are_not_people(text: str, kind: str) -> None:
    entities = [entity for entity in find_entities(text) if entity.text != "He"]
    assert [entity.kind for entity in entities] == [kind]


def test_a_pronoun_does_not_resolve_to_a_thing() -> None:
    text = (
        "Gov. Dale Brandt spoke at the rally.\n\n"
        "He promised to protect Social Security.\n\n"
        "\u201cWe will get it back,\u201d he said."
    )
    assert speakers(text)[2][0] == "Dale Brandt"


# The helpers.


def test_role_heads_and_description_heads() -> None:
    assert role_heads(["former", "Alaska", "Gov."]) == {"former governor"}
    assert role_heads(["Vice", "President"]) == {"vice president"}
    assert role_heads(["Arkansas", "Gov."]) == {"governor"}
    assert description_head("former Alaska governor") == "former governor"
    assert description_head("A.G.") == "attorney general"
    assert description_head("vice president") is None
    assert description_head("striker") is None


def test_gender_from_honorifics_roles_and_given_names() -> None:
    assert gender_of(["Mrs."], "") == "she"
    assert gender_of(["Congressman"], "Alma") == "he"  # the title speaks before the given name
    assert gender_of([], "Margaret") == "she"
    assert gender_of([], "Chris") is None  # a given name of either sex: nothing said


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "House Minority Leader Rosa Imbert spoke first.\n\n\u201cWe will win,\u201d Imbert said.",
            "Rosa Imbert",
        ),
        (
            "Senate President Pro Tem Hal Bristow spoke first.\n\n\u201cWe will win,\u201d Bristow said.",
            "Hal Bristow",
        ),
    ],
)
def test_leader_and_pro_tem_titles_are_not_part_of_the_name(text: str, name: str) -> None:
    assert speakers(text)[1] == (name, "person")


def test_a_surname_after_mrs_is_the_woman_for_later_pronouns_too() -> None:
    text = (
        "Margaret Halloran and her husband, Peter Halloran, released their returns.\n\n"
        "In a statement, Mrs. Halloran listed the taxes she said they had paid."
    )
    speaker = speaker_of(claims_of(text)[1])
    assert (speaker.name, speaker.resolved_from) == ("Margaret Halloran", "she")


# A description that speaks with a circumstance between commas, and a lawyer or spokesperson named once
# and described afterwards.


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Mayor Ann Fry spoke first. The mayor, speaking on Monday, said the plan was dead.", "Ann Fry"),
        (
            "Aitan Goelman, Strzok\u2019s attorney, said the firing was wrong. Strzok\u2019s attorney, "
            "meanwhile, blasted the bureau on Monday, saying the director reversed the decision.",
            "Aitan Goelman",
        ),
        (
            "Aitan Goelman, Strzok\u2019s attorney, said the firing was wrong. The attorney said the "
            "director reversed the decision.",
            "Aitan Goelman",
        ),
        (
            "Tom Rand, a spokesman for the governor, said the plan was sound. The spokesman said the "
            "budget would pass.",
            "Tom Rand",
        ),
    ],
)
def test_a_description_speaks_for_the_person_it_described(text: str, speaker: str) -> None:
    assert speaker_of(claims_of(text)[-1]).name == speaker


def test_an_attorney_general_is_not_the_attorney() -> None:
    assert role_heads(["Attorney", "General"]) == {"attorney general"}
    text = "Attorney General Jeff Sessions said it was fine. The attorney said the plan was legal."
    assert speaker_of(claims_of(text)[-1]).name != "Jeff Sessions"


@pytest.mark.parametrize(
    "text",
    [
        "The bill, in its current form, says nothing of taxes.",
        "The report, released on Monday, said the economy grew.",
    ],
)
def test_a_thing_with_a_circumstance_between_commas_is_no_speaker(text: str) -> None:
    assert speaker_of(claims_of(text)[-1]).kind == "outlet"


@pytest.mark.parametrize(
    "text",
    [
        "\u201cI disagree with his position,\u201d the party leader, Michael Thibodeau, said.",
        '"I disagree with his position," the party leader, Michael Thibodeau, said.',
    ],
)
def test_a_description_and_its_name_after_the_quote_speak(text: str) -> None:
    speaker = speaker_of(claims_of(text)[-1])
    assert (speaker.name, speaker.role) == ("Michael Thibodeau", "party leader")


@pytest.mark.parametrize(
    "description",
    ["the House speaker", "the speaker"],
)
def test_a_description_ending_in_a_role_refers_back_to_the_titled_person(description: str) -> None:
    # A speech verb's subject wins over "according to" (the reporter is the report's source, not the
    # speaker); a capital word before the role ("House") leaves it a description, not a name.
    text = (
        "House Speaker Mark Dunn said on Tuesday that the plan was unclear.\n\n"
        f'"You can end it with an order," {description} said Tuesday on the radio, according to a '
        "Courier reporter, Jo Watts."
    )
    assert speakers(text)[-1] == ("Mark Dunn", "person")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('Lena Hale was quick to retort: "With all due respect, that is nonsense."', ("Lena Hale", "person")),
        ('Sen. Mark Dunn simply tweeted: "Sad day for the town."', ("Mark Dunn", "person")),
    ],
)
def test_a_colon_opening_a_quote_gives_it_to_the_person_the_lead_in_names(
    sentence: str, expected: tuple[str, str]
) -> None:
    assert speakers(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        'The message was clear: "We are coming for the title."',
        'The rule is simple: "No shoes, no service here."',
    ],
)
def test_a_colon_after_no_person_gives_the_quote_to_nobody(sentence: str) -> None:
    assert speakers(sentence) == [("courier", "outlet")]
