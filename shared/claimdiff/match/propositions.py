"""Two claims' propositions side by side: which slots conflict, and whether they may contradict at all.

Reads only what extraction stored on each claim (``Claim.proposition``, ``Claim.speaker``); a slot
that extraction could not read is unknown, and an unknown slot never conflicts.

- ``slot_findings``: a predicate denied on one side only, an antonym predicate, swapped roles, and
  done against not yet done (two dates for one event are found by ``features``, from the same
  anchored times).
- ``may_contradict``: both sides assert the claim as fact (the outlets in their own voice, or the same
  source quoted on both sides) and neither is an opinion. A politician's quote against an outlet's
  report is news, not a contradiction between outlets.
- ``equivalence_blocked``: the slots that must agree before two claims are called the same claim.
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz import fuzz

from claimdiff.extract.attribution import SPEECH_VERBS, quoted_spans
from claimdiff.extract.claims import PRONOUN_SPEAKER
from claimdiff.match.features import (
    ClaimView,
    Finding,
    dated_apart,
    event_times,
    evidence_at,
    names_speaker,
    proper_name,
    quantities_compatible,
    same_person,
    times_differ,
    unit_key,
)
from claimdiff.match.figures import distinct_periods, frames_apart
from claimdiff.match.lexicon import (
    DECISIVE_CONCEPTS,
    STOP_WORDS,
    antonym_senses,
    opposite_by_prefix,
    word_stem,
)
from claimdiff.match.quotes import quoted_passages, quoted_words, same_quote
from claimdiff.models import Argument, Claim, Predicate, Proposition, Quantity, ReasonCode
from claimdiff.text.verbs import CONTEST_LEMMAS, is_past_form

_DONE = "done"
_CLOSING = "\u201d"
_MOSTLY_QUOTED = 0.5
_UNKNOWN_QUOTE = "unknown-quote"
_SAME_QUOTED_WORDS = 80  # token_set_ratio of two renderings of one quote
_FUNCTION_WORDS = frozenset(
    ["the", "and", "of", "for", "with", "his", "her", "its", "their", "this", "that", "one", "two"]
)
_NOT_YET = frozenset(["planned", "close"])


def lemma_key(predicate: Predicate) -> str:
    """What two predicates are compared by: the lemma's stem, synonyms meeting ("supply", "provide")."""
    return word_stem(predicate.lemma.lower())


def clause_pairs(a: Claim, b: Claim) -> list[tuple[Proposition, Proposition]]:
    """Every pair of read clauses, one from each claim (main clauses first)."""
    return [
        (pa, pb)
        for pa in a.propositions
        for pb in b.propositions
        if pa.predicate is not None and pb.predicate is not None
    ]


def comparable(a: ClaimView, b: ClaimView) -> bool:
    """Whether a difference found in the words may be a conflict about one event.

    Some clause of each claim has its predicate read, the two predicates are the same, opposite, or
    one appears in the other claim ("sitting and writing a note" against "no man writing a note"),
    and no role holds two different participants.
    """
    if not a.claim.propositions or not b.claim.propositions:
        return True  # claims stored before propositions were read: judged by their words, as then
    stems_a, stems_b = set(a.stems), set(b.stems)
    for pa, pb in clause_pairs(a.claim, b.claim):
        assert pa.predicate is not None and pb.predicate is not None
        if _participants_differ(pa, pb):
            continue
        key_a, key_b = lemma_key(pa.predicate), lemma_key(pb.predicate)
        if (
            key_a == key_b
            or _antonym_concept(pa.predicate, pb.predicate)
            or key_a in stems_b
            or key_b in stems_a
        ):
            return True
    return False


def _participants_differ(pa: Proposition, pb: Proposition) -> bool:
    """Whether a role holds two participants known to be different: two named entities, or two
    pronouns ("we" / "I"), with no word in common. Two common nouns may name one thing ("a dog" /
    "two dachshunds"), so they are not known to differ."""
    for role in ("agent", "patient"):
        ka, kb = _keys(pa, role), _keys(pb, role)
        if not ka or not kb or ka & kb or _words(pa, role) & _words(pb, role):
            continue
        if all(":" in k for k in ka | kb) or all(k in _PRONOUNS for k in ka | kb):
            return True
    return False


def _words(proposition: Proposition, role: str) -> set[str]:
    """The participant's words, and the surname of a person it was resolved to ("he" read as
    person:c-brandt meets "Brandt")."""
    found: set[str] = set()
    for argument in proposition.arguments:
        if argument.role != role:
            continue
        found.update(
            word_stem(w)
            for w in argument.text.lower().split()
            if len(w) > 2 and w not in _FUNCTION_WORDS and not w[:1].isdigit()
        )
        if argument.key.startswith(_PERSON) and argument.text.lower() in _PRONOUNS:
            found.add(word_stem(argument.key.rsplit("-", 1)[-1]))
    return found


_PERSON = "person:"
_LIGHT_VERBS = frozenset(word_stem(w) for w in ("be", "have", "do", "make", "get"))
_POINTING = frozenset(["that", "this", "these", "those", "it", "he", "she", "they"])
_PRONOUNS = frozenset(["i", "we", "you", "he", "she", "they", "me", "us", "him", "her", "them"])
# Participants that can stand for anyone: "a person is playing" is said of the man who plays.
_GENERIC_PARTICIPANTS = frozenset(["person", "people", "someone", "somebody", "one", "anyone", "it"])
_NOBODY = frozenset(["nobody", "none", "noone", "no-one"])
_VALUED: frozenset[ReasonCode] = frozenset({"quantity", "time"})
_TITLES = frozenset(["mr", "mrs", "ms", "dr", "the", "a", "an", "sen", "rep", "gov", "president"])
_SAME_STATEMENT = 80  # quoted words this close are one statement with a word or two edited
_MAX_ADDED = 3  # words of its own a claim may add around a shared quote ("in a statement on Friday")


def _anyone(proposition: Proposition) -> bool:
    """Whether the clause's agent stands for anyone ("not a one defended him", "nobody came"): its
    negation counts people, and says nothing against one named person doing it."""
    return any(a.role == "agent" and a.key in _GENERIC_PARTICIPANTS | _NOBODY for a in proposition.arguments)


def _keys(proposition: Proposition, role: str) -> set[str]:
    return {
        argument.key
        for argument in proposition.arguments
        if argument.role == role
        and argument.key not in _GENERIC_PARTICIPANTS
        and not argument.key[:1].isdigit()
    }  # a figure ("voted 97-1") is a slot of its own, compared as a quantity, not a participant


def _named_participant(pa: Proposition, pb: Proposition) -> bool:
    """Whether the two clauses share a participant known by name (an entity, not a common noun)."""
    for role in ("agent", "patient"):
        names_a, names_b = (
            {
                word_stem(w.lower())
                for a in p.arguments
                if a.role == role
                for w in a.text.split()
                if w[:1].isupper() and w.lower().rstrip(".") not in _TITLES and w.lower() not in _POINTING
            }
            for p in (pa, pb)
        )
        if names_a & names_b:
            return True
    return False


def _both_roles_shared(pa: Proposition, pb: Proposition) -> bool:
    """Whether the clauses share their agent and their patient alike (by key or by a word): one act
    of one doer on one thing, however differently the rest is worded."""
    return all(
        (ka := _keys(pa, role))
        and (kb := _keys(pb, role))
        and (ka & kb or _words(pa, role) & _words(pb, role))
        for role in ("agent", "patient")
    )


def _same_participants(pa: Proposition, pb: Proposition) -> bool:
    """Every role both clauses fill holds the same participant (same key or a word in common), and
    at least one role is filled on both sides: "no man playing a piano" says nothing of a man playing
    a guitar."""
    shared = False
    contest = pa.predicate is not None and lemma_key(pa.predicate) in CONTEST_LEMMAS
    for role in ("agent", "patient"):
        ka, kb = _keys(pa, role), _keys(pb, role)
        if not ka or not kb:
            continue
        if contest and role == "patient" and not all(":" in k for k in ka | kb):
            continue  # what was won is the vote on one side, the named opponent on the other
        if _same_pronoun(pa, pb, role):
            shared = True
            continue
        if not (ka & kb or _words(pa, role) & _words(pb, role)):
            return False
        if (ka | kb) & _POINTING and ka != kb:
            return False  # "that" on one side, a named thing on the other: not known to be one participant
        shared = True
    return shared


def _same_pronoun(pa: Proposition, pb: Proposition, role: str) -> bool:
    """An unresolved pronoun on one side and the same pronoun resolved on the other (a claim read
    alone, checked against its article's "He ..."): nothing says they are two people."""
    for x, y in ((pa, pb), (pb, pa)):
        unresolved = {a.key for a in x.arguments if a.role == role and a.key in _PRONOUNS}
        if unresolved & {a.text.lower() for a in y.arguments if a.role == role}:
            return True
    return False


def _swapped(pa: Proposition, pb: Proposition) -> tuple[Argument, Argument] | None:
    """The agents when the two claims give the same two participants opposite roles."""
    agents_a = [x for x in pa.arguments if x.role == "agent"]
    patients_a = [x for x in pa.arguments if x.role == "patient"]
    agents_b = [x for x in pb.arguments if x.role == "agent"]
    patients_b = [x for x in pb.arguments if x.role == "patient"]
    if not (agents_a and patients_a and agents_b and patients_b):
        return None
    if same_participant(agents_a[0], patients_a[0]):
        return None
    if same_participant(agents_a[0], patients_b[0]) and same_participant(patients_a[0], agents_b[0]):
        return agents_a[0], agents_b[0]
    return None


def _winner_and_loser(pa: Proposition, pb: Proposition) -> tuple[Argument, Argument] | None:
    """The spans when one named participant wins a contest in one clause and loses it in the other
    ("Lind won the vote" / "Lind lost to Ross"), the opponent unnamed on one side or the same."""
    if pa.predicate is None or lemma_key(pa.predicate) not in CONTEST_LEMMAS:
        return None
    for x, y in ((pa, pb), (pb, pa)):
        winners = [arg for arg in x.arguments if arg.role == "agent" and ":" in arg.key]
        losers = [arg for arg in y.arguments if arg.role == "patient" and ":" in arg.key]
        if not winners or not losers or not same_participant(winners[0], losers[0]):
            continue
        opponents = [arg for arg in x.arguments if arg.role == "patient" and ":" in arg.key]
        victors = [arg for arg in y.arguments if arg.role == "agent"]
        if opponents and victors and not same_participant(opponents[0], victors[0]):
            continue  # two named opponents: two contests ("beat Ross" in one round, "lost to Kay" in another)
        return (winners[0], losers[0]) if x is pa else (losers[0], winners[0])
    return None


def same_participant(x: Argument, y: Argument) -> bool:
    """Whether two arguments name one participant: one key, or one name read with and without its
    entity id ("Pelosi" alone and "person:n-pelosi" in an article that named her in full)."""
    if x.key == y.key:
        return True
    tail_x, tail_y = x.key.rsplit(":", 1)[-1].rsplit("-", 1)[-1], y.key.rsplit(":", 1)[-1].rsplit("-", 1)[-1]
    return len(tail_x) > 2 and tail_x == tail_y and (":" in x.key) != (":" in y.key)


def _antonym_concept(pa: Predicate, pb: Predicate) -> str | None:
    """The antonym concept two predicates sit on opposite sides of, if any."""
    senses_a = dict(antonym_senses(pa.text))
    for concept, side in antonym_senses(pb.text):
        if concept in senses_a and senses_a[concept] != side:
            return concept
    if opposite_by_prefix(pa.text.lower(), pb.text.lower()):
        return "prefix:" + min(pa.text.lower(), pb.text.lower(), key=len)
    return None


def _finding(
    reason: ReasonCode,
    a: ClaimView,
    b: ClaimView,
    span_a: tuple[int, int],
    span_b: tuple[int, int],
    **strength: float,
) -> Finding:
    return Finding(
        reason,
        (
            evidence_at("a", a, span_a[0], span_a[1], reason),
            evidence_at("b", b, span_b[0], span_b[1], reason),
        ),
        strength=dict(strength),
    )


def slot_findings(a: ClaimView, b: ClaimView) -> list[Finding]:
    """The slots in which two clauses conflict (same predicate and participants otherwise), one
    finding per reason, main clauses first."""
    found: dict[ReasonCode, Finding] = {}
    for pa, pb in clause_pairs(a.claim, b.claim):
        named = _named_participant(pa, pb) or _both_roles_shared(pa, pb)
        # Only a figure or a date is a slot concrete enough to hold without similar wording: a
        # modality or a negation of "use" / "would use" in long sentences is often another act.
        for finding in _clause_findings(a, pa, b, pb):
            marked = finding
            if named and finding.reason in _VALUED:
                # One act of one named participant ("Pelosi won 124 to 73" / "Pelosi defeated her
                # challenger by 134 to 63"): the alignment holds however much else the claims say.
                marked = replace(finding, strength={**finding.strength, "named": 1.0})
            found.setdefault(marked.reason, marked)
    return list(found.values())


def _clause_findings(a: ClaimView, pa: Proposition, b: ClaimView, pb: Proposition) -> list[Finding]:
    va, vb = pa.predicate, pb.predicate
    assert va is not None and vb is not None
    span_a, span_b = (va.start, va.end), (vb.start, vb.end)
    found: list[Finding] = []
    same_predicate = lemma_key(va) == lemma_key(vb)
    if same_predicate and _same_participants(pa, pb):
        if va.polarity != vb.polarity and va.modality == vb.modality and not _anyone(pa) and not _anyone(pb):
            found.append(_finding("negation", a, b, span_a, span_b, predicate=1.0, decisive=1.0))
        modalities = {va.modality, vb.modality}
        done = va if va.modality == _DONE else vb
        if (
            va.polarity == vb.polarity == "positive"
            and modalities & _NOT_YET
            and _DONE in modalities
            and is_past_form(done.text)  # "is running" goes on: no completed act against "will run"
        ):
            found.append(_finding("modality", a, b, span_a, span_b, decisive=1.0))
        figures = _clause_figures(a, pa), _clause_figures(b, pb)
        # A copula says nothing of which act is counted: "the federal rate was 35.7" and "the combined
        # rate was 45.8" share "rate" and "be"; then the subject itself must be the same.
        light = lemma_key(va) in _LIGHT_VERBS and (
            _keys(pa, "agent") != _keys(pb, "agent") or not _keys(pa, "agent")
        )
        if va.polarity == vb.polarity and not light and all(len(f) == 1 for f in figures):
            # One figure in each clause of one act by one participant ("the Senate voted 97-1" /
            # "voted 60-38"): the same count, whatever unit extraction read.
            (qa,), (qb,) = figures
            if unit_key(qa) == unit_key(qb) and not quantities_compatible(qa, qb):
                found.append(_finding("quantity", a, b, (qa.start, qa.end), (qb.start, qb.end), decisive=1.0))
    if (
        same_predicate
        and va.polarity == vb.polarity
        and va.text.lower() not in SPEECH_VERBS  # two statements on two days are two statements
        and _same_participants(pa, pb)
        and times_differ(pa, pb)
    ):
        # One act of one participant dated twice ("Flynn pleaded guilty on Wednesday" / "on Friday").
        time_a, time_b = (next(t for t in p.times if t.anchor == "event") for p in (pa, pb))
        found.append(
            _finding("time", a, b, (time_a.start, time_a.end), (time_b.start, time_b.end), decisive=1.0)
        )
    if same_predicate and va.polarity == vb.polarity:
        swapped = _swapped(pa, pb) or _winner_and_loser(pa, pb)
        if swapped is not None:
            span_x, span_y = (swapped[0].start, swapped[0].end), (swapped[1].start, swapped[1].end)
            found.append(_finding("roles", a, b, span_x, span_y, decisive=1.0))
    concept = _antonym_concept(va, vb)
    if concept is not None and va.polarity == vb.polarity and _same_participants(pa, pb):
        decisive = float(concept in DECISIVE_CONCEPTS)
        found.append(_finding("antonym", a, b, span_a, span_b, decisive=decisive, predicate=1.0))
    elif same_predicate and va.polarity == vb.polarity and not _participants_differ(pa, pb):
        opposite = _complement_antonyms(a, va, b, vb)  # decisive outcomes only: "in favor of" / "against"
        if opposite is not None:
            found.append(_finding("antonym", a, b, opposite[0], opposite[1], decisive=1.0))
    return found


def _clause_figures(view: ClaimView, clause: Proposition) -> list[Quantity]:
    """The claim's figures inside the clause (all of them for claims stored without clause spans)."""
    if clause.end <= clause.start:
        return list(view.quantities)
    return [q for q in view.quantities if clause.start <= q.start < clause.end]


_COMPLEMENT_REACH = 4  # words after the verb that qualify it: "ruled in favor of", "ruled against"


def _complement_antonyms(
    a: ClaimView, va: Predicate, b: ClaimView, vb: Predicate
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Opposite words right after one shared verb ("ruled in favor of" / "ruled against")."""
    after_a = [t for t in a.tokens if t.start >= va.end][:_COMPLEMENT_REACH]
    after_b = [t for t in b.tokens if t.start >= vb.end][:_COMPLEMENT_REACH]
    for ta in after_a:
        senses = dict(antonym_senses(ta.lower))
        for tb in after_b:
            for concept, side in antonym_senses(tb.lower):
                if concept in senses and senses[concept] != side and concept in DECISIVE_CONCEPTS:
                    return (ta.start, ta.end), (tb.start, tb.end)
    return None


def asserted_by(view: ClaimView, at: int | None = None, *, hedge_is_the_slot: bool = False) -> str | None:
    """Who asserts the claim (or the clause at offset ``at``) as fact: ``outlet`` for the outlet's own
    voice, the speaker's id for a quote or reported statement; None when hedged, conditional, asked
    or an opinion. A hedge in another clause ("is expected to travel to repair a station that
    supplies water to 2 million") leaves the clause at ``at`` asserted."""
    claim = view.claim
    clause = _clause_at(claim, at)
    if claim.conditional or (claim.hedged and not hedge_is_the_slot and _hedged_clause(view, clause)):
        return None
    if clause is not None and clause.opinion:
        return None
    modality = clause.predicate.modality if clause is not None and clause.predicate is not None else None
    if modality in ("questioned", "possible"):
        return None
    speaker = claim.speaker
    if speaker is None or speaker.kind == "outlet":
        # Conditions and this clause's hedges were weighed above (a hedge that is the very slot
        # compared, "plans to", leaves the plan asserted); the claim-wide ``asserted`` flag would fold
        # every hedge of the claim back in, so of its reasons only a question is read here.
        if claim.text.rstrip().endswith("?"):
            return None
        # Quoted words whose speaker extraction could not name are someone's, not the outlet's; the
        # words around them ("urged lawmakers to vote against the bill because of “...”") are its own.
        if at is not None and not any(start <= at < end for start, end in quoted_passages(claim.text)):
            return "outlet"
        return _UNKNOWN_QUOTE if quoted_share(claim.text) >= _MOSTLY_QUOTED else "outlet"
    return speaker.id


_UNSURE = frozenset(["possible", "questioned"])


def _hedged_slot(a: ClaimView, b: ClaimView, finding: Finding) -> bool:
    """Whether one side hedges or asks the conflicting clause and the other does not ("approved" /
    "may have rejected"): the sentence's mood differs where it matters."""
    at: dict[str, int] = {e.side: e.start for e in finding.evidence}
    clauses = [_clause_at(view.claim, at.get(side)) for side, view in (("a", a), ("b", b))]
    unsure = {bool(c and c.predicate and c.predicate.modality in _UNSURE) for c in clauses}
    return len(unsure) > 1


def _clause_at(claim: Claim, at: int | None) -> Proposition | None:
    """The clause holding offset ``at`` (the main clause when ``at`` is None or no clause holds it)."""
    if at is not None:
        for clause in claim.propositions:
            if clause.start <= at < clause.end:
                return clause
    return claim.proposition


def _hedged_clause(view: ClaimView, clause: Proposition | None) -> bool:
    """Whether a hedge sits in the clause (any hedge, for claims stored without clause spans)."""
    if clause is None or clause.end <= clause.start:
        return True
    return any(clause.start <= start < clause.end for start, _ in view.hedges)


def speaks_as(view: ClaimView) -> str:
    """Whose voice a claim is in: ``outlet``, a speaker's id, or ``unknown-quote``."""
    speaker = view.claim.speaker
    if speaker is None or speaker.kind == "outlet":
        return _UNKNOWN_QUOTE if quoted_share(view.claim.text) >= _MOSTLY_QUOTED else "outlet"
    return speaker.id


def names_its_voice(view: ClaimView) -> bool:
    """Whether a claim says whose assertion it is: the outlet's, or a speaker it names (not quoted
    words whose speaker extraction could not find, nor an unresolved "he said")."""
    voice = speaks_as(view)
    return voice != _UNKNOWN_QUOTE and not voice.startswith(PRONOUN_SPEAKER)


def quoted_share(text: str) -> float:
    """How much of a text sits inside quotation marks: extraction's quoted passages (an unclosed quote
    runs to the end), plus the head of a quote continued from the previous sentence."""
    spans = quoted_spans(text)
    continued = text.find(_CLOSING, 0, spans[0][0] if spans else len(text))
    inside = sum(end - start for start, end in spans) + max(continued, 0)
    return inside / (len(text) or 1)


def may_contradict(a: ClaimView, b: ClaimView, finding: Finding, *, same_sentence: bool = False) -> bool:
    """Whether a conflict between the two claims is a contradiction a reader would accept.

    Both must assert the conflicting clause as fact by the same voice: each outlet in its own voice,
    or both quoting the same source (the same person by name, or the same quoted words when one
    outlet did not name who spoke). An attribution conflict is the outlets' own assertion of who
    said it, so it needs only both quotes to be plain statements. Two renderings of one sentence
    (``same_sentence``: a minimal pair) carry one statement: the outlets disagree on what it says.
    """
    reason = finding.reason
    if reason == "quantity" and distinct_periods(a, b):
        return False  # figures counted over two periods are two figures, whichever path paired them
    if reason == "quantity" and frames_apart(a, b, finding):
        return False  # one item's price against the total: figures of two things
    if reason == "attribution":
        return a.claim.speaker is not None and b.claim.speaker is not None and not a.hedged and not b.hedged
    if same_sentence:
        # One sentence carried by both outlets, one slot changed: whatever the sentence's own mood
        # (an opinion, a hedge), the outlets disagree on what it says, unless two people said it,
        # or the changed slot itself is hedged ("approved" / "may have rejected").
        return not _two_speakers_named(a.claim, b.claim) and (
            reason == "modality" or not _hedged_slot(a, b, finding)
        )
    if _one_statement(a, b, finding):
        # The same person's words quoted by both, nearly alike, the conflict inside the quotes: as
        # for one sentence carried twice, the outlets disagree on what was said, whatever its mood.
        return True
    at = {e.side: e.start for e in finding.evidence}
    # "close to reaching" is a hedge, and it is the very slot a modality conflict is about.
    by_a = asserted_by(a, at.get("a"), hedge_is_the_slot=reason == "modality")
    by_b = asserted_by(b, at.get("b"), hedge_is_the_slot=reason == "modality")
    if by_a is None or by_b is None:
        return False
    if by_a == by_b:
        return True
    if "outlet" in (by_a, by_b):
        return False
    if _UNKNOWN_QUOTE in (by_a, by_b):
        return fuzz.token_set_ratio(a.claim.text, b.claim.text) >= _SAME_QUOTED_WORDS
    sa, sb = a.claim.speaker, b.claim.speaker
    if sa is None or sb is None:
        return False
    if sa.kind == sb.kind == "person" and (not sa.name[:1].isupper() or not sb.name[:1].isupper()):
        # "the attorney said" / "Mr. Goelman added": a description may be the named person; the
        # quoted words, nearly the same, say whether it is one statement. ("the company" is no person.)
        return _same_statement(a, b)
    return same_person(sa.name, sb.name)


def _same_statement(a: ClaimView, b: ClaimView) -> bool:
    """Whether the two claims' quoted words are one statement with a word or two edited."""
    return fuzz.ratio(quoted_words(a.claim.text), quoted_words(b.claim.text)) >= _SAME_STATEMENT


def _one_statement(a: ClaimView, b: ClaimView, finding: Finding) -> bool:
    """Whether both claims quote one statement of one person (the same speaker by name, the quoted
    words nearly alike) and the finding's evidence lies inside the quotes on both sides."""
    sa, sb = a.claim.speaker, b.claim.speaker
    if a.claim.quote != "direct" or b.claim.quote != "direct" or sa is None or sb is None:
        return False
    if sa.kind != "person" or sb.kind != "person" or not (sa.id == sb.id or same_person(sa.name, sb.name)):
        return False
    if not _same_statement(a, b):
        return False
    quoted = {"a": quoted_passages(a.claim.text), "b": quoted_passages(b.claim.text)}
    return bool(finding.evidence) and all(
        any(start <= e.start and e.end <= end for start, end in quoted[e.side]) for e in finding.evidence
    )


def quoted_alike(a: ClaimView, b: ClaimView) -> bool:
    """Whether two claims are one quote: the same passage (``same_quote``), from one speaker as far as
    extraction can tell (two people, even through a resolved "he", are two claims), hedged alike
    ("is expected to say" is not "said"), and neither adds a fact of its own outside the quote."""
    # Not ``equivalence_blocked``: a quote of a few words ("he will be vindicated") is no fragment.
    if _clauses_disagree(a, b) or _two_named_people(a.claim, b.claim) or a.hedged != b.hedged:
        return False
    if not same_quote(a.claim.text, b.claim.text):
        return False
    return _words_outside_quote(a, b) <= _MAX_ADDED and _words_outside_quote(b, a) <= _MAX_ADDED


def _words_outside_quote(view: ClaimView, other: ClaimView) -> int:
    """Content words of a claim outside its quotes and attribution that the other claim lacks."""
    claim = view.claim
    quoted = [*quoted_spans(claim.text), *view.attribution]
    others = set(other.stems)
    return sum(
        1
        for t in view.tokens
        if t.lower not in STOP_WORDS
        and t.lower[:1].isalpha()
        and t.stem not in others
        and not t.text[:1].isupper()  # names and titles say who and where, not what else happened
        and not any(start <= t.start < end for start, end in quoted)
    )


def quoted_from_two_people(a: Claim, b: Claim) -> bool:
    """Both quote a person named in the article, and not the same person: the words may match, the claims
    (who said them) do not."""
    named = all(
        s is not None and s.resolved_from is None and s.name[:1].isupper() for s in (a.speaker, b.speaker)
    )  # a resolved pronoun or a description ("the attorney") is too often someone else
    return a.quote == b.quote == "direct" and named and _two_named_people(a, b)


def quote_given_to_another(a: ClaimView, b: ClaimView) -> bool:
    """Whether the two claims quote one passage (``same_quote``) and give it to two named people."""
    return quoted_from_two_people(a.claim, b.claim) and same_quote(a.claim.text, b.claim.text)


def _two_speakers_named(a: Claim, b: Claim) -> bool:
    """Whether each sentence names its speaker and they are two people: a speaker read from the
    paragraph around a quote is a weaker witness than the same words carried by both outlets."""
    return _two_named_people(a, b) and names_speaker(a) and names_speaker(b)


def _two_named_people(a: Claim, b: Claim) -> bool:
    """Whether two different people are named as the speakers ("the attorney" names nobody)."""
    sa, sb = a.speaker, b.speaker
    if sa is None or sb is None or sa.kind != "person" or sb.kind != "person":
        return False
    if not proper_name(sa.name) or not proper_name(sb.name):
        return False
    return not same_person(sa.name, sb.name)


def equivalence_blocked(a: ClaimView, b: ClaimView) -> bool:
    """Whether a slot differs that one claim must share with its equal, beyond the conflicting slots
    (``slot_findings``): the shared predicate's polarity, the events' dates, a hedge on one main
    verb against a plain report, or too few words to state a claim at all.

    Measured on the real-news fitting split and MSRP train, these are the checks that block more
    false equivalents than true ones; participants, a hedge anywhere in the claim (purpose clauses,
    "allegedly" in a noun phrase) and the speaker's name, as extraction reads them today, block more
    true ones (scripts/eval_realnews.py and the notes in the README), and
    so does a clause one claim adds (it blocked as many true equivalents as false ones on BASIL and
    took MSRP accuracy from 0.77 to 0.73: MSRP's paraphrases add details). Figures of one unit that
    never agree blocked nothing more on either (the slots block them when they are one count).
    """
    return (
        _fragment(a, b)
        or quoted_from_two_people(a.claim, b.claim)
        or _clauses_disagree(a, b)
        or _dated_apart(a.claim, b.claim)
        or _hedged_against_plain(a, b)
        or _hedged_against_plain(b, a)
    )


def _hedged_against_plain(hedged: ClaimView, plain: ClaimView) -> bool:
    """Whether one claim hedges its main verb and the other hedges nothing: "is expected to meet" is
    not "are meeting"."""
    return _hedges_main_verb(hedged) and not _assertion_hedges(plain)


# Words that round a figure ("nearly 250", "almost eight months"): the figure's interval, not a hedge.
_APPROXIMATORS = frozenset(["nearly", "almost", "about", "around", "roughly", "some", "approximately"])


def _assertion_hedges(view: ClaimView) -> list[tuple[int, int]]:
    text = view.claim.text
    return [(start, end) for start, end in view.hedges if text[start:end].lower() not in _APPROXIMATORS]


def _hedges_main_verb(view: ClaimView) -> bool:
    """Whether a hedge bears on the main clause's verb: it sits in that clause, before the verb or
    on it ("may have", "reportedly left", "is expected to sign"), not after it ("so a witness could
    identify him", "paid allegedly ill-gotten profits")."""
    main = view.claim.proposition
    if main is None or main.predicate is None:
        return False
    verb_end = main.predicate.end
    return any(main.start <= start and end <= verb_end for start, end in _assertion_hedges(view))


def _dated_apart(a: Claim, b: Claim) -> bool:
    """Whether every clause pair that dates its events dates them apart ("first elected in 2010" /
    "re-elected in 2014"): two events, whatever words they share. Not a conflict on its own (other
    predicates, other acts), but not the same claim either."""
    dated = [
        (pa, pb)
        for pa, pb in clause_pairs(a, b)
        if any(t.anchor == "event" for t in pa.times) and any(t.anchor == "event" for t in pb.times)
    ]
    if dated and all(times_differ(pa, pb) for pa, pb in dated):
        return True
    # Whole claims, clauses whose verb was not read included: a day the other never gives.
    return dated_apart(event_times(*a.propositions), event_times(*b.propositions))


def _clauses_disagree(a: ClaimView, b: ClaimView) -> bool:
    """Whether one predicate of one participant has another polarity or modality in the other claim."""
    return any(
        lemma_key(pa.predicate) == lemma_key(pb.predicate)
        and (
            pa.predicate.polarity != pb.predicate.polarity
            or pa.predicate.modality != pb.predicate.modality  # "voted" / "is set to vote" / "may have"
        )
        and not _participants_differ(pa, pb)
        for pa, pb in clause_pairs(a.claim, b.claim)
        if pa.predicate is not None and pb.predicate is not None
    )


_MIN_CLAIM_WORDS = 4
_SAME_WORDING = 90


def _fragment(a: ClaimView, b: ClaimView) -> bool:
    if min(len(a.content), len(b.content)) >= _MIN_CLAIM_WORDS:
        return False
    return fuzz.token_sort_ratio(a.key, b.key) < _SAME_WORDING
