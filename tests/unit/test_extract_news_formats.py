"""Extraction on general news formats: interviews (Q&A and labelled transcripts), links to other stories,
speakers named in appositives or with an affiliation, and quantities whose unit follows the number (basis
points, ages, fractions, noun phrases). Every sentence here is invented for these tests."""

from __future__ import annotations

import pytest
from claimdiff.extract import analyse_sentence, extract_claims
from claimdiff.extract.entities import find_entities
from claimdiff.extract.quantities import find_quantities
from claimdiff.models import Claim, Speaker


def claims_of(text: str, title: str | None = None) -> list[Claim]:
    return extract_claims(text, article_id="fmt", outlet="gazette", title=title)


def by_text(claims: list[Claim]) -> dict[str, Claim]:
    return {claim.text: claim for claim in claims}


def speaker_of(claim: Claim) -> Speaker:
    assert claim.speaker is not None
    return claim.speaker


# 2. Interviews: questions are not claims; answers are the interviewee's.

_QA_INTERVIEW = """Water chief on the dry summer

Maria Lopez, who heads the regional water board, spoke to the Gazette about the drought.

Q: How bad is the situation this summer?
A: It is the worst dry spell we have recorded since 1976.

Q: Will there be rationing?
A: No.

Q: Are farmers being compensated?
A: Partly. The board has set aside 12 million euros for them.

Q: Tell us about the reservoirs.

A: They are at 40 percent. I told the minister we need new pipes.
"""


def test_a_q_and_a_interview_gives_answers_to_the_interviewee_and_drops_the_questions() -> None:
    claims = by_text(claims_of(_QA_INTERVIEW, title="Water chief on the dry summer"))
    assert not any("?" in text or text.startswith(("Q:", "Tell us")) for text in claims)
    answers = [
        "It is the worst dry spell we have recorded since 1976.",
        "No.",
        "Partly.",
        "The board has set aside 12 million euros for them.",
        "They are at 40 percent.",
        "I told the minister we need new pipes.",
    ]
    for answer in answers:
        claim = claims[answer]  # the "A: " label is not part of the claim
        assert (speaker_of(claim).name, speaker_of(claim).kind, claim.quote) == (
            "Maria Lopez",
            "person",
            "direct",
        )
    assert claims["No."].negated
    introduction = claims[
        "Maria Lopez, who heads the regional water board, spoke to the Gazette about the drought."
    ]
    assert speaker_of(introduction).kind == "outlet"


def test_the_offsets_of_a_labelled_answer_skip_the_label() -> None:
    for claim in claims_of(_QA_INTERVIEW):
        assert _QA_INTERVIEW[claim.start : claim.end] == claim.text
        assert not claim.text.startswith(("A:", "Q:"))


def test_a_labelled_transcript_gives_each_answer_to_the_labelled_name() -> None:
    text = """Tom Hollis has been the mayor of Brindle since 2019.

GAZETTE: Why did the budget grow?

HOLLIS: Because the pension bill doubled. We had no choice.

GAZETTE: Will taxes rise next year?

HOLLIS: Absolutely not.

Editor's note: the council votes on the budget on March 3.
"""
    claims = by_text(claims_of(text))
    for answer in ("Because the pension bill doubled.", "We had no choice.", "Absolutely not."):
        assert speaker_of(claims[answer]).name == "Tom Hollis"
    assert claims["Absolutely not."].negated
    assert not any(text.startswith(("GAZETTE", "Why", "Will")) for text in claims)
    note = next(claim for claim in claims.values() if claim.text.startswith("Editor's note"))
    assert speaker_of(note).kind == "outlet"


def test_bold_question_lines_are_followed_by_the_interviewees_answers() -> None:
    text = """Five questions for the new coach

We sat down with coach Dana Whitfield after her first week in charge.

**What surprised you most?**

The fitness of the squad. They ran 12 kilometres on the first morning.

**Will you change the captain?**

No.

This interview has been edited for length and clarity.
"""
    claims = by_text(claims_of(text, title="Five questions for the new coach"))
    for answer in ("The fitness of the squad.", "They ran 12 kilometres on the first morning.", "No."):
        assert speaker_of(claims[answer]).name == "Dana Whitfield"
    assert not any("edited for length" in text for text in claims)
    assert not any(text.startswith("**") for text in claims)


def test_an_answer_that_attributes_a_claim_to_someone_else_keeps_that_source() -> None:
    text = """Ana Petrov, the port director, talked to us on Friday.

Q: Who pays for the new crane?
A: The ministry said it would cover half of the cost.
"""
    claim = by_text(claims_of(text))["The ministry said it would cover half of the cost."]
    assert speaker_of(claim).name.lower() == "ministry"


def test_rhetorical_questions_in_an_ordinary_article_do_not_make_an_interview() -> None:
    text = """The council approved the new bridge on Monday, Mayor Jane Ruiz said in an interview.

So why did the vote take so long?

Residents had objected to the toll for two years.

And what happens next?

Work starts in April, the council said.

No.
"""
    claims = by_text(claims_of(text))
    assert speaker_of(claims["Residents had objected to the toll for two years."]).kind == "outlet"
    assert "No." not in claims  # a fragment outside an interview stays filtered


# 3. Links to other stories are never claims.


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Drought hits the northern farms hardest as aid stalls. Here is why it matters to all of us",
        "READ MORE: Council approves the bridge toll after a two-year fight over the river crossing plan",
        "Related: Water prices climb for a third year in a row.",
        "See also: How the reservoirs are managed in dry years and wet years alike across the region",
        "**Related**: How the board spends its money on pipes and pumps.",
        "- Read more: The port will double its capacity by 2030.",
    ],
)
def test_link_lines_are_not_claims(line: str) -> None:
    text = (
        f"The council met on Monday to set the water budget.\n\n{line}\n\nOfficials said prices would rise."
    )
    texts = [claim.text for claim in claims_of(text)]
    assert texts == [
        "The council met on Monday to set the water budget.",
        "Officials said prices would rise.",
    ]


def test_a_bare_read_more_label_takes_the_headline_under_it() -> None:
    text = (
        "The council met on Monday to set the water budget.\n\nREAD MORE\n"
        "Water bills climb for the third year in a row.\n\nOfficials said prices would rise."
    )
    texts = [claim.text for claim in claims_of(text)]
    assert texts == [
        "The council met on Monday to set the water budget.",
        "Officials said prices would rise.",
    ]


def test_a_sentence_that_only_starts_like_a_label_is_still_a_claim() -> None:
    texts = [claim.text for claim in claims_of("Related talks resumed in Geneva on Monday, officials said.")]
    assert texts == ["Related talks resumed in Geneva on Monday, officials said."]


# 4. Speakers in appositives, with honorifics and with an affiliation.


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "The U.K. environment minister, Sir Alistair Roe, said the plan would be reviewed.",
            "Alistair Roe",
            "Sir, U.K. environment minister",
        ),
        (
            "Britain's farming minister, Dame Helen Crane, said the subsidy would stay.",
            "Helen Crane",
            "Dame, Britain's farming minister",
        ),
        (
            "Smith's lawyer, Maria Gomez-Diaz, said her client was innocent.",
            "Maria Gomez-Diaz",
            "Smith's lawyer",
        ),
        (
            "The U.S. ambassador to the U.N., Linda Shaw, said talks would continue.",
            "Linda Shaw",
            "U.S. ambassador to the U.N.",
        ),
        (
            "Prof. Anna Kowal, an economist at Harlow University, wrote in a note that growth would slow.",
            "Anna Kowal",
            "Prof., an economist at Harlow University",
        ),
        (
            "Lt. Col. Marcus Doe of the state police said the road would reopen on Monday.",
            "Marcus Doe",
            "Lt. Col., the state police",
        ),
        (
            "The road would reopen on Monday, said Capt. Lena Ortiz of the harbour police.",
            "Lena Ortiz",
            "Capt., the harbour police",
        ),
        (
            "Dr. Ana Ruiz of Harlow University said the results were clear.",
            "Ana Ruiz",
            "Dr., Harlow University",
        ),
        (
            "Gen. Mark Stone of the 3rd Division said troops would stay.",
            "Mark Stone",
            "Gen., the 3rd Division",
        ),
        ("Mayor Tom Reed of Springfield said the budget was balanced.", "Tom Reed", "Mayor, Springfield"),
        ("Lord Peter Hale said the bill was flawed.", "Peter Hale", "Lord"),
    ],
)
def test_speakers_in_appositives_and_with_affiliations(sentence: str, name: str, role: str) -> None:
    speaker = speaker_of(analyse_sentence(sentence))
    assert (speaker.name, speaker.kind, speaker.role) == (name, "person", role)


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("Sen. Ann Roe of Ohio and Sen. Bo Lind of Utah said the vote was fair.", None, "group"),
        ("The Bank of England said inflation would ease.", "Bank of England", "organization"),
        ("On Monday, Jane Roe said the talks would continue.", "Jane Roe", "person"),
    ],
)
def test_names_with_of_that_are_not_a_person_and_an_affiliation(
    sentence: str, name: str | None, kind: str
) -> None:
    speaker = speaker_of(analyse_sentence(sentence))
    assert speaker.kind == kind
    if name is not None:
        assert speaker.name == name


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "The Ministry of Finance published new figures on Tuesday. The deficit fell to 3 percent, the ministry said.",
            "The deficit fell",
        ),
        (
            "The deficit narrowed to 3 percent, the Ministry of Finance said on Tuesday.",
            "The deficit narrowed",
        ),
        ("The Ministry of the Interior said the border would reopen.", "the border would reopen"),
    ],
)
def test_an_organisation_named_with_of_keeps_its_full_name(text: str, fragment: str) -> None:
    claim = next(claim for claim in claims_of(text) if fragment in claim.text)
    assert speaker_of(claim).kind == "organization"
    assert speaker_of(claim).name.startswith("Ministry of ")


def test_an_organisation_with_of_is_one_entity() -> None:
    entities = find_entities("Officials at the Department of Justice and the Bank of England met.")
    assert [(entity.text, entity.kind) for entity in entities] == [
        ("Department of Justice", "organization"),
        ("Bank of England", "organization"),
    ]


# 5. Quantities keep the unit that follows the number.


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The central bank raised rates by 25 basis points.",
            ("25 basis points", 25.0, 25.0, 25.0, "basis point"),
        ),
        ("The bank cut its rate by 50 bps.", ("50 bps", 50.0, 50.0, 50.0, "basis point")),
        ("A 34-year-old man was arrested at the scene.", ("34-year-old", 34.0, 34.0, 34.0, "age")),
        ("The fifteen-year-old boy was found safe.", ("fifteen-year-old", 15.0, 15.0, 15.0, "age")),
        ("Mr. Kell, 68, met the governor on Tuesday.", ("68", 68.0, 68.0, 68.0, "age")),  # in apposition
        ("The deal lets them stay for three more years.", ("three more years", 3.0, 3.0, 3.0, "year")),
        (
            "The retreat by 23 Senate Democrats angered the left.",
            ("23 Senate Democrats", 23.0, 23.0, 23.0, "democrat"),
        ),
        ("Roughly one quarter of the voters stayed home.", ("Roughly one quarter", 25.0, 22.5, 27.5, "%")),
        ("A quarter of the budget goes to schools.", ("A quarter", 25.0, 25.0, 25.0, "%")),
        ("Half of the precincts reported late.", ("Half", 50.0, 50.0, 50.0, "%")),
        ("Nearly half of all households own a car.", ("Nearly half", 50.0, 45.0, 50.0, "%")),
        ("Three-quarters of respondents agreed.", ("Three-quarters", 75.0, 75.0, 75.0, "%")),
        ("About two-thirds of members backed the plan.", ("About two-thirds", 66.67, 60.0, 73.34, "%")),
        ("Less than a third of voters turned out.", ("Less than a third", 33.33, None, 33.33, "%")),
        (
            "Two cable news networks misreported the story.",
            ("Two cable news networks", 2.0, 2.0, 2.0, "network"),
        ),
        ("Five gas stations closed on the highway.", ("Five gas stations", 5.0, 5.0, 5.0, "station")),
        # Odds are shares: the five are not five voters.
        ("One in five voters stayed home.", ("One in five", 20.0, 20.0, 20.0, "%")),
        ("They gave the bill a 1-in-10 chance.", ("1-in-10", 10.0, 10.0, 10.0, "%")),
        ("Three out of four members backed the plan.", ("Three out of four", 75.0, 75.0, 75.0, "%")),
    ],
)
def test_quantities_keep_their_unit(
    sentence: str, expected: tuple[str, float, float | None, float | None, str]
) -> None:
    quantities = find_quantities(sentence)
    assert len(quantities) == 1
    quantity = quantities[0]
    text, value, low, high, unit = expected
    assert (quantity.text, quantity.unit) == (text, unit)
    assert quantity.value == pytest.approx(value, abs=0.01)
    assert (quantity.low is None, quantity.high is None) == (low is None, high is None)
    if low is not None:
        assert quantity.low == pytest.approx(low, abs=0.01)
    if high is not None:
        assert quantity.high == pytest.approx(high, abs=0.01)
    assert sentence[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Profits rose in the first quarter.",
        "The visitors scored twice in the second half.",
        "The meeting lasted an hour and a half of it in silence.",
        "She won a third term in office.",
    ],
)
def test_fraction_words_that_are_not_shares_are_not_quantities(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_quarters_counted_without_of_stay_a_count() -> None:
    quantities = find_quantities("Profits grew for three quarters in a row.")
    assert [(q.text, q.value, q.unit) for q in quantities] == [("three quarters", 3.0, "quarter")]
