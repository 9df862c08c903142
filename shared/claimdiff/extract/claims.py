"""Article text -> claims: one claim per check-worthy sentence, with speaker, polarity, numbers and time.

Decisions (documented for users of the API):

- The unit of a claim is the sentence (``claimdiff.text.sentences``); offsets are exact into the text
  given, even when it contains invisible characters (analysis runs on a view without them).
- The title is not a claim: headlines compress and often overstate; the body says what the outlet
  asserts. A line equal to ``title`` and any heading (a line without terminal punctuation) are skipped.
- Non-claims are dropped: boilerplate ("Share", "Advertisement", "Read more"), bylines, datelines on
  their own, captions that only name people, questions and fragments (``filters.is_non_claim``).
- The speaker is the attributed source (person, group, organisation), or the outlet itself
  (``kind="outlet"``, ``id="outlet:<outlet>"``) when no one is quoted. Quotes that continue over several
  sentences take the attribution found anywhere in the quote run; an unattributed quoted sentence takes
  the speaker of its paragraph; pronouns ("he said") resolve to the most recent compatible named speaker
  (``resolved_from`` says which pronoun). People are canonicalised per article (``PersonRegistry``) in a
  first pass, so "Lavrov said" before "Sergey Lavrov" still gets the full name. A definite description
  ("the agency", "the association", "the club", "the coalition") is the latest organisation or group named
  before whose name fits it (``attribution.DEFINITE_DESCRIPTIONS``: "the agency" fits "... Administration",
  "... Agency", "... Commission"); with none, the description itself is the speaker. "the company" (and
  other generic names of a company) is the latest organisation that spoke, else the latest named.
- Reported speech carries over to the next sentence of the paragraph when that sentence continues it:
  "U.N. officials said Russia was on board. Another mission would go to ..." is still the officials'
  account. The rule is conservative (``_continues_reported_speech``): the sentence before reports speech
  with a verb; the sentence has no quote, no cue and no other person of its own, and opens with a short
  subject and the modal that the sequence of tenses gives (would/could/might/should after "said"; also
  will/can/may/must after "says").
- Interviews ("Q:"/"A:" paragraphs, "NAME:" labels, bold question lines after an introduction that presents
  an interview): questions are not claims; answers (label trimmed off the claim) are the labelled speaker's
  or the interviewee's (the person the introduction presents as interviewed), quote "direct", cue
  "answered"; a short answer right after a question ("No.", "Partly.") is a claim. An answer that
  attributes a claim to someone else keeps that source.
- Lines that link to other stories ("Read more: ...", "READ MORE", "Related: ...", "See also: ...") are
  dropped with every sentence on them.
- Every sentence is read once into a ``claimdiff.text.LowerView`` that all detectors share.
- Spans inside a claim (quantities, entities, time) are offsets into ``claim.text``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import TypeVar

from claimdiff.extract.attribution import (
    ANAPHORIC_ORGANISATIONS,
    DEFINITE_DESCRIPTIONS,
    SPEECH_VERBS,
    Attribution,
    attribute,
    quoted_spans,
)
from claimdiff.extract.descriptions import description_head, gender_of, title_facts
from claimdiff.extract.entities import (
    THING_WORDS,
    PersonRegistry,
    alias_table,
    canonical_id,
    find_entities,
    slug,
)
from claimdiff.extract.filters import checkworthiness, is_non_claim, link_line_end
from claimdiff.extract.polarity import conditional_spans, hedge_spans, is_negated
from claimdiff.extract.proposition import read_propositions
from claimdiff.extract.quantities import find_quantities
from claimdiff.extract.timeexpr import find_times
from claimdiff.models import Claim, Entity, Quantity, QuoteKind, Speaker, SpeakerKind, TimeRef
from claimdiff.text import LowerView, Segment, SegmentKind, lower_view, sentences, visible_view
from claimdiff.text.lexicon import words

_SpanT = TypeVar("_SpanT", Quantity, Entity, TimeRef)
# The id prefix of a speaker known only by a pronoun ("he said") that nothing before resolved.
PRONOUN_SPEAKER = "pronoun:"
_QUOTE_CHAR = re.compile('[\u201c\u201d\u00ab\u00bb\u201e"]')
_OPENING_QUOTES = "\u201c\u00ab\u201e"
_CLOSING_QUOTES = "\u201d\u00bb"
_FEMALE_TITLES = ("mrs", "ms", "miss", "madam", "queen", "princess", "dame")
_MALE_TITLES = ("mr", "king", "prince", "sir", "lord")


def claim_id(article_id: str, start: int, end: int, text: str) -> str:
    """Content-derived claim id ``<article_id>~<10 hex>``: the same article text always yields the same ids.

    The article id can be read back as ``claim_id.rsplit("~", 1)[0]``.
    """
    digest = hashlib.sha1(f"{article_id}|{start}|{end}|{text}".encode(), usedforsecurity=False)
    return f"{article_id}~{digest.hexdigest()[:10]}"


@dataclass
class _Sentence:
    segment: Segment
    text: str  # in the analysis view
    view: LowerView  # computed once, shared by every detector
    quoted: bool  # part of a direct quote run
    run: int | None  # quote run id
    starts_open: bool = False  # continues a quotation opened in an earlier sentence
    attribution: Attribution | None = None
    speaker: Speaker | None = None
    entities: list[Entity] = field(default_factory=list)
    # In an interview: the answer's speaker as labelled ("LOPEZ", "Maria Lopez"), "" for the interviewee.
    answer_by: str | None = None
    # The sentence whose attribution this one took (a quote run, a quoted paragraph), if any.
    attributed_by: _Sentence | None = None
    # The person a subject pronoun opening the sentence stands for ("He did not delete ..."): {"he": id}.
    referents: dict[str, str] = field(default_factory=dict)


def _quote_state(sentence: str, open_quote: bool) -> tuple[bool, bool]:
    """(a quotation opens in the sentence, quote still open at its end)."""
    opens = False
    state = open_quote
    if _QUOTE_CHAR.search(sentence) is None:
        return opens, state
    for match in _QUOTE_CHAR.finditer(sentence):
        char = match.group()
        if char in _OPENING_QUOTES or (char == '"' and not state):
            state = True
            opens = True
        elif char in _CLOSING_QUOTES or char == '"':
            state = False
    return opens, state


# Interviews: "Q: ..." / "A: ..." paragraphs, "NAME: ..." labels, or question lines (bold or not) followed by
# the answer. Questions are not claims; answers are the interviewee's (or the labelled speaker's) own words.
_LABEL = re.compile(
    r"[*_]{0,2}(?P<label>(?P<qa>Q|A|Question|Answer)|[A-Z][\w'\u2019-]*(?:[ ][A-Z][\w'\u2019-]*){0,3})"
    r"[*_]{0,2}[ \t]*(?::|(?<=[QA])\.(?=[ \t]))[*_]{0,2}[ \t]+(?=\S)"
)
_QUESTION_LABELS = frozenset({"q", "question"})
_ANSWER_LABELS = frozenset({"a", "answer"})
_NOT_SPEAKER_LABELS = frozenset(
    words(
        """note update updated correction clarification source sources photo photos video watch
        listen related caption warning disclosure transcript breaking exclusive analysis opinion
        comment background context timeline what why how when where who key bottom the editor
        editors more also plus tip tips step example read see live latest summary highlights
        fact facts factbox recap"""
    )
)
_MARKUP = "*_ \t"
# A label that names no speaker ("Editor's note:", "Correction:"): what follows it is not an answer.
_OTHER_LABEL = re.compile(
    r"[*_]{0,2}[A-Z][\w'\u2019]*(?:[ ]\w[\w'\u2019]*){0,2}[*_]{0,2}:|[(\[]?This interview"
)
_INTERVIEW_CUE = re.compile(
    r"\b(?:interview(?:ed|s)?|(?:spoke|speaks|talked|talks)\s+(?:to|with)|sat\s+down\s+with"
    r"|in\s+conversation\s+with|answered\s+(?:our\s+)?questions|q\s*&\s*a)\b",
    re.IGNORECASE,
)
# "No.", "Partly.", "Not at all.": right after a question, an answer, not a fragment.
_MAX_SHORT_ANSWER_WORDS = 4
_INTERVIEWER_PRONOUNS = frozenset({"i", "we"})
# An interview has question lines: a line that ends with a question mark (before closing quotes or markup).
_QUESTION_LINE_END = re.compile(r"\?[*_\"'\u201d\u2019]*[ \t]*(?:\n|$)")
_LINE_MARKUP = " \t*_#>-\u2022"  # what may precede a line's first word: indentation, markup, a bullet
_INTRODUCTION_BLOCKS = 4  # the title, a standfirst, the introduction: where an interview is announced
_MIN_PLAIN_QUESTIONS = 3  # question lines without labels or bold: several, or they may be rhetorical


@dataclass
class _Interview:
    """What an interview's layout says about its segments (indices into the article's segments)."""

    questions: set[int] = field(default_factory=set)
    answers: dict[int, str] = field(default_factory=dict)  # segment -> speaker label ("" for the interviewee)
    first_of_answer: set[int] = field(default_factory=set)  # the first sentence of an answer to a question
    text_start: dict[int, int] = field(default_factory=dict)  # segment -> where its text starts after a label
    first_question_start: int = 0


def _label_of(text: str, segment: Segment) -> re.Match[str] | None:
    label = _LABEL.match(text, segment.start, segment.end)
    if label is None or label.group("qa"):
        return label
    name = label.group("label")
    if name.lower().split()[0] in _NOT_SPEAKER_LABELS or not all(w[:1].isupper() for w in name.split()):
        return None
    return label


def _is_question(text: str, segments: list[Segment]) -> bool:
    return all(text[s.start : s.end].rstrip(_MARKUP + "\"'\u201d\u2019").endswith("?") for s in segments)


def _read_interview(text: str, segments: list[Segment]) -> _Interview | None:
    """The questions and answers of an interview laid out as one, or None for an ordinary article."""
    paragraphs: list[list[int]] = []  # the segments of each block: a paragraph, or a line of one ("Q: ...")
    for index, segment in enumerate(segments):
        if not paragraphs or "\n" in text[segments[index - 1].end : segment.start]:
            paragraphs.append([])
        paragraphs[-1].append(index)
    labels = [_label_of(text, segments[indices[0]]) for indices in paragraphs]
    questions = [_is_question(text, [segments[i] for i in indices]) for indices in paragraphs]
    qa_labels = [label.group("label").lower() for label in labels if label is not None and label.group("qa")]
    asked = sum(label in _QUESTION_LABELS for label in qa_labels)
    answered = sum(label in _ANSWER_LABELS for label in qa_labels)
    interviewer_labels = {
        label.group("label").lower()
        for label, question in zip(labels, questions, strict=True)
        if label is not None and question and not label.group("qa")
    }
    answering_labels = {
        label.group("label").lower()
        for label, question in zip(labels, questions, strict=True)
        if label is not None and not question and not label.group("qa")
    } - interviewer_labels
    unlabelled_questions = [
        text.startswith(("**", "__"), segments[indices[0]].start)
        for indices, label, question in zip(paragraphs, labels, questions, strict=True)
        if question and label is None
    ]
    if not (
        (asked and (answered or asked >= 2))
        # "GAZETTE: Why ...?" / "HOLLIS: Because ...": an interviewer's label on questions, another on answers.
        or (interviewer_labels and answering_labels and sum(label is not None for label in labels) >= 3)
        # Question lines without labels: bold ones, or several after an introduction that presents an interview.
        or (
            (sum(unlabelled_questions) >= 1 or len(unlabelled_questions) >= _MIN_PLAIN_QUESTIONS)
            and _introduces_interview(text, segments, paragraphs, questions)
        )
    ):
        return None
    interview = _Interview()
    state: str | None = None  # "asked" after a question, "answering" inside an answer
    speaker = ""
    for indices, label, question in zip(paragraphs, labels, questions, strict=True):
        name = label.group("label") if label is not None else None
        lowered = name.lower() if name is not None else None
        if label is not None:
            interview.text_start[indices[0]] = label.end()
        if lowered in _QUESTION_LABELS or lowered in interviewer_labels or (label is None and question):
            if not interview.questions:
                interview.first_question_start = segments[indices[0]].start
            interview.questions.update(indices)
            state = "asked"
            continue
        if label is not None and lowered not in _ANSWER_LABELS:
            speaker = name or ""
        elif label is not None or state != "answering":
            speaker = "" if label is not None or state == "asked" else speaker
        if label is None and (state is None or _OTHER_LABEL.match(text, segments[indices[0]].start)):
            state = None  # the introduction, or a note after the interview ("Editor's note: ...")
            continue
        if state == "asked":
            interview.first_of_answer.add(indices[0])
        for index in indices:
            interview.answers[index] = speaker
        state = "answering"
    return interview if interview.questions else None


def _introduces_interview(
    text: str, segments: list[Segment], paragraphs: list[list[int]], questions: list[bool]
) -> bool:
    """Whether the first paragraphs, before the first question, say that someone was interviewed."""
    for indices, question in zip(paragraphs[:_INTRODUCTION_BLOCKS], questions, strict=False):
        if question:
            return False
        if any(_INTERVIEW_CUE.search(text, segments[i].start, segments[i].end) for i in indices):
            return True
    return False


def _is_short_answer(sentence: str) -> bool:
    """ "No.", "Partly.", "Absolutely not!": a complete answer in a few words."""
    return sentence.endswith((".", "!")) and len(sentence.split()) <= _MAX_SHORT_ANSWER_WORDS


def _interviewee(items: list[_Sentence], before: int) -> str | None:
    """The person an interview's introduction presents as interviewed ("Maria Lopez ... spoke to us"): the
    person speaking in the first sentence with an interview cue before the first question, else the first
    person named in it."""
    for item in items:
        if item.segment.start >= before:
            return None
        if _INTERVIEW_CUE.search(item.text) is None:
            continue
        attribution = item.attribution
        if attribution is not None and attribution.kind == "person" and " " in attribution.name:
            return attribution.name
        person = next((entity for entity in item.entities if entity.kind == "person"), None)
        if person is not None:
            return person.text
    return None


def _read_sentences(kept: list[tuple[Segment, str, LowerView]]) -> list[_Sentence]:
    """Mark quote runs: sentences inside one quotation share a run id, also across paragraphs."""
    out: list[_Sentence] = []
    open_quote = False
    run_id = -1
    paragraph = -1
    for segment, sentence, view in kept:
        reopens = sentence[:1] in _OPENING_QUOTES + '"'
        if segment.paragraph != paragraph:
            paragraph = segment.paragraph
            # A quote open at the end of a paragraph continues only if the next one reopens it.
            open_quote = open_quote and reopens
        starts_open = open_quote
        opens, open_after = _quote_state(sentence, False if reopens else open_quote)
        if opens and not starts_open:
            run_id += 1
        quoted = starts_open or reopens
        in_run = starts_open or opens
        out.append(
            _Sentence(segment, sentence, view, quoted, run_id if in_run else None, starts_open=starts_open)
        )
        open_quote = open_after
    return out


@dataclass
class _Context:
    """What the article has said so far, for resolving pronouns and "the company"."""

    people: PersonRegistry
    outlet: str
    # Speakers by id, in order of their latest mention (latest last): a mention moves a speaker to the end.
    persons: dict[str, Speaker] = field(default_factory=dict)  # persons speaking or mentioned
    organisations: dict[str, Speaker] = field(default_factory=dict)  # organisations speaking or mentioned
    speaking_organisations: list[Speaker] = field(default_factory=list)
    groups: dict[str, Speaker] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)  # person id -> "he" / "she" once known
    # Gender the text states (an honorific, a gendered role noun, a common given name): a pronoun never
    # overrides it, unlike ``gender``, which the first pronoun resolved to a person sets.
    stated_gender: dict[str, str] = field(default_factory=dict)
    # person id -> heads of the titles the person was named with ("governor"), for "the governor said".
    titles: dict[str, set[str]] = field(default_factory=dict)
    # When each organisation or group was last mentioned (a counter): "the agency" takes the latest compatible.
    recency: dict[str, int] = field(default_factory=dict)
    mentions: int = 0
    # One Speaker per (name, id, kind) mentioned: entities recur sentence after sentence. Context speakers
    # never leave the context uncopied (``_speaker_of`` copies them), so sharing them is safe.
    _entity_speakers: dict[tuple[str, str, str], Speaker] = field(default_factory=dict)
    _given_name_read: set[str] = field(default_factory=set)  # person ids whose given name was looked up

    def mention(self, speaker: Speaker) -> None:
        target = {"person": self.persons, "organization": self.organisations, "group": self.groups}.get(
            speaker.kind
        )
        if target is None:
            return
        target.pop(speaker.id, None)
        target[speaker.id] = speaker
        self.mentions += 1
        self.recency[speaker.id] = self.mentions
        if speaker.kind != "person":
            return
        if speaker.id not in self._given_name_read:
            self._given_name_read.add(speaker.id)
            self._note_given_name(speaker.id, speaker.name)
        if not speaker.role:
            return
        role = speaker.role.lower()
        if role.startswith(_FEMALE_TITLES):
            self.gender[speaker.id] = "she"
        elif role.startswith(_MALE_TITLES):
            self.gender[speaker.id] = "he"
        role_words = _leading_title_words(speaker.role.replace(",", " ").split())
        if role_words:
            self.note_titles(speaker.id, role_words)

    def _note_given_name(self, person_id: str, name: str) -> None:
        if person_id not in self.stated_gender and " " in name:
            stated = gender_of([], name.split(None, 1)[0])
            if stated is not None:
                self.stated_gender[person_id] = stated

    def note_titles(self, person_id: str, title_words: list[str]) -> None:
        """Remember the titles and the gender that the words around a person's name give."""
        heads, stated = title_facts(" ".join(title_words))
        if heads:
            self.titles.setdefault(person_id, set()).update(heads)
        if stated is not None:
            self.stated_gender[person_id] = stated

    def described_person(self, head: str) -> Speaker | None:
        """The latest person named with a title this description's head refers to ("the governor")."""
        current = head.removeprefix("former ")  # "the former governor" may be named "Gov." at the time
        for wanted in dict.fromkeys((head, current)):
            for person in reversed(self.persons.values()):
                if wanted in self.titles.get(person.id, ()):
                    return person
        return None

    def gender_of(self, person_id: str) -> str | None:
        """The person's grammatical gender as far as the article says or a pronoun has shown."""
        return self.stated_gender.get(person_id) or self.gender.get(person_id)

    def note_entity_titles(self, text: str, entities: list[Entity]) -> None:
        """Read the titles and honorifics right before each person named in ``text`` ("Arkansas Gov. Asa
        Hutchinson", "Mrs. Clinton"), and the gender of a common given name."""
        for entity in entities:
            if entity.kind != "person":
                continue
            if entity.id not in self._given_name_read:
                self._given_name_read.add(entity.id)
                self._note_given_name(entity.id, self._person_name(entity.id, entity.text))
            if entity.start < 2:
                continue
            previous_start = text.rfind(" ", 0, entity.start - 1) + 1
            previous = text[previous_start : entity.start - 1]
            if not previous or not (previous[:1].isupper() or previous in _TITLE_MODIFIERS):
                continue  # no title right before the name (most mentions): nothing to read
            before = text[max(0, entity.start - _TITLE_WINDOW) : entity.start].split()
            title_words: list[str] = []
            for word in reversed(before[1:] if entity.start >= _TITLE_WINDOW else before):
                if not (word[:1].isupper() or word in _TITLE_MODIFIERS) or word.endswith((",", ";", ":")):
                    break
                title_words.append(word)
            title_words.reverse()
            if title_words:
                self._fit_surname_to_title(entity, title_words)
                self.note_titles(entity.id, title_words)

    def _fit_surname_to_title(self, entity: Entity, title_words: list[str]) -> None:
        """ "Mrs. Clinton" resolved by surname to "Bill Clinton": move the mention to the person with that
        surname whose gender the honorific fits, if the article names one."""
        stated = title_facts(" ".join(title_words))[1]
        if stated is None or " " in entity.text or self.stated_gender.get(entity.id, stated) == stated:
            return
        for other in reversed(self.people.with_surname(entity.text)):
            if self.stated_gender.get(other.id, stated) == stated:
                entity.id = other.id
                return

    def mention_entities(self, entities: list[Entity]) -> None:
        for entity in entities:
            if entity.kind == "person":
                self.mention(
                    self._entity_speaker(self._person_name(entity.id, entity.text), entity.id, "person")
                )
            elif entity.kind == "organization" or (
                entity.kind == "other"
                and len(entity.text.split()) > 1
                and entity.text.rsplit(None, 1)[-1].lower() not in THING_WORDS
            ):
                self.mention(self._entity_speaker(entity.text, entity.id, "organization"))

    def _entity_speaker(self, name: str, speaker_id: str, kind: SpeakerKind) -> Speaker:
        key = (name, speaker_id, kind)
        speaker = self._entity_speakers.get(key)
        if speaker is None:
            speaker = self._entity_speakers[key] = Speaker(name=name, id=speaker_id, kind=kind)
        return speaker

    def _person_name(self, person_id: str, fallback: str) -> str:
        table_name = alias_table().names.get(person_id)
        if table_name:
            return table_name[2]
        person = self.people.resolve(fallback)
        if person.id != person_id:  # a surname moved to another person of that name ("Mrs. Clinton")
            for other in self.people.with_surname(fallback):
                if other.id == person_id:
                    return other.name
        return person.name

    def pronoun(self, pronoun: str) -> Speaker | None:
        lowered = pronoun.lower()
        if lowered in ("he", "she"):
            for person in reversed(self.persons.values()):
                stated = self.stated_gender.get(person.id)
                if (stated or self.gender.get(person.id, lowered)) == lowered:
                    self.gender[person.id] = lowered
                    return person
            return None
        if lowered == "they":
            return _latest(self.groups) or _latest(self.organisations)
        if lowered == "it":
            return _latest(self.organisations)
        return None

    def organisation(self, name: str) -> Speaker | None:
        """A known organisation this name refers to: "the company", "Brennan" for "Brennan Foods", "the
        agency" for the latest "... Administration" or "... Agency", "the club" for "Riverside United"."""
        words = name.lower().split()
        compatible = DEFINITE_DESCRIPTIONS.get(words[-1]) if words else None
        if compatible is not None and all(word[:1].islower() for word in name.split()[:-1]):
            # "the agency", "the federal agency": a description, not a name ("Premier League club" is a name).
            described = self._latest_compatible(compatible)
            if described is not None:
                return described
        if len(words) == 1 and words[0] in ANAPHORIC_ORGANISATIONS:
            if self.speaking_organisations:
                return self.speaking_organisations[-1]
            return _latest(self.organisations)
        for known in reversed(self.organisations.values()):
            known_words = known.name.lower().split()
            if known_words[: len(words)] == words and len(known_words) > len(words):
                return known
        if len(words) == 1 and name[:1].isupper():
            for known in reversed(self.organisations.values()):
                known_words = known.name.lower().split()
                if len(known_words) > 1 and known_words[-1] == words[0]:
                    return known  # "the Times" for "The New York Times"
        return None

    def _latest_compatible(self, name_words: frozenset[str]) -> Speaker | None:
        """The most recently mentioned organisation or group whose name has one of ``name_words``."""
        best: Speaker | None = None
        best_recency = -1
        for known in (*self.organisations.values(), *self.groups.values()):
            recency = self.recency.get(known.id, 0)
            if recency > best_recency and any(
                word.lower().rstrip(".") in name_words for word in known.name.split()
            ):
                best, best_recency = known, recency
        return best


_TITLE_WINDOW = 48  # characters before a name that its titles fit in ("former Alaska Gov.")
_TITLE_MODIFIERS = frozenset({"former", "then", "state", "acting", "deputy", "vice"})
_ROLE_BREAKS = frozenset(words("to of for at in with from by and who"))


def _leading_title_words(role_words: list[str]) -> list[str]:
    """The words of a role before its first preposition ("lawyer for Mrs. Roe" -> ["lawyer"]): what the
    role says about the speaker, not about the person it relates them to."""
    for index, word in enumerate(role_words):
        if word.lower() in _ROLE_BREAKS:
            return role_words[:index]
    return role_words


def _latest(speakers: dict[str, Speaker]) -> Speaker | None:
    """The most recently mentioned speaker of ``speakers``, if any."""
    return next(reversed(speakers.values()), None)


def _speaker_of(attribution: Attribution, context: _Context) -> Speaker | None:
    kind = attribution.kind
    if kind == "pronoun":
        referent = context.pronoun(attribution.name)
        if referent is None:
            return None
        return referent.model_copy(update={"resolved_from": attribution.name, "role": referent.role})
    if kind == "person":
        if attribution.definite:
            head = description_head(attribution.name)
            described = context.described_person(head) if head is not None else None
            if described is not None:
                # "the governor said" after "Gov. Asa Hutchinson": the person named with that title.
                return described.model_copy(update={"role": described.role or attribution.name})
        if attribution.name.split()[-1][:1].islower() or (
            attribution.name[:1].islower() and (" for " in attribution.name or " in " in attribution.name)
        ):  # an unnamed person: "a State Department spokesman", "a lawyer for Ms. Roe", "a resident in Kabul"
            return Speaker(
                name=attribution.name,
                id=f"person:{slug(attribution.name)}",
                kind="person",
                role=attribution.role,
            )
        if " " not in attribution.name and context.people.known_surname(attribution.name) is None:
            organisation = context.organisation(attribution.name)
            if organisation is not None:
                return organisation.model_copy(update={"role": attribution.role})
        person = context.people.resolve(attribution.name)
        stated = gender_of(_leading_title_words((attribution.role or "").split()), "")
        if (
            stated is not None
            and context.gender_of(person.id) not in (None, stated)
            and " " not in attribution.name
        ):
            # "Mrs. Clinton said" after "Bill Clinton" and "Hillary Clinton": the one the honorific fits.
            person = next(
                (
                    other
                    for other in reversed(context.people.with_surname(attribution.name))
                    if context.gender_of(other.id) in (None, stated)
                ),
                person,
            )
        table_name = alias_table().names.get(person.id)
        name = table_name[2] if table_name else person.name
        return Speaker(name=name, id=person.id, kind="person", role=attribution.role)
    if kind == "organization":
        known_org = context.organisation(attribution.name)
        if known_org is not None:
            return known_org.model_copy(update={"role": attribution.role, "resolved_from": None})
        known = canonical_id(attribution.name)
        speaker_id = known[0] if known else f"organization:{slug(attribution.name)}"
        return Speaker(name=attribution.name, id=speaker_id, kind="organization", role=attribution.role)
    name = attribution.name
    return Speaker(name=name, id=f"group:{slug(name)}", kind="group", role=attribution.role)


def _attribute_all(
    items: list[_Sentence], people: PersonRegistry, outlet: str, first_question: int | None = None
) -> None:
    for item in items:
        item.attribution = attribute(
            item.text,
            inside_quote=item.starts_open and item.text[:1] not in _OPENING_QUOTES + '"',
            view=item.view,
        )
        item.entities = find_entities(item.text, people)  # first pass: registers the fullest names
        if item.attribution is not None and item.attribution.kind == "person":
            name = item.attribution.name
            if " " in name and not name.split()[-1][:1].islower():
                people.resolve(name)
    if first_question is not None:
        _attribute_answers(items, _interviewee(items, first_question))
    # Quote runs: the attribution found anywhere in the run applies to the whole run.
    by_run: dict[int, _Sentence] = {}
    for item in items:
        if item.run is not None and item.attribution is not None and item.run not in by_run:
            by_run[item.run] = item
    for item in items:
        if item.run is not None and item.run in by_run and (item.attribution is None or item.quoted):
            source = by_run[item.run]
            if source is not item:
                item.attribution, item.attributed_by = source.attribution, source
    _attribute_quoted_from_paragraph(items)
    context = _Context(people=people, outlet=outlet)
    previous: _Sentence | None = None
    for item in items:
        if (
            item.attribution is None
            and previous is not None
            and previous.segment.paragraph == item.segment.paragraph
            and _continues_reported_speech(item, previous)
        ):
            # "U.N. officials said Russia was on board. Another mission would go to ...": still their account.
            item.attribution = previous.attribution
            item.speaker = previous.speaker.model_copy() if previous.speaker is not None else None
        elif (
            item.attributed_by is not None
            and item.attributed_by.speaker is not None
            and item.attributed_by.attribution is item.attribution
        ):
            # A later sentence of a quote takes the speaker its attribution resolved to: "he" in "..., he said."
            # is who it was there, not whoever the quote itself mentions since.
            item.speaker = item.attributed_by.speaker.model_copy()
        elif item.attribution is not None:
            if item.attribution.kind in ("organization", "person"):
                # "Brennan Foods will close ..., the company said": the referent may sit in the same sentence.
                before_cue = item.attribution.position
                context.mention_entities(
                    [e for e in item.entities if e.kind != "person" and e.end <= before_cue]
                )
            speaker = _speaker_of(item.attribution, context)
            item.speaker = speaker
            if speaker is not None and speaker.resolved_from is None:
                context.mention(speaker)
                if speaker.kind == "organization":
                    context.speaking_organisations.append(speaker)
        item.referents = _opening_pronoun(item, context) or _reported_pronoun(item, context)
        context.note_entity_titles(item.text, item.entities)
        context.mention_entities(_subject_last(item))
        if item.speaker is not None and item.speaker.resolved_from is None:
            context.mention(item.speaker)  # the speaker is the freshest referent for "he said" next
        previous = item


_SUBJECT_PRONOUNS = frozenset(["he", "she"])


def _opening_pronoun(item: _Sentence, context: _Context) -> dict[str, str]:
    """The person the sentence's opening "he" or "she" stands for, resolved as a speaker's pronoun
    is (the latest person of that gender), so that "He did not delete his accounts" is compared
    with "Mr. Farenthold deleted his account". Inside a quote the pronoun is the speaker's own
    account of someone, and stays unresolved."""
    first = item.text.lstrip().split(" ", 1)[0].lower()
    if item.quoted or first not in _SUBJECT_PRONOUNS:
        return {}
    referent = context.pronoun(first)
    return {first: referent.id} if referent is not None and referent.kind == "person" else {}


_REPORTED_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)


def _reported_pronoun(item: _Sentence, context: _Context) -> dict[str, str]:
    """The speaker a "he" or "she" of reported speech stands for: in "Hutchinson said he would ask
    lawmakers to ...", "he" is Hutchinson (of a stated or guessed gender that fits). Inside quotation
    marks the pronoun is the speaker's account of someone else, and stays unresolved."""
    speaker, attribution = item.speaker, item.attribution
    if (
        speaker is None
        or attribution is None
        or attribution.quote != "reported"
        or speaker.kind != "person"
        or speaker.id.startswith(PRONOUN_SPEAKER)
    ):
        return {}
    after_cue = attribution.position + len(attribution.cue)
    quoted = quoted_spans(item.text)
    for found in _REPORTED_PRONOUN.finditer(item.text, after_cue):
        if any(start <= found.start() < end for start, end in quoted):
            continue
        pronoun = found.group().lower()
        gender = context.stated_gender.get(speaker.id) or context.gender.get(speaker.id)
        return {pronoun: speaker.id} if gender in (None, pronoun) else {}
    return {}


_MAX_WORDS_BEFORE_SUBJECT = 4  # "Majority Whip Kevin McCarthy ...", "But Mr. Christie ..."
_MAX_WORDS_BEFORE_CLAUSE = 12  # an opening phrase before the subject: "According to the Times, ..."


def _subject_last(item: _Sentence) -> list[Entity]:
    """The sentence's entities in the order to mention them: a person named at the start of the sentence (its
    subject, the likeliest referent of a "he" in the next sentence) comes last, after the people and places
    the rest of the sentence mentions ("Christie took a swipe at rivals like Ted Cruz. "...," he said.")."""
    entities = item.entities
    first = next((index for index, entity in enumerate(entities) if entity.kind == "person"), None)
    if first is None or first == len(entities) - 1:
        return entities
    before = item.text[: entities[first].start]
    clause = before.rsplit(",", 1)[-1]  # "According to the Times, Mary Cheney ...": the clause's subject
    if len(clause.split()) > _MAX_WORDS_BEFORE_SUBJECT or len(before.split()) > _MAX_WORDS_BEFORE_CLAUSE:
        return entities
    following = entities[first + 1]
    if following.kind == "person" and item.text[entities[first].end : following.start].strip(" ,") in (
        "and",
        "",
    ):
        return entities  # "Kerry and Lavrov say ...": a coordinated subject, the latest named stays last
    return [*entities[:first], *entities[first + 1 :], entities[first]]


def _attribute_answers(items: list[_Sentence], interviewee: str | None) -> None:
    """An interview's answers are their speaker's: the labelled name ("LOPEZ:" -> Lopez, resolved to the
    fullest name given) or the interviewee. An answer that attributes a claim to someone else ("The ministry
    said ...") keeps that attribution; "I said" and "we told" are the answerer's."""
    for item in items:
        if item.answer_by is None:
            continue
        label = item.answer_by
        name = (label.title() if label.isupper() else label) or interviewee
        if not name:
            continue
        own = item.attribution
        if own is not None and not (own.kind == "pronoun" and own.name.lower() in _INTERVIEWER_PRONOUNS):
            continue
        item.attribution = Attribution(name=name, kind="person", cue="answered", quote="direct")


# Reported speech carries over to the next sentence of the paragraph when that sentence continues it with the
# modal that the sequence of tenses gives ("X said Russia was on board. Another mission would go ..."): after
# a past-tense cue only a backshifted modal counts ("will" after "said" is usually the outlet's own voice);
# after a present-tense cue ("says", "say") the present modals count as well.
_BACKSHIFTED_MODALS = frozenset({"would", "could", "might", "should", "wouldn", "couldn", "shouldn"})
_PRESENT_MODALS = _BACKSHIFTED_MODALS | {"will", "can", "cannot", "may", "must", "shall"}
_PAST_CUES = frozenset({"said", "told", "wrote", "thought", "found", "made clear"})
# Words before the modal that show it belongs to a subordinate clause ("It is no surprise he would") or
# to a new thread of the story ("Meanwhile, ...").
_NOT_CONTINUATION = frozenset(
    words(
        """who whom whose which that what where when whether if unless because although though while
        after before since until as meanwhile separately elsewhere earlier later previously
        however but instead asked is are was were be been has have had do does did"""
    )
)
# "The deal would later collapse": the outlet narrates what happened next.
_NARRATIVE_AFTER_MODAL = frozenset({"later", "eventually", "ultimately", "subsequently", "soon", "never"})
_CONTINUATION_WINDOW = 8  # the modal must come within the first words: a short subject, then the verb
_LOWER_WORDS = re.compile(r"[a-z]+")
_SPEECH_WORDS = SPEECH_VERBS | {"according"}  # a sentence with its own cue is not a continuation


def _continues_reported_speech(item: _Sentence, previous: _Sentence) -> bool:
    """Whether ``item`` (unattributed) continues the reported speech of ``previous`` (the sentence before it).

    Conservative: ``previous`` reports someone's speech with a verb cue (not a direct quote, not
    "according to"); ``item`` has no quote, no speech verb and no other person before its verb, and opens
    with "<short subject> <modal> ..." (no comma before the modal) with a modal that fits the cue's tense.
    """
    attribution = previous.attribution
    if (
        attribution is None
        or previous.speaker is None
        or previous.quoted
        or attribution.quote != "reported"
        or attribution.cue == "according to"
        or item.quoted
        or item.run is not None
        or _QUOTE_CHAR.search(item.text) is not None
        or not _SPEECH_WORDS.isdisjoint(item.view.words)
    ):
        return False
    past = attribution.cue in _PAST_CUES or attribution.cue.endswith("ed")
    modals = _BACKSHIFTED_MODALS if past else _PRESENT_MODALS
    if modals.isdisjoint(item.view.words):
        return False
    sentence_words = list(_LOWER_WORDS.finditer(item.view.text, 0, 200))[: _CONTINUATION_WINDOW + 1]
    for index, match in enumerate(sentence_words):
        word = match.group()
        if word in modals:
            if index == 0 or "," in item.text[: match.start()]:
                return False
            after = sentence_words[index + 1].group() if index + 1 < len(sentence_words) else ""
            speaker_id = previous.speaker.id
            return after not in _NARRATIVE_AFTER_MODAL and not any(
                entity.kind == "person" and entity.start < match.start() and entity.id != speaker_id
                for entity in item.entities
            )
        if word in _NOT_CONTINUATION:
            return False
    return False


def _attribute_quoted_from_paragraph(items: list[_Sentence]) -> None:
    """An unattributed quoted sentence takes its paragraph's speaker (before it, else after it), else the
    speaker of the quote that closed the paragraph before. One pass: paragraphs are in order."""
    next_attributed: list[_Sentence | None] = [None] * len(items)
    following: _Sentence | None = None
    for index in range(len(items) - 1, -1, -1):
        next_attributed[index] = following
        if items[index].attribution is not None:
            following = items[index]
        if index and items[index - 1].segment.paragraph != items[index].segment.paragraph:
            following = None
    last_attributed: _Sentence | None = None  # in the current paragraph, as updated by this pass
    last_of_previous_paragraph: _Sentence | None = None
    for index, item in enumerate(items):
        paragraph = item.segment.paragraph
        if index and items[index - 1].segment.paragraph != paragraph:
            last_of_previous_paragraph = (
                items[index - 1] if items[index - 1].segment.paragraph == paragraph - 1 else None
            )
            last_attributed = None
        if item.attribution is None and item.quoted:
            source = last_attributed or next_attributed[index]
            if source is None:
                previous = last_of_previous_paragraph
                if previous is not None and previous.quoted and previous.attribution is not None:
                    source = previous
            if source is not None:
                item.attribution, item.attributed_by = source.attribution, source.attributed_by or source
        if item.attribution is not None:
            last_attributed = item


# "9/11", "24/7": a name or a slogan written in figures, not a count.
_NAME_NUMBER = re.compile(r"\d{1,2}/\d{1,2}")


def _mapper(offsets: list[int] | None, base: int) -> tuple[int, int] | None:
    return None if offsets is None else (offsets[base], base)


def _claim(
    *,
    article_id: str,
    outlet: str,
    index: int,
    full_text: str,
    start: int,
    end: int,
    analysis_text: str,
    view: LowerView,
    to_claim: list[int] | None,
    speaker: Speaker | None,
    attribution: Attribution | None,
    quoted: bool,
    entities: list[Entity],
    published_on: dt.date | None,
    outlet_speaker: Speaker,
    referents: dict[str, str] | None = None,
) -> Claim:
    text = full_text[start:end]
    times: list[TimeRef] = find_times(analysis_text, published_on, view=view)
    # A number inside a date ("Sept. 11") names a day; it counts nothing.
    quantities: list[Quantity] = [
        q
        for q in find_quantities(analysis_text, view=view)
        if not any(t.start < q.end and q.start < t.end for t in times) and not _NAME_NUMBER.fullmatch(q.text)
    ]
    if to_claim is not None:
        quantities = [_moved(q, to_claim, text) for q in quantities]
        entities = [_moved(e, to_claim, text) for e in entities]
        times = [_moved(t, to_claim, text) for t in times]
    time = times[0] if times else None
    negated = is_negated(analysis_text, view=view)
    hedged = bool(hedge_spans(analysis_text, view=view))
    conditional = bool(conditional_spans(analysis_text, view=view))
    attributed = speaker is not None and speaker.kind != "outlet"
    if speaker is None:
        speaker = outlet_speaker
    quote: QuoteKind = "none"
    cue = None
    cue_at: int | None = None
    if attribution is not None and attributed:
        quote = "direct" if quoted or attribution.quote == "direct" else "reported"
        cue = attribution.cue
        found_cue = text.find(cue, to_claim[attribution.position] if to_claim else attribution.position)
        cue_at = found_cue if found_cue >= 0 else None
    speaker_at = text.find(attribution.name) if attribution is not None and attributed else -1
    propositions = read_propositions(
        text,
        cue=cue,
        cue_at=cue_at,
        speaker_at=speaker_at if speaker_at >= 0 else None,
        negative_cue=bool(attribution and attributed and attribution.negative_cue),
        attributed=attributed,
        hedged=hedged,
        conditional=conditional,
        entities=entities,
        times=times,
        referents=referents or {},
    )
    return Claim(
        id=claim_id(article_id, start, end, text),
        article_id=article_id,
        outlet=outlet,
        index=index,
        text=text,
        start=start,
        end=end,
        speaker=speaker,
        cue=cue,
        quote=quote,
        negated=negated,
        hedged=hedged,
        conditional=conditional,
        quantities=quantities,
        entities=entities,
        time=time,
        checkworthiness=checkworthiness(
            analysis_text,
            view=view,
            quantities=len(quantities),
            entities=len(entities),
            attributed=attributed,
            has_time=time is not None,
            negated=negated,
            hedged=hedged,
        ),
        published_on=published_on,
        propositions=propositions,
    )


def _outlet_speaker(outlet: str) -> Speaker:
    return Speaker(name=outlet, id=f"outlet:{outlet}", kind="outlet")


def _moved(span: _SpanT, to_claim: list[int], claim_text: str) -> _SpanT:
    start, end = to_claim[span.start], to_claim[span.end - 1] + 1
    return span.model_copy(update={"start": start, "end": end, "text": claim_text[start:end]})


def _is_title(sentence: str, title: str | None, segment: Segment, first_paragraph: int) -> bool:
    return bool(
        title
        and segment.paragraph == first_paragraph
        and " ".join(sentence.split()) == " ".join(title.split())
    )


def extract_claims(
    text: str,
    *,
    article_id: str,
    outlet: str,
    title: str | None = None,
    published_on: dt.date | None = None,
) -> list[Claim]:
    """Extract the claims of an article's normalised text (``claimdiff.text.normalise``).

    Every claim satisfies ``text[claim.start:claim.end] == claim.text``. See the module docstring for
    what counts as a claim and how speakers are attributed.
    """
    view, offsets = visible_view(text)
    segments = sentences(view)
    if not segments:
        return []
    first_paragraph = segments[0].paragraph
    link_end = 0  # the end of the latest line that links to other stories ("Read more: ...")
    interview = _read_interview(view, segments) if _QUESTION_LINE_END.search(view) else None
    answers: dict[int, str] = {}  # index in ``kept`` -> the answer's speaker label
    kept: list[tuple[Segment, str, LowerView]] = []
    for index, found in enumerate(segments):
        segment = found
        sentence = view[segment.start : segment.end]
        kind: SegmentKind = segment.kind
        if kind == "heading" or _is_title(sentence, title, segment, first_paragraph):
            continue
        if segment.start < link_end:
            continue  # "Read more: <headline>. <more headline>": every sentence of a link line
        # Only a segment that opens a line can open a link line (search back no further than the segment
        # before: linear).
        newline = view.rfind("\n", segments[index - 1].end if index else 0, segment.start)
        line_start = newline + 1
        if (newline >= 0 or index == 0) and not view[line_start : segment.start].strip(_LINE_MARKUP):
            link_end = link_line_end(view, line_start) or 0
            if link_end:
                continue
        if interview is not None:
            if index in interview.questions:
                continue  # a question asserts nothing, even without its question mark ("Q: Tell us why.")
            if index in interview.text_start:
                segment = segment._replace(start=interview.text_start[index])  # "A: No." -> "No."
                sentence = view[segment.start : segment.end]
        lowered = lower_view(sentence)
        if is_non_claim(sentence, kind, view=lowered) and not (
            interview is not None and index in interview.first_of_answer and _is_short_answer(sentence)
        ):
            continue
        if interview is not None and index in interview.answers:
            answers[len(kept)] = interview.answers[index]
        kept.append((segment, sentence, lowered))
    items = _read_sentences(kept)
    for position, label in answers.items():
        items[position].answer_by = label
    people = PersonRegistry()
    _attribute_all(items, people, outlet, interview.first_question_start if interview else None)
    outlet_speaker = _outlet_speaker(
        outlet
    )  # one per article: every claim in the outlet's own voice shares it
    claims: list[Claim] = []
    for item in items:
        start, end = item.segment.start, item.segment.end
        to_claim: list[int] | None = None
        if offsets is not None:
            start, end = offsets[start], offsets[end - 1] + 1
            to_claim = [offsets[i] - start for i in range(item.segment.start, item.segment.end)]
        claims.append(
            _claim(
                article_id=article_id,
                outlet=outlet,
                index=len(claims),
                full_text=text,
                start=start,
                end=end,
                analysis_text=item.text,
                view=item.view,
                to_claim=to_claim,
                speaker=item.speaker,
                attribution=item.attribution,
                quoted=item.quoted,
                entities=item.entities,
                published_on=published_on,
                outlet_speaker=outlet_speaker,
                referents=item.referents,
            )
        )
    return claims


def analyse_sentence(text: str, *, outlet: str = "", published_on: dt.date | None = None) -> Claim:
    """Read one sentence (or short passage) as one claim; offsets are into ``text`` (0..len(text))."""
    view, offsets = visible_view(text)
    lowered = lower_view(view)
    people = PersonRegistry()
    attribution = attribute(view, view=lowered)
    speaker: Speaker | None = None
    if attribution is not None and attribution.kind != "pronoun":
        speaker = _speaker_of(attribution, _Context(people=people, outlet=outlet))
    elif attribution is not None:
        speaker = Speaker(
            name=attribution.name, id=f"{PRONOUN_SPEAKER}{attribution.name.lower()}", kind="person"
        )
    to_claim = None if offsets is None else offsets[:-1]
    return _claim(
        article_id="",
        outlet=outlet,
        index=0,
        full_text=text,
        start=0,
        end=len(text),
        analysis_text=view,
        view=lowered,
        to_claim=to_claim,
        speaker=speaker,
        attribution=attribution,
        quoted=bool(attribution and attribution.quote == "direct"),
        entities=find_entities(view, people),
        published_on=published_on,
        outlet_speaker=_outlet_speaker(outlet),
    )
