"""Extraction beyond the gold set: definite descriptions, name suffixes, group modifiers, roles, participles,
appositive names, currency codes, scores and polarity. Every sentence here is invented for these tests."""

from __future__ import annotations

import pytest
from claimdiff.extract import analyse_sentence, extract_claims
from claimdiff.extract.entities import PersonRegistry, find_entities, strip_titles
from claimdiff.extract.polarity import is_negated
from claimdiff.extract.quantities import find_quantities
from claimdiff.models import Claim, Speaker
from claimdiff.text import sentences


def claims_of(text: str) -> list[Claim]:
    return extract_claims(text, article_id="gen", outlet="gazette")


def speaker_of(text: str, fragment: str) -> Speaker:
    claims = claims_of(text)
    matches = [claim for claim in claims if fragment in claim.text]
    assert len(matches) == 1, (fragment, [claim.text for claim in claims])
    assert matches[0].speaker is not None
    return matches[0].speaker


# 1. Definite descriptions refer back to the organisation of a compatible kind named before.


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        (
            "The Federal Maritime Administration opened an inquiry on Monday. Dock owners were not told. "
            "The agency said the inspections would take weeks.",
            "inspections would take",
            "Federal Maritime Administration",
        ),
        (
            "The Tidewater Fisheries Commission set new quotas. The agency said stocks had recovered.",
            "stocks had recovered",
            "Tidewater Fisheries Commission",
        ),
        (
            "Members of the Orchard Growers Association met in March with Pellam Foods. "
            "The association said apple prices fell sharply.",
            "apple prices fell",
            "Orchard Growers Association",
        ),
        (
            "Kelby Rovers beat the visitors 2-0 at home. The club said the manager would stay.",
            "manager would stay",
            "Kelby Rovers",
        ),
        (
            "Marston Athletic lost again on Saturday. The club said it would appeal the red card.",
            "appeal the red card",
            "Marston Athletic",
        ),
        (
            "The Clear Rivers Coalition sued Dunmore Chemicals Ltd. over the spill. Dunmore Chemicals Ltd. "
            "called the suit baseless. The coalition said the permit was flawed.",
            "permit was flawed",
            "Clear Rivers Coalition",
        ),
        (
            "The Valley Food Bank Foundation opened a depot. The foundation said demand had doubled.",
            "demand had doubled",
            "Valley Food Bank Foundation",
        ),
    ],
)
def test_a_definite_description_resolves_to_the_latest_compatible_organisation(
    text: str, fragment: str, expected: str
) -> None:
    assert speaker_of(text, fragment).name == expected


def test_a_description_picks_the_compatible_organisation_not_the_latest_one() -> None:
    text = (
        "The Coastal Safety Agency ordered a review of Harwick Ferries. Harwick Ferries cancelled two crossings. "
        "The agency said the review would end in May."
    )
    assert speaker_of(text, "review would end").name == "Coastal Safety Agency"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The association said membership fell by a third last year.", "association"),
        ("The club said the striker had signed a new contract.", "club"),
        ("The coalition said the vote was a turning point for the region.", "coalition"),
    ],
)
def test_a_description_with_nothing_to_refer_to_is_kept_as_the_speaker(text: str, expected: str) -> None:
    speaker = analyse_sentence(text, outlet="gazette").speaker
    assert speaker is not None and speaker.name == expected and speaker.kind != "outlet"


# 2. Corporate and generational suffixes keep their period; sentences still end after them.


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        (
            "Sales rose 12 percent, according to Brightwell Motors Inc.",
            "Sales rose",
            "Brightwell Motors Inc.",
        ),
        (
            "Prices will rise in June, said Ostrava Glassworks Ltd.",
            "Prices will rise",
            "Ostrava Glassworks Ltd.",
        ),
        (
            "The plant was sold to Fenwick Steel Corp. last year. The company said it would hire 200 workers.",
            "hire 200 workers",
            "Fenwick Steel Corp.",
        ),
        (
            "Lorne Bakery Co. opened a second shop. The company said bread sales doubled.",
            "bread sales doubled",
            "Lorne Bakery Co.",
        ),
    ],
)
def test_a_company_suffix_keeps_its_period(text: str, fragment: str, expected: str) -> None:
    assert speaker_of(text, fragment).name == expected


def test_a_generational_suffix_keeps_its_period_in_the_canonical_name() -> None:
    text = "Rates will stay flat, said Walter P. Hume Jr. He spoke after the vote."
    speaker = speaker_of(text, "Rates will stay flat")
    assert speaker.name == "Walter P. Hume Jr." and speaker.kind == "person"


def test_a_suffix_period_in_an_entity_is_part_of_the_entity() -> None:
    entities = find_entities("Prices at Calder Optics Ltd. rose on Monday.")
    assert [(e.text, e.kind) for e in entities if e.kind == "organization"] == [
        ("Calder Optics Ltd.", "organization")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mill belongs to Harlan Paper Ltd. Workers were told on Monday.",
            ["The mill belongs to Harlan Paper Ltd.", "Workers were told on Monday."],
        ),
        (
            "The order went to Gresham Rail Co. Analysts were surprised.",
            ["The order went to Gresham Rail Co.", "Analysts were surprised."],
        ),
        (
            "Rates will stay flat, said Walter P. Hume Jr. Reaching a deal took weeks.",
            ["Rates will stay flat, said Walter P. Hume Jr.", "Reaching a deal took weeks."],
        ),
        (
            "Shares of Brightwell Motors Inc. Chief Executive Ana Ruiz fell.",
            ["Shares of Brightwell Motors Inc. Chief Executive Ana Ruiz fell."],
        ),
        ("She grew up in Co. Kerry with her brothers.", ["She grew up in Co. Kerry with her brothers."]),
        (
            "They marched on Martin Luther King Jr. Day in the rain.",
            ["They marched on Martin Luther King Jr. Day in the rain."],
        ),
    ],
)
def test_a_name_suffix_ends_a_sentence_only_when_a_new_one_starts(text: str, expected: list[str]) -> None:
    assert [text[segment.start : segment.end] for segment in sentences(text)] == expected


# 3. Group speakers keep their modifiers; documents quoted as sources are speakers.


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("European safety regulators said the valve was faulty.", "European safety regulators"),
        ("The bridge was unsafe, local business owners said.", "local business owners"),
        ("Regional water officials said the reservoir was half full.", "Regional water officials"),
        ("Two of the harbour safety inspectors said the crane had failed.", "harbour safety inspectors"),
        ("Last year city officials said costs rose.", "city officials"),
    ],
)
def test_group_speakers_keep_their_modifiers(sentence: str, expected: str) -> None:
    speaker = analyse_sentence(sentence, outlet="gazette").speaker
    assert speaker is not None and (speaker.name, speaker.kind) == (expected, "group")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The mayor earned more than $90,000, according to state disclosure records.",
            "state disclosure records",
        ),
        ("The firm paid $4 million, according to a 2019 court filing.", "2019 court filing"),
        ("Rents rose 9 percent, according to census data.", "census data"),
        ("According to county tax records, the farm changed hands twice.", "county tax records"),
        (
            "Prices rose, according to a report by the Orchard Growers Association.",
            "Orchard Growers Association",
        ),
    ],
)
def test_a_document_named_after_according_to_is_the_source(sentence: str, expected: str) -> None:
    claim = analyse_sentence(sentence, outlet="gazette")
    assert claim.speaker is not None and claim.speaker.name == expected and claim.cue == "according to"


@pytest.mark.parametrize(
    "sentence",
    [
        "The school paid $3,000 for the bus, according to its filing.",
        "The loan was repaid, according to the records.",
    ],
)
def test_a_bare_document_names_no_source(sentence: str) -> None:
    claim = analyse_sentence(sentence, outlet="gazette")
    assert claim.speaker is not None and claim.speaker.kind == "outlet"


def test_they_resolves_to_a_group_with_its_modifiers() -> None:
    text = "European safety regulators said the valve was faulty. They said a recall was likely."
    speaker = speaker_of(text, "recall was likely")
    assert (speaker.name, speaker.resolved_from) == ("European safety regulators", "They")


# 4. Roles before names, participles, appositive names, and verbs that only sometimes report speech.


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Substitute Daniel Okoro", "Daniel Okoro"),
        ("Councillor Mara Lind", "Mara Lind"),
        ("Police Chief Ana Ruiz", "Ana Ruiz"),
        ("Goalkeeper Lena T. Marsh", "Lena T. Marsh"),
        ("House Speaker Dora Vance", "Dora Vance"),
        ("Major Garrett", "Major Garrett"),  # a given name that is also a role: no full name follows
        ("Hunter Vale", "Hunter Vale"),
    ],
)
def test_capitalised_roles_before_a_full_name_are_stripped(name: str, expected: str) -> None:
    assert strip_titles(name) == expected


def test_a_role_mentioned_first_does_not_become_part_of_the_person() -> None:
    text = (
        "Substitute Daniel Okoro scored twice in the second half. "
        "Okoro said the team deserved the win. He added that the pitch was heavy."
    )
    deserved = speaker_of(text, "deserved the win")
    assert (deserved.name, deserved.id) == ("Daniel Okoro", PersonRegistry().resolve("Daniel Okoro").id)
    assert speaker_of(text, "pitch was heavy").name == "Daniel Okoro"


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ('"We fought to the end," said striker Daniel Okoro.', "Daniel Okoro", "striker"),
        ('"It was tight," said club captain Ana Ruiz.', "Ana Ruiz", "club captain"),
        ("Sales rose, said former coach Ben Hale.", "Ben Hale", "former coach"),
    ],
)
def test_lower_case_roles_after_the_verb_are_split_off(sentence: str, name: str, role: str) -> None:
    speaker = analyse_sentence(sentence).speaker
    assert speaker is not None and (speaker.name, speaker.role) == (name, role)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Councillor Mara Lind voted against it, saying the plan was rushed.", "Mara Lind"),
        ("On Monday, the council rejected the budget, saying it was too costly.", "council"),
        ("Two members voted against the plan, saying the vote was premature.", "members"),
        ("Ruiz, the club captain, resigned, saying the board had failed.", "Ruiz"),
        ("Judge Nora Bell dissented, writing that the statute was clear.", "Nora Bell"),
        ("Lind quit the board in May, noting that she had served nine years.", "Lind"),
    ],
)
def test_a_participle_reports_the_speech_of_the_main_clause_subject(sentence: str, expected: str) -> None:
    speaker = analyse_sentence(sentence, outlet="gazette").speaker
    assert speaker is not None and speaker.name == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The firm grew quickly last year, adding 5,000 jobs.",
        "While the rival team pointed to the budget, prices rose again, saying nothing new.",
        "Ten minutes later the crowd left the square, saying little.",
    ],
)
def test_a_participle_without_a_clear_subject_names_no_speaker(sentence: str) -> None:
    speaker = analyse_sentence(sentence, outlet="gazette").speaker
    assert speaker is not None and speaker.kind == "outlet"


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        (
            "The supplier, Kestrel Cells Ltd., denied that the batteries were faulty.",
            "Kestrel Cells Ltd.",
            "organization",
        ),
        ("The regulator, Ofwen, said bills would rise.", "Ofwen", "organization"),
        ("Her lawyer, Maria Gomez, said the charges were baseless.", "Maria Gomez", "person"),
    ],
)
def test_a_name_in_an_appositive_before_the_verb_is_the_speaker(sentence: str, name: str, kind: str) -> None:
    speaker = analyse_sentence(sentence, outlet="gazette").speaker
    assert speaker is not None and (speaker.name, speaker.kind) == (name, kind)


def test_recalled_with_an_object_is_not_speech_but_recalled_that_is() -> None:
    text = (
        "Brightwell Motors Inc. makes electric scooters. Chief executive Arno Vale said the company was sound. "
        "In 2023 it recalled 4,000 scooters.\n\nIt recalled that sales fell after the fire."
    )
    assert speaker_of(text, "recalled 4,000 scooters").kind == "outlet"
    assert speaker_of(text, "recalled that sales fell").name == "Brightwell Motors Inc."


def test_a_sentence_without_a_cue_stays_in_the_outlet_voice_after_a_quote() -> None:
    text = 'Brightwell Motors Inc. makes scooters. "We stand by our product," Vale said. In 2023 it recalled 4,000 of them.'
    assert speaker_of(text, "In 2023").kind == "outlet"


# 5. Quantities: currency codes, hyphenated scales, scores after a name.


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The fund raised EUR 40 million in March.", "EUR 40 million", 40e6, "EUR"),
        ("Shares closed at EUR 18.40 on Friday.", "EUR 18.40", 18.4, "EUR"),
        ("The club owes GBP 2.5 million to the bank.", "GBP 2.5 million", 2.5e6, "GBP"),
        ("The ticket cost CHF 300 at the door.", "CHF 300", 300.0, "CHF"),
        ("Tokyo paid JPY 1,000 per share.", "JPY 1,000", 1000.0, "JPY"),
        ("The deal is worth USD 5.5 billion.", "USD 5.5 billion", 5.5e9, "USD"),
        ("The company raised $53.7-million last year.", "$53.7-million", 53.7e6, "USD"),
        ("The port spent C$ 20 million on cranes.", "C$ 20 million", 20e6, "CAD"),
    ],
)
def test_currency_codes_and_hyphenated_scales(sentence: str, text: str, value: float, unit: str) -> None:
    (quantity,) = find_quantities(sentence)
    assert (quantity.text, quantity.value, quantity.unit) == (text, value, unit)
    assert sentence[quantity.start : quantity.end] == quantity.text


def test_a_lower_case_code_like_word_is_no_currency() -> None:
    (quantity,) = find_quantities("They will try 5 more times.")
    assert quantity.unit != "TRY"


@pytest.mark.parametrize(
    ("sentence", "score"),
    [
        ("Northfield beat Harbor City 3-2 on Sunday.", "3-2"),
        ("Down 3-2, the visitors pushed forward.", "3-2"),
        ("Harbor City lost 3\u20132 to Northfield.", "3\u20132"),
        ("The Senate vote was 52-48 after midnight.", "52-48"),
    ],
)
def test_scores_are_quantities_in_any_position(sentence: str, score: str) -> None:
    assert score in [quantity.text for quantity in find_quantities(sentence)]


def test_an_identifier_after_a_name_is_still_not_a_quantity() -> None:
    assert find_quantities("The council passed Resolution 2254 on Friday.") == []


# 6. Polarity: bare contractions, coordinated negations, pronoun-like quantifiers.


@pytest.mark.parametrize(
    "sentence",
    [
        "We havent seen the data yet.",
        "They dont know who signed it.",
        "It doesnt matter to the board.",
        "The road isnt open.",
        "The union wont back the deal.",
        "We cant afford the rent.",
        "She didnt sign the letter.",
    ],
)
def test_contractions_without_apostrophes_negate(sentence: str) -> None:
    assert is_negated(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The plant is not safe and is not compliant.",
        "The plant is not safe and not compliant.",
        "The plant is not safe nor compliant.",
        "He did not confirm or deny the report.",
        "The mayor never called and never wrote.",
    ],
)
def test_coordinated_negations_do_not_cancel(sentence: str) -> None:
    assert is_negated(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["It is not impossible.", "He never failed to pay his rent.", "It is safe and compliant."],
)
def test_double_negation_and_plain_sentences_are_not_negated(sentence: str) -> None:
    assert not is_negated(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Nobody was hurt in the blast.",
        "Everyone left the hall by noon.",
        "Someone called the police at once.",
    ],
)
def test_pronoun_like_quantifiers_are_not_entities(sentence: str) -> None:
    assert find_entities(sentence) == []
    claim = analyse_sentence(sentence, outlet="gazette")
    assert claim.speaker is not None and claim.speaker.kind == "outlet"
