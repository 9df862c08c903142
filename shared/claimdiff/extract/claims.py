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
  first pass, so "Lavrov said" before "Sergey Lavrov" still gets the full name.
- Spans inside a claim (quantities, entities, time) are offsets into ``claim.text``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import TypeVar

from claimdiff.extract.attribution import ANAPHORIC_ORGANISATIONS, Attribution, attribute
from claimdiff.extract.entities import PersonRegistry, alias_table, canonical_id, find_entities, slug
from claimdiff.extract.filters import checkworthiness, is_non_claim
from claimdiff.extract.polarity import conditional_spans, hedge_spans, is_negated
from claimdiff.extract.quantities import find_quantities
from claimdiff.extract.timeexpr import find_time
from claimdiff.models import Claim, Entity, Quantity, QuoteKind, Speaker, TimeRef
from claimdiff.text import Segment, SegmentKind, sentences, visible_view

_SpanT = TypeVar("_SpanT", Quantity, Entity, TimeRef)
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
    quoted: bool  # part of a direct quote run
    run: int | None  # quote run id
    starts_open: bool = False  # continues a quotation opened in an earlier sentence
    attribution: Attribution | None = None
    speaker: Speaker | None = None
    entities: list[Entity] = field(default_factory=list)


def _quote_state(sentence: str, open_quote: bool) -> tuple[bool, bool]:
    """(a quotation opens in the sentence, quote still open at its end)."""
    opens = False
    state = open_quote
    for match in _QUOTE_CHAR.finditer(sentence):
        char = match.group()
        if char in _OPENING_QUOTES or (char == '"' and not state):
            state = True
            opens = True
        elif char in _CLOSING_QUOTES or char == '"':
            state = False
    return opens, state


def _read_sentences(view: str, segments: list[Segment]) -> list[_Sentence]:
    """Mark quote runs: sentences inside one quotation share a run id, also across paragraphs."""
    out: list[_Sentence] = []
    open_quote = False
    run_id = -1
    paragraph = -1
    for segment in segments:
        sentence = view[segment.start : segment.end]
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
        out.append(_Sentence(segment, sentence, quoted, run_id if in_run else None, starts_open=starts_open))
        open_quote = open_after
    return out


@dataclass
class _Context:
    """What the article has said so far, for resolving pronouns and "the company"."""

    people: PersonRegistry
    outlet: str
    persons: list[Speaker] = field(default_factory=list)  # persons speaking or mentioned, latest last
    organisations: list[Speaker] = field(default_factory=list)  # organisations speaking or mentioned
    speaking_organisations: list[Speaker] = field(default_factory=list)
    groups: list[Speaker] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)  # person id -> "he" / "she" once known

    def mention(self, speaker: Speaker) -> None:
        target = {"person": self.persons, "organization": self.organisations, "group": self.groups}.get(
            speaker.kind
        )
        if target is None:
            return
        target[:] = [s for s in target if s.id != speaker.id]
        target.append(speaker)
        role = (speaker.role or "").lower()
        if speaker.kind == "person" and role.startswith(_FEMALE_TITLES):
            self.gender[speaker.id] = "she"
        elif speaker.kind == "person" and role.startswith(_MALE_TITLES):
            self.gender[speaker.id] = "he"

    def mention_entities(self, entities: list[Entity]) -> None:
        for entity in entities:
            if entity.kind == "person":
                self.mention(
                    Speaker(name=self._person_name(entity.id, entity.text), id=entity.id, kind="person")
                )
            elif entity.kind == "organization" or (entity.kind == "other" and len(entity.text.split()) > 1):
                self.mention(Speaker(name=entity.text, id=entity.id, kind="organization"))

    def _person_name(self, person_id: str, fallback: str) -> str:
        table_name = alias_table().names.get(person_id)
        if table_name:
            return table_name[2]
        person = self.people.resolve(fallback)
        return person.name

    def pronoun(self, pronoun: str) -> Speaker | None:
        lowered = pronoun.lower()
        if lowered in ("he", "she"):
            for person in reversed(self.persons):
                if self.gender.get(person.id, lowered) == lowered:
                    self.gender[person.id] = lowered
                    return person
            return None
        if lowered == "they":
            return self.groups[-1] if self.groups else self.organisations[-1] if self.organisations else None
        if lowered == "it":
            return self.organisations[-1] if self.organisations else None
        return None

    def organisation(self, name: str) -> Speaker | None:
        """A known organisation this name refers to: "the company", "Brennan" for "Brennan Foods"."""
        words = name.lower().split()
        if len(words) == 1 and words[0] in ANAPHORIC_ORGANISATIONS:
            candidates = self.speaking_organisations or self.organisations
            return candidates[-1] if candidates else None
        for known in reversed(self.organisations):
            known_words = known.name.lower().split()
            if known_words[: len(words)] == words and len(known_words) > len(words):
                return known
        return None


def _speaker_of(attribution: Attribution, context: _Context) -> Speaker | None:
    kind = attribution.kind
    if kind == "pronoun":
        referent = context.pronoun(attribution.name)
        if referent is None:
            return None
        return referent.model_copy(update={"resolved_from": attribution.name, "role": referent.role})
    if kind == "person":
        if attribution.name.split()[-1][:1].islower():
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


def _attribute_all(items: list[_Sentence], people: PersonRegistry, outlet: str) -> None:
    for item in items:
        item.attribution = attribute(
            item.text, inside_quote=item.starts_open and item.text[:1] not in _OPENING_QUOTES + '"'
        )
        item.entities = find_entities(item.text, people)  # first pass: registers the fullest names
        if item.attribution is not None and item.attribution.kind == "person":
            name = item.attribution.name
            if " " in name and not name.split()[-1][:1].islower():
                people.resolve(name)
    # Quote runs: the attribution found anywhere in the run applies to the whole run.
    by_run: dict[int, Attribution] = {}
    for item in items:
        if item.run is not None and item.attribution is not None and item.run not in by_run:
            by_run[item.run] = item.attribution
    for item in items:
        if item.run is not None and item.run in by_run and (item.attribution is None or item.quoted):
            item.attribution = by_run[item.run]
    # An unattributed quoted sentence takes its paragraph's speaker (before it, else after it), else the
    # speaker of the quote that closed the paragraph before.
    for index, item in enumerate(items):
        if item.attribution is not None or not item.quoted:
            continue
        paragraph = item.segment.paragraph
        before = [o for o in items[:index] if o.segment.paragraph == paragraph and o.attribution]
        after = [o for o in items[index + 1 :] if o.segment.paragraph == paragraph and o.attribution]
        source = before[-1] if before else after[0] if after else None
        if source is None:
            previous = [o for o in items[:index] if o.segment.paragraph == paragraph - 1]
            if previous and previous[-1].quoted and previous[-1].attribution is not None:
                source = previous[-1]
        if source is not None and source.attribution is not None:
            item.attribution = source.attribution
    context = _Context(people=people, outlet=outlet)
    for item in items:
        if item.attribution is not None and item.attribution.kind in ("organization", "person"):
            # "Brennan Foods will close ..., the company said": the referent may sit in the same sentence.
            before_cue = item.attribution.position
            context.mention_entities([e for e in item.entities if e.kind != "person" and e.end <= before_cue])
        if item.attribution is not None:
            speaker = _speaker_of(item.attribution, context)
            item.speaker = speaker
            if speaker is not None and speaker.resolved_from is None:
                context.mention(speaker)
                if speaker.kind == "organization":
                    context.speaking_organisations.append(speaker)
        context.mention_entities(item.entities)
        if item.speaker is not None and item.speaker.resolved_from is None:
            context.mention(item.speaker)  # the speaker is the freshest referent for "he said" next


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
    to_claim: list[int] | None,
    speaker: Speaker | None,
    attribution: Attribution | None,
    quoted: bool,
    entities: list[Entity],
    published_on: dt.date | None,
) -> Claim:
    text = full_text[start:end]
    quantities: list[Quantity] = find_quantities(analysis_text)
    time: TimeRef | None = find_time(analysis_text, published_on)
    if to_claim is not None:
        quantities = [_moved(q, to_claim, text) for q in quantities]
        entities = [_moved(e, to_claim, text) for e in entities]
        time = _moved(time, to_claim, text) if time is not None else None
    negated = is_negated(analysis_text)
    hedged = bool(hedge_spans(analysis_text))
    attributed = speaker is not None and speaker.kind != "outlet"
    if speaker is None:
        speaker = Speaker(name=outlet, id=f"outlet:{outlet}", kind="outlet")
    quote: QuoteKind = "none"
    cue = None
    if attribution is not None and attributed:
        quote = "direct" if quoted or attribution.quote == "direct" else "reported"
        cue = attribution.cue
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
        conditional=bool(conditional_spans(analysis_text)),
        quantities=quantities,
        entities=entities,
        time=time,
        checkworthiness=checkworthiness(
            analysis_text,
            quantities=len(quantities),
            entities=len(entities),
            attributed=attributed,
            has_time=time is not None,
            negated=negated,
            hedged=hedged,
        ),
        published_on=published_on,
    )


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
    kept: list[Segment] = []
    for segment in segments:
        sentence = view[segment.start : segment.end]
        kind: SegmentKind = segment.kind
        if _is_title(sentence, title, segment, first_paragraph) or is_non_claim(sentence, kind):
            continue
        kept.append(segment)
    items = _read_sentences(view, kept)
    people = PersonRegistry()
    _attribute_all(items, people, outlet)
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
                to_claim=to_claim,
                speaker=item.speaker,
                attribution=item.attribution,
                quoted=item.quoted,
                entities=item.entities,
                published_on=published_on,
            )
        )
    return claims


def analyse_sentence(text: str, *, outlet: str = "", published_on: dt.date | None = None) -> Claim:
    """Read one sentence (or short passage) as one claim; offsets are into ``text`` (0..len(text))."""
    view, offsets = visible_view(text)
    people = PersonRegistry()
    attribution = attribute(view)
    speaker: Speaker | None = None
    if attribution is not None and attribution.kind != "pronoun":
        speaker = _speaker_of(attribution, _Context(people=people, outlet=outlet))
    elif attribution is not None:
        speaker = Speaker(name=attribution.name, id=f"pronoun:{attribution.name.lower()}", kind="person")
    to_claim = None if offsets is None else offsets[:-1]
    return _claim(
        article_id="",
        outlet=outlet,
        index=0,
        full_text=text,
        start=0,
        end=len(text),
        analysis_text=view,
        to_claim=to_claim,
        speaker=speaker,
        attribution=attribution,
        quoted=bool(attribution and attribution.quote == "direct"),
        entities=find_entities(view, people),
        published_on=published_on,
    )
