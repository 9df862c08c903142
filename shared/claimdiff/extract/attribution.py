"""Attribution: who makes the claim of a sentence, with which cue, quoted directly or reported.

``attribute(sentence) -> Attribution | None`` reads one sentence: the first speech verb outside quotes
whose subject is a name, a group, an organisation or a pronoun ("Kerry said ...", "..., said Sergey
Lavrov, Russian FM.", "Lavrov said, “...”", "according to U.N. officials", "he added"). Titles are split
off into a role ("Secretary of State John Kerry" -> "John Kerry", role "Secretary of State"; "..., said
striker Daniel Okoro" -> role "striker"). Groups keep their modifiers ("European safety regulators"); a
document quoted as a source is one ("according to state disclosure records"), a bare "the documents" is
not; a participle after a comma reports the main clause's subject ("Lind voted against it, saying ...");
a name in an appositive after a description speaks ("The supplier, Kestrel Cells Ltd., denied ...").
Pronouns, quote runs over several sentences and canonical ids are resolved at article level in
``claimdiff.extract.claims``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from claimdiff.extract.entities import ORGANISATION_WORDS, PARTICLES, canonical_id, strip_titles
from claimdiff.text import LowerView, lower_view
from claimdiff.text.lexicon import words

SPEECH_VERBS = frozenset(
    words(
        """said says say saying told tells tell added adds stated states explained explains insisted
        insists argued argues warned warns wrote writes tweeted declared declares announced
        announces claimed claims acknowledged acknowledges admitted admits conceded concedes
        countered responded observed remarked stressed stresses emphasised emphasized suggested
        suggests concluded answered replied replies cautioned contended contends maintained
        maintains reported reports confirmed confirms denied denies vowed vows promised promises
        predicted predicts noted notes asserted asserts alleged alleges estimated estimates
        believes believe believed thinks think thought recalled recalls indicated indicates
        disclosed revealed testified urged urges quipped joked pledged agreed estimate warn
        retorted retorts posted
        writing ruled rules found concluded called calls described describes dissented adding
        noting arguing warning insisting claiming explaining stressing"""
    )
)
# Participles after a comma report the speech of the main clause's subject ("Lind voted against it, saying
# the plan was rushed"). "saying" and "writing" always report speech; the others ("adding 5,000 jobs") only
# with "that", a colon or a quote after them.
_PARTICIPLES = frozenset(
    words("saying writing adding noting arguing warning insisting claiming explaining stressing")
)
_SPEECH_PARTICIPLES = frozenset({"saying", "writing"})
# What a speaker issues, posts or sends with words in it ("issued a statement saying ...").
_MESSAGE_NOUNS = frozenset(words("statement letter e-mail email message release post tweet memo video note"))
_PARTICIPLE_CLAUSE_OPENERS = frozenset({"that", ":", "\u201c", '"'})
# Verbs that report speech only with a clause or a quote after them ("declared that", "announced:"),
# not with a plain object ("declared a state of emergency", "announced the deal").
_CLAUSAL_VERBS = frozenset(
    words(
        """announced announces declared declares confirmed confirms revealed disclosed promised
        promises pledged vowed agreed urged urges predicted predicts indicated indicates
        acknowledged admitted reported reports estimated estimates found ruled rules concluded
        recalled recalls maintained maintains observed posted asserted asserts"""
    )
)
_COORDINATORS = frozenset({"and", "but"})
_QUOTE_VERBS = frozenset({"called", "calls", "described", "describes"})  # "called the deal “a real win”"
_CLAUSE_OPENERS = frozenset({"that", ",", ":", "\u201c", '"', "he", "she", "they", "we", "i"})
# Verbs that need a stronger subject (a name) to count: they are often used without attribution.
_WEAK_VERBS = frozenset(
    {"agreed", "believes", "believe", "believed", "thinks", "think", "thought", "estimated", "estimates",
     "estimate", "reported", "reports", "claims", "suggests", "noted", "notes", "states", "found", "ruled",
     "concluded", "called", "calls", "described", "describes"}
)  # fmt: skip
_NEGATIVE_CUES = frozenset({"denied", "denies"})

GROUP_NOUNS = frozenset(
    words(
        """officials official's experts analysts diplomats proponents opponents critics supporters
        sources residents witnesses lawmakers legislators leaders activists observers
        investigators researchers scientists economists authorities negotiators spokesmen
        representatives members ministers officers commanders rebels insurgents militants
        protesters demonstrators campaigners organizers organisers advocates aides allies people
        voters citizens doctors medics workers troops soldiers police prosecutors lawyers judges
        monitors inspectors envoys delegates participants insiders forecasters meteorologists
        executives managers employees teachers parents students firefighters nurses shareholders
        investors traders regulators scholars historians pollsters researchers authors economists
        planners engineers farmers owners families survivors victims officials backers
        detractors skeptics sceptics"""
    )
)
# Organisations named by a common noun: "the county board of elections said", "the union said".
ORGANISATION_NOUNS = frozenset(
    words(
        """board council commission committee court company campaign agency department ministry
        government administration union association district utility firm police army military
        office bank county city airline carrier retailer automaker insurer manufacturer chain
        operator developer lender maker producer supplier school university hospital party
        parliament legislature senate congress kremlin pentagon service authority regulator
        network club team coalition alliance federation foundation charity institute society
        league group organization organisation nonprofit trust bureau watchdog inspectorate
        tribunal panel"""
    )
)
# Definite descriptions that refer back to the organisation named before ("the agency said" after "the Federal
# Aviation Administration"): the head noun, and the words of a name it can refer to.
_AGENCY_NAMES = frozenset(
    words(
        """agency administration commission authority bureau service office department board
        regulator inspectorate directorate ministry"""
    )
)
_ASSOCIATION_NAMES = frozenset(
    words("association federation society union league guild council chamber alliance coalition")
)
_CLUB_NAMES = frozenset(
    words(
        """club team fc afc sc cf ac united rovers athletic athletico atletico wanderers albion
        hotspur olympique dynamo sporting city town county rangers"""
    )
)
_CHARITY_NAMES = frozenset(words("foundation charity trust fund institute society"))
DEFINITE_DESCRIPTIONS: dict[str, frozenset[str]] = {
    "agency": _AGENCY_NAMES,
    "administration": _AGENCY_NAMES,
    "commission": _AGENCY_NAMES,
    "authority": _AGENCY_NAMES,
    "bureau": _AGENCY_NAMES,
    "regulator": _AGENCY_NAMES,
    "watchdog": _AGENCY_NAMES,
    "inspectorate": _AGENCY_NAMES,
    "department": frozenset({"department", "ministry", "office"}),
    "ministry": frozenset({"ministry", "department"}),
    "office": frozenset({"office", "bureau"}),
    "service": frozenset({"service", "agency"}),
    "association": _ASSOCIATION_NAMES,
    "federation": _ASSOCIATION_NAMES,
    "society": _ASSOCIATION_NAMES | _CHARITY_NAMES,
    "union": frozenset({"union", "federation", "guild", "teamsters", "local", "association"}),
    "league": frozenset({"league", "federation", "association"}),
    "coalition": frozenset({"coalition", "alliance", "front", "bloc", "network", "group"}),
    "group": frozenset(
        {
            "group",
            "coalition",
            "alliance",
            "front",
            "network",
            "association",
            "organization",
            "organisation",
            "foundation",
        }
    ),
    "alliance": frozenset({"alliance", "coalition", "front", "bloc"}),
    "club": _CLUB_NAMES,
    "team": _CLUB_NAMES,
    "foundation": _CHARITY_NAMES,
    "charity": _CHARITY_NAMES,
    "trust": _CHARITY_NAMES,
    "nonprofit": _CHARITY_NAMES | _ASSOCIATION_NAMES,
    "institute": frozenset({"institute", "institution", "center", "centre"}),
    "council": frozenset({"council"}),
    "committee": frozenset({"committee"}),
    "board": frozenset({"board"}),
    "court": frozenset({"court", "tribunal"}),
    "tribunal": frozenset({"tribunal", "court"}),
    "panel": frozenset({"panel", "committee", "commission"}),
    "university": frozenset({"university", "college"}),
    "school": frozenset({"school", "academy", "college"}),
    "hospital": frozenset({"hospital", "clinic", "infirmary"}),
    "district": frozenset({"district"}),
    "party": frozenset({"party"}),
    "campaign": frozenset({"campaign"}),
    "network": frozenset({"network"}),
    "bank": frozenset({"bank"}),
    "organization": _ASSOCIATION_NAMES | _CHARITY_NAMES | frozenset({"organization", "organisation"}),
    "organisation": _ASSOCIATION_NAMES | _CHARITY_NAMES | frozenset({"organization", "organisation"}),
}
# Generic names of a company that refer back to the company last named ("the company said").
ANAPHORIC_ORGANISATIONS = frozenset(
    words(
        """company utility firm airline carrier retailer automaker bank insurer manufacturer chain
        operator developer startup maker producer supplier lender"""
    )
)
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "statement"})
_SINGULAR_ROLES = frozenset(
    words(
        """spokesman spokeswoman spokesperson official envoy ambassador minister secretary president
        senator governor mayor chairman chairwoman chair director chief commander general adviser
        advisor aide analyst expert source diplomat negotiator representative lawmaker leader
        head premier chancellor king queen prince pope judge prosecutor attorney lawyer reporter
        correspondent editor ceo founder executive economist researcher professor doctor witness
        resident staffer journalist columnist commentator anchor commissioner strategist consultant
        operative candidate nominee congressman congresswoman sheriff superintendent detective
        coach activist organizer organiser speaker whip"""
    )
)
TITLE_WORDS = frozenset(
    words(
        """secretary president vice minister prime foreign defense defence interior finance state
        envoy ambassador senator sen. sen rep. rep representative congressman congresswoman
        governor gov. gov mayor gen. gen general lt. col. colonel sgt. capt. captain adm. admiral
        maj. major chancellor king queen prince princess pope judge justice chairman chairwoman
        chief director spokesman spokeswoman spokesperson commander leader premier attorney dr.
        dr mr. mr mrs. mrs ms. ms prof. prof sir lord dame rev. sheikh former deputy acting top
        senior special u.n. un united nations russian american syrian british french german
        chinese iranian israeli turkish ukrainian us u.s. fm ceo head"""
    )
)
_PERSON_TITLES = TITLE_WORDS - frozenset(
    words(
        """u.n. un united nations russian american syrian british french german chinese iranian
        israeli turkish ukrainian us u.s. state foreign top senior special former acting deputy
        vice"""
    )
)
_DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "both",
        "all",
        "some",
        "many",
        "several",
        "two",
        "three",
        "other",
        "his",
        "her",
        "their",
        "its",
    }
)
_MODIFIERS = frozenset(
    words(
        """senior top former local western foreign military government administration federal state
        independent other some many several two three both russian american syrian u.s. us un
        u.n. white house department un-backed rebel opposition kurdish turkish iranian israeli
        chinese british french german european health security intelligence police defense
        defence justice police"""
    )
)
_CONNECTORS = frozenset({"of", "the", "and", "at", "for", "in", "on"})
_SKIPPABLE_BEFORE_VERB = frozenset(
    words(
        """also later earlier again repeatedly publicly privately recently previously then once
        reportedly has had have would will had already separately yesterday today tonight on late
        early last this monday tuesday wednesday thursday friday saturday sunday morning
        afternoon evening night week flatly firmly quickly"""
    )
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|St|Jr|Sr|Rev|Hon|Pres)\."
    r"|Inc\.|Corp\.|Co\.|Ltd\.|[A-Z]\.(?=\s)|\w[\w'\u2019&-]*|[,;:\"\u201c\u201d\u2018\u2019()\[\]\u2013\u2014]"
    r"|(?<!\S)-+(?!\S)"  # a dash written with hyphens ("Medicare -- the Romney team"): a break
)
# Every branch starts with its quote character, so the regex engine skips all other characters quickly.
_QUOTED = re.compile(
    r"\u201c[^\u201d]*(?:\u201d|$)|\"[^\"]*(?:\"|$)|\u2018(?<!\w\u2018)[^\u2019]*\u2019(?!\w)"
)
# "called the ruling a victory", "described it as a disaster": an evaluation attributed to the subject.
_CALLED_IT = re.compile(r"\s+(?:it|them|this|that|him|her|the\s+\w+(?:\s+\w+)?)\s+(?:as\s+)?(?:a|an|the)\s")
_TIME_WORDS = frozenset(
    words(
        """. on in last this yesterday today tonight late early monday tuesday wednesday thursday
        friday saturday sunday"""
    )
)
_MAKE = frozenset({"make", "makes", "made", "making"})
# "shot back:", "fired back, ...": a retort, when a quote, a colon or a clause follows (not "troops fired back").
_BACK_VERBS = frozenset({"shot", "fired"})
_BACK_FOLLOWERS = frozenset({":", ",", "that", "\u201c", '"'})
# "Roe was quoted as saying": the auxiliaries between the subject and "quoted".
_QUOTED_AS_AUXILIARIES = frozenset(words("was were is are been being has have had once also later widely"))
# A sentence without one of these words has no attribution: the gate before any tokenising.
_VERB_WORDS = SPEECH_VERBS | _MAKE | _BACK_VERBS
_CUE_WORDS = _VERB_WORDS | {"according"}
# Unions used in the hot loops, built once.
_CLAUSE_OPENERS_OR_TIME = _CLAUSE_OPENERS | _TIME_WORDS
_ORGANISATION_OR_GROUP_NOUNS = ORGANISATION_NOUNS | GROUP_NOUNS
_GROUP_CONNECTOR_OR_MODIFIER = GROUP_NOUNS | _CONNECTORS | _MODIFIERS
_CONNECTOR_OR_DETERMINER = _CONNECTORS | _DETERMINERS
_CONNECTOR_PARTICLE_OR_MODIFIER = _CONNECTORS | PARTICLES | _MODIFIERS
_DETERMINER_OR_MODIFIER = _DETERMINERS | _MODIFIERS
_SINGULAR_ROLE_OR_GROUP = _SINGULAR_ROLES | GROUP_NOUNS
_ACCORDING_PHRASE_WORDS = (
    _CONNECTORS | GROUP_NOUNS | _SINGULAR_ROLES | _MODIFIERS | ORGANISATION_NOUNS | _DETERMINERS
)
_RELATIVE = re.compile(r"\s(?:who|which|whose|whom|that)\s")
# The source runs to the next punctuation; a period after an initial or a name suffix is part of it ("U.S.",
# "Voltra Mobility Inc.").
_ACCORDING = re.compile(
    r"\b[Aa]ccording\s+to\s+"
    r"((?:[^,.;:\"\u201c\u201d]|(?<=\b[A-Z])\.|(?:(?<=\bInc)|(?<=\bLtd)|(?<=\bCorp)|(?<=\bCo)|(?<=\b[JS]r)|(?<=\bBros)|(?<=\bCos))\.){2,120})"
)

QuoteKind = Literal["direct", "reported"]
SpeakerPhraseKind = Literal["person", "group", "organization", "pronoun"]


@dataclass(frozen=True)
class Attribution:
    """The speaker phrase of a sentence as written, before canonicalisation."""

    name: str  # "John Kerry", "U.N. officials", "he"
    kind: SpeakerPhraseKind
    cue: str  # "said", "according to"
    quote: QuoteKind
    role: str | None = None
    negative_cue: bool = False  # "denied": the cue itself negates the claim
    position: int = 0  # where the cue starts in the sentence
    # An unnamed person described with "the" or a possessive ("the governor", "her doctor"): refers back to
    # a person named earlier with that role.
    definite: bool = False


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of the quoted passages of a sentence (curly or straight quotes; an unclosed quote runs to the end).

    Quotes typed with mixed characters (a straight quote closed by a curly one, or the reverse: common in copy
    edited by hand) pair up as well: when only one side of the curly pair occurs, every double quote is read
    as straight (a same-length substitution, so spans stay exact).
    """
    if '"' in sentence and ("\u201c" in sentence) != ("\u201d" in sentence):
        sentence = sentence.replace("\u201c", '"').replace("\u201d", '"')
    return [m.span() for m in _QUOTED.finditer(sentence)]


_TAIL_REACH = 30  # characters from a closing quote to its verb: '...," the senator posted'


def _tails_quote(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a verb follows a closed quote closely: the quote is what it reports ('...," he posted to
    Twitter'), whatever follows the verb."""
    return any(end <= position <= end + _TAIL_REACH for _, end in spans)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)


def attribute(
    sentence: str, *, inside_quote: bool = False, view: LowerView | None = None
) -> Attribution | None:
    """The attribution of one sentence, or None when the outlet speaks in its own voice.

    ``inside_quote``: the sentence continues a quotation opened in an earlier sentence, so its text up to
    the closing quote is quoted speech, not attribution. ``view``: the sentence's ``lower_view``, if known.
    """
    sentence_words = (view or lower_view(sentence)).words
    if _CUE_WORDS.isdisjoint(sentence_words):
        return _attribute_colon(sentence) if not inside_quote else None
    if not inside_quote and _opens_inside_quote(sentence):
        inside_quote = True  # 'How do we know?" Roe said.': the quote opened in text the sentence lacks
    if inside_quote:
        opener = '"' if '"' in sentence and "\u201d" not in sentence else "\u201c"
        quotes = [(max(0, start - 1), end - 1) for start, end in quoted_spans(opener + sentence)]
    else:
        quotes = quoted_spans(sentence)
    has_quote = any(end - start > 12 for start, end in quotes)
    if not _VERB_WORDS.isdisjoint(sentence_words):
        found = _attribute_verb(sentence, quotes, has_quote)
        if found is not None:
            return _with_definiteness(found, sentence)
    if "according" in sentence_words:
        return _attribute_according(sentence, quotes, has_quote)
    return None if inside_quote else _attribute_colon(sentence)


# 'Biden was quick to retort: "..."', 'Mrs. Clinton had one word for it: "No."': a quote that a colon
# opens is the words of the person whose name opens the short lead-in.
_COLON_QUOTE = re.compile(r":\s*[\u201c\"]")
_MAX_LEAD_IN = 10  # tokens before the colon


def _attribute_colon(sentence: str) -> Attribution | None:
    """The person a lead-in names before a colon that opens a quote ("X was quick to retort:")."""
    opening = _COLON_QUOTE.search(sentence)
    if opening is None or '"' in sentence[: opening.start()] or "\u201c" in sentence[: opening.start()]:
        return None
    tokens = [match[0] for match in _TOKEN.finditer(sentence[: opening.start()])]
    if not 2 <= len(tokens) <= _MAX_LEAD_IN or any(not t[:1].isalnum() for t in tokens):
        return None
    verb = next(
        (
            i
            for i, t in enumerate(tokens)
            if t[:1].islower() and t.lower() not in _CONNECTOR_PARTICLE_OR_MODIFIER
        ),
        None,
    )
    if verb is None or verb == 0:
        return None
    found = _subject_before(tokens, verb)
    if found is None or " ".join(tokens[:verb]) not in (
        found[0],
        " ".join(filter(None, (found[1], found[0]))),
    ):
        return None
    attribution = _build(
        found[0], found[1], tokens[-1].lower(), True, sentence.rfind(tokens[-1], 0, opening.start())
    )
    return attribution if attribution.kind == "person" else None


_ATTORNEY_GENERAL_ABBREVIATIONS = frozenset({"A.G.", "AG"})


def _with_definiteness(found: Attribution, sentence: str) -> Attribution:
    """Mark an unnamed person introduced by "the" or a possessive ("the former Alaska governor", "her
    doctor", "the A.G.") as a definite description."""
    if found.kind != "person":
        return found
    if found.name.split(" ", 1)[0].endswith(("'s", "\u2019s")) and " " in found.name:
        return replace(found, definite=True)  # "Strzok's attorney": one person, named before
    # "the former Alaska governor", "the House speaker": a description ends in a lower-case role.
    described = found.name.rsplit(None, 1)[-1][:1].islower()
    if not (described or found.name in _ATTORNEY_GENERAL_ABBREVIATIONS):
        return found
    before = sentence[: sentence.find(found.name)] if found.name in sentence else ""
    last_word = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
    if last_word in _DEFINITE_OPENERS:
        return replace(found, definite=True)
    return found


_DEFINITE_OPENERS = frozenset({"the", "his", "her", "their", "its"})


# A straight quote that can only close a quotation: right after punctuation, before a space or the end.
_CLOSING_STRAIGHT_QUOTE = re.compile(r'(?<=[,.?!])"(?=\s|$)')


def _opens_inside_quote(sentence: str) -> bool:
    """Whether the sentence's first quote mark closes a quotation opened before it (an opening quote lost in
    the copy): a curly closing quote before any opening one, or a lone straight quote after punctuation."""
    closing = sentence.find("\u201d")
    if closing >= 0 and "\u201c" not in sentence[:closing]:
        return True
    first = sentence.find('"')
    if first < 0 or sentence.count('"') % 2 == 0:
        return False
    return "\u201c" not in sentence[:first] and _CLOSING_STRAIGHT_QUOTE.match(sentence, first) is not None


def _attribute_verb(sentence: str, quotes: list[tuple[int, int]], has_quote: bool) -> Attribution | None:
    """The first speech verb (or "made clear") outside quotes with a subject, as an attribution."""
    matches = list(_TOKEN.finditer(sentence))
    tokens: list[str] = [match[0] for match in matches]
    fallback: Attribution | None = None
    for index, token in enumerate(tokens):
        lowered = token.lower()
        if lowered not in _VERB_WORDS:
            continue
        position = matches[index].start()
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        if lowered in _MAKE and following == "clear" and not _inside(position, quotes):
            found = _subject_before(tokens, index)
            if found is not None:
                return _build(found[0], found[1], f"{lowered} clear", has_quote, position)
            continue
        if lowered in _BACK_VERBS and following == "back" and not _inside(position, quotes):
            after_back = tokens[index + 2].lower() if index + 2 < len(tokens) else ""
            if has_quote or after_back in _BACK_FOLLOWERS:
                found = _subject_before(tokens, index) or _subject_after(tokens, index + 1)
                if found is not None and found[0].lower() not in _DETERMINERS:
                    return _build(found[0], found[1], f"{lowered} back", has_quote, position)
            continue
        if lowered not in SPEECH_VERBS or not token[0].islower() or _inside(position, quotes):
            continue
        if lowered == "saying" and index >= 3 and tokens[index - 1] == "as" and tokens[index - 2] == "quoted":
            # "Roe was quoted as saying ...": the subject of "was quoted".
            subject_end = index - 2
            while subject_end > 0 and tokens[subject_end - 1].lower() in _QUOTED_AS_AUXILIARIES:
                subject_end -= 1
            found = _subject_before(tokens, subject_end) if subject_end < index - 2 else None
            if found is not None:
                return _build(found[0], found[1], "quoted as saying", has_quote, matches[index - 2].start())
            continue
        if lowered in _SPEECH_PARTICIPLES and index and tokens[index - 1].lower() in _MESSAGE_NOUNS:
            # "Steele issued a statement saying ...": the speaker is whoever issued it.
            found = _main_clause_subject(tokens, index)
            if found is not None:
                return _build(found[0], found[1], lowered, has_quote, position)
            continue
        if lowered in _PARTICIPLES and index and tokens[index - 1] == ",":
            # "Lind voted against it, saying ...": the speaker is the subject of the main clause.
            if lowered not in _SPEECH_PARTICIPLES and following not in _PARTICIPLE_CLAUSE_OPENERS:
                continue
            found = _main_clause_subject(tokens, index)
            if found is not None:
                return _build(found[0], found[1], lowered, has_quote, position)
            continue
        if lowered in _PARTICIPLES and lowered not in _SPEECH_PARTICIPLES:
            continue  # "the firm grew by adding jobs": only "saying" and "writing" report speech on their own
        if (
            lowered in _QUOTE_VERBS
            and not has_quote
            and not _CALLED_IT.match(sentence, position + len(token))
        ):
            continue
        if (
            lowered in _CLAUSAL_VERBS
            and following
            and following not in _CLAUSE_OPENERS_OR_TIME
            and not _tails_quote(position, quotes)
        ):
            continue
        found = _subject_before(tokens, index) or _subject_after(tokens, index)
        if found is None and index and tokens[index - 1].lower() in _COORDINATORS:
            # "Grimm stormed back and said, ...", "Officials described it as fluid and said ...": the subject of
            # the first verb of the coordination.
            found = _main_clause_subject(tokens, index)
        if found is None:
            continue
        name, role = found
        if lowered in _WEAK_VERBS and name.lower() in PRONOUNS:
            continue
        attribution = _build(name, role, lowered, has_quote, position)
        if fallback is None and _in_subordinate_clause(tokens, index):
            # "Though Weiner said ..., the official said ...", "why the agency claimed ..., Biden explained":
            # the main clause's attribution, if the sentence has one after this.
            fallback = attribution
            continue
        return attribution
    return fallback


_SUBORDINATORS = frozenset(
    words("though although why whether how what if because when after before since until")
)
_SUBORDINATE_WINDOW = 8  # tokens back from the verb: the subordinator opens a short clause


def _in_subordinate_clause(tokens: list[str], verb_index: int) -> bool:
    """Whether the speech verb sits in a subordinate clause that opens right before its subject."""
    for index in range(verb_index - 1, max(-1, verb_index - _SUBORDINATE_WINDOW), -1):
        token = tokens[index]
        if token in {",", ";", ":", "\u201c", "\u201d", '"', "\u2014", "\u2013"}:
            return False
        if token.lower() in _SUBORDINATORS:
            return True
    return False


def _attribute_according(sentence: str, quotes: list[tuple[int, int]], has_quote: bool) -> Attribution | None:
    """ "according to U.N. officials": the source named after the phrase, outside quotes."""
    according = _ACCORDING.search(sentence)
    if according is None or _inside(according.start(), quotes):
        return None
    phrase = according.group(1).split()
    if according.end() < len(sentence) and sentence[according.end()].isalnum() and len(phrase) > 1:
        phrase.pop()  # the phrase reached the length cap inside a word
    document = _document_source(phrase)
    if document is not None:
        # A named author is classified like any speaker; the document itself is a group source.
        source, author = document
        kind: SpeakerPhraseKind | None = None if author else "group"
        return _build(source, None, "according to", has_quote, according.start(), kind=kind)
    # Keep the noun phrase: stop at a lower-case verb-like word after a name ("to Kerry there is ...").
    kept: list[str] = []
    for word in phrase:
        if word[:1].islower() and word.lower() not in _ACCORDING_PHRASE_WORDS:
            break
        kept.append(word)
    while kept and kept[-1].lower() in _CONNECTOR_OR_DETERMINER:
        kept.pop()  # "according to the documents" kept "the": no source named
    if len(kept) > 1 and kept[0] in _DETERMINERS and _name_like(kept[1]):
        kept.pop(0)  # "according to the White House": no article (a capital one is the name's: "The Hill")
    if kept and _has_head(kept):
        return _build(" ".join(kept), None, "according to", has_quote, according.start())
    return None


# Documents quoted as a source: "according to state disclosure records", "according to a 2019 court filing".
DOCUMENT_NOUNS = frozenset(
    words(
        """records record filing filings documents document data figures statistics estimates
        report reports survey surveys poll polls study studies statement statements analysis
        census audit memo memos letter letters complaint lawsuit indictment affidavit transcript
        transcripts minutes emails invoices disclosures disclosure notice notices papers release
        registry register tally count projections forecast forecasts testimony ruling order
        findings review"""
    )
)
_POSSESSIVE_DETERMINERS = frozenset(
    {"its", "his", "her", "their", "our", "my", "your", "this", "that", "these", "those"}
)
_ARTICLES = frozenset({"the", "a", "an"})
_DOCUMENT_AUTHOR = frozenset({"by", "from"})


def _document_source(phrase: list[str]) -> tuple[str, bool] | None:
    """The source named by a document after "according to", if the phrase is one.

    Returns (source, whether it is the document's author). "state disclosure records" and "a 2019 court
    filing" name their source (the phrase itself, without its article); "a report by the Federal Reserve"
    names its author; a bare "the documents" or "its filing" refers back to something and names no source.
    """
    for index, word in enumerate(phrase[:7]):
        lowered = word.lower().strip("\"'()\u201c\u201d")
        if lowered in DOCUMENT_NOUNS:
            head = index
            while head + 1 < len(phrase) and phrase[head + 1].lower() in DOCUMENT_NOUNS:
                head += 1  # "disclosure records", "census data"
            modifiers = [w for w in phrase[:head] if w.lower() not in _ARTICLES]
            author = _document_author(phrase[head + 1 :])
            if author is not None:
                return author, True
            if not modifiers or phrase[0].lower() in _POSSESSIVE_DETERMINERS:
                return None
            start = 1 if phrase[0].lower() in _ARTICLES else 0
            return " ".join(phrase[start : head + 1]), False
        if index and lowered in _NOT_MODIFIERS and lowered not in _ARTICLES:
            return None
        if not (word[:1].isdigit() or _name_like(word) or _is_noun_modifier(word) or lowered in _ARTICLES):
            return None
    return None


def _document_author(rest: list[str]) -> str | None:
    """ "by the Federal Reserve" after a document: its author, when a name or a group follows."""
    if len(rest) < 2 or rest[0].lower() not in _DOCUMENT_AUTHOR:
        return None
    kept: list[str] = []
    for word in rest[1:13]:
        lowered = word.lower()
        if word == "&" and kept:
            kept.append(word)  # "Standard & Poor's"
            continue
        if not (_name_like(word) or lowered in _ACCORDING_PHRASE_WORDS) or (
            word[:1].islower() and lowered not in _ACCORDING_PHRASE_WORDS
        ):
            break
        kept.append(word)
    while kept and (kept[-1].lower() in _CONNECTOR_OR_DETERMINER or kept[-1] == "&"):
        kept.pop()
    if not kept or not _has_head(kept):
        return None
    return " ".join(_strip_determiners(kept))


def _subject_before(tokens: list[str], verb_index: int) -> tuple[str, str | None] | None:
    """Read the noun phrase right before a speech verb (skipping "on Friday", "also", "has")."""
    index = verb_index - 1
    while index >= 0 and (tokens[index].lower() in _SKIPPABLE_BEFORE_VERB or _is_adverb(tokens[index])):
        index -= 1
    index = _skip_party_label(tokens, index)
    if index < 0:
        return None
    if (
        index >= 2
        and tokens[index].lower() in _OBJECT_PRONOUNS
        and tokens[index - 1] == "for"
        and tokens[index - 2].lower() in _SPOKES
    ):
        return _OBJECT_PRONOUNS[tokens[index].lower()], tokens[index - 2]  # "a spokeswoman for her said"
    if index == verb_index - 1 and tokens[index].endswith(("'s", "\u2019s")):
        return None  # "Vale's alleged plan": a possessive before an adjective, not a subject
    if tokens[index].lower() in PRONOUNS:
        return tokens[index], None
    if tokens[index] == ",":
        return _appositive_subject(tokens, index)
    words: list[str] = []
    if (
        index >= 2
        and tokens[index][:1].islower()
        and tokens[index - 1] == "of"
        and tokens[index - 2].lower() in _ORGANISATION_OR_GROUP_NOUNS
    ):
        words.extend([tokens[index], "of"])  # "the county board of elections said"
        index -= 2
    free_modifiers = 0  # lower-case words before a group noun: "European safety regulators"
    while index >= 0:
        word = tokens[index]
        lowered = word.lower()
        if (
            (
                _name_like(word)
                or lowered in GROUP_NOUNS
                or lowered in _SINGULAR_ROLES
                or lowered in ORGANISATION_NOUNS
            )
            or (lowered in _MODIFIERS and words)
            or (
                lowered in _CONNECTORS
                and words
                and not free_modifiers  # "two of the law enforcement officials": the phrase ends at "the"
                and index > 0
                and _name_like(tokens[index - 1])
                | (tokens[index - 1].lower() in _GROUP_CONNECTOR_OR_MODIFIER)
                # "a spokesman for the U.S. attorney in Brooklyn": an office and whom it speaks for
                | (lowered in _OFFICE_CONNECTORS and tokens[index - 1].lower() in _SINGULAR_ROLES)
            )
            or (lowered in PARTICLES and words)
        ):
            words.append(word)
        elif lowered in _DETERMINERS and words:
            words.append(word)
            index -= 1
            break
        elif (
            free_modifiers < _MAX_FREE_MODIFIERS
            and words
            and words[0].lower() in GROUP_NOUNS
            and all(w[:1].islower() for w in words)  # "a project Democratic lawmakers say": not "project"
            and _is_noun_modifier(word)
        ):
            words.append(word)
            free_modifiers += 1
        else:
            break
        index -= 1
    if free_modifiers and index >= 1 and tokens[index].lower() == "of" and _name_like(tokens[index - 1]):
        # "Lena Ortiz of the harbour police said": the person before "of", the affiliation after it.
        words.append(tokens[index])
        index -= 1
        while index >= 0 and (_name_like(tokens[index]) or tokens[index].lower() in PARTICLES):
            words.append(tokens[index])
            index -= 1
    words.reverse()
    while words and words[-1].lower() in _CONNECTOR_OR_DETERMINER:
        words.pop()
    while words and words[0].lower() in _CONNECTORS:
        words.pop(0)
    if not words or not _has_head(words):
        return None
    return _split_role(words)


# Lower-case words that cannot modify a noun: function words, auxiliaries, adverbs of time.
_NOT_MODIFIERS = frozenset(
    words(
        """that which who whom whose where when while because although though if unless as than
        then so but yet also not never no is are was were be been being has have had do does did
        will would could should may might must can shall said says say told according and or nor
        of to in on at for from by with without into about over under after before during since
        until between against among through across per via ago year years week weeks month months
        day days night morning afternoon evening time times it its he she they we i you there here
        this these those what how why now today yesterday tonight"""
    )
)
_MAX_FREE_MODIFIERS = 3
_NUMBER_WORDS = frozenset(
    words(
        """one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
        hundred hundreds thousand thousands million millions billion billions trillion dozen dozens"""
    )
)
_NOUN_ADJECTIVES_IN_LY = frozenset({"family", "elderly", "early", "daily", "weekly", "monthly", "local"})


def _is_noun_modifier(word: str) -> bool:
    """A lower-case word that can modify a following noun ("safety" in "safety regulators")."""
    lowered = word.lower()
    return (
        word[:1].islower()
        and word.replace("-", "").isalpha()
        and lowered not in _NOT_MODIFIERS
        and lowered not in _SKIPPABLE_BEFORE_VERB
        and lowered not in PRONOUNS
        and lowered not in _NUMBER_WORDS  # "$1 million -- supporters noted"
        and (not lowered.endswith("ly") or lowered in _NOUN_ADJECTIVES_IN_LY)
    )


# Common irregular verbs of a main clause ("He quit the board, saying ..."); regular ones end in "-ed".
_IRREGULAR_VERBS = frozenset(
    words(
        """quit left won lost went came gave took made held met rose fell cut sent spent paid stood
        sat ran led kept let put set threw broke chose drove fought sought bought sold struck
        withdrew stepped shot hit beat bet"""
    )
)


def _main_clause_subject(tokens: list[str], participle_index: int) -> tuple[str, str | None] | None:
    """The subject of the main clause a participle hangs on ("Councillor Mara Lind voted against it, saying
    ...", "Ruiz, the club captain, resigned, saying ...", "On Monday, the council rejected it, saying ...").

    Conservative: the sentence (or the part after an opening phrase and its comma) must read subject, then
    the verb; anything else (a relative clause, a long preamble) gives no subject.
    """
    clause_start = 1 if tokens[0].lower() in _CLAUSE_CONJUNCTIONS else 0
    for _attempt in range(3):
        verb_index = _verb_after_subject(tokens, clause_start, participle_index)
        if verb_index is not None:
            return _subject_before(tokens, verb_index)
        next_comma = next((i for i in range(clause_start, participle_index - 1) if tokens[i] == ","), None)
        if next_comma is None:
            return None
        clause_start = next_comma + 1
    return None


_CLAUSE_CONJUNCTIONS = frozenset({"but", "and", "so", "yet", "still"})
_AUXILIARIES = frozenset(words("has have had was were is are will would could should did does do also"))
_AUXILIARY_OR_SKIPPABLE = _AUXILIARIES | _SKIPPABLE_BEFORE_VERB
_SUBJECT_WORDS = (
    _DETERMINERS | _MODIFIERS | GROUP_NOUNS | ORGANISATION_NOUNS | _SINGULAR_ROLES | PARTICLES | {"of"}
)


def _verb_after_subject(tokens: list[str], start: int, end: int) -> int | None:
    """The index of the verb right after the subject that starts at ``start`` (before ``end``), or None."""
    index = start
    if index < end and tokens[index].lower() in PRONOUNS:
        index += 1
    else:
        subject_words = 0
        while index < end:
            word = tokens[index]
            if word == "," and subject_words:
                # An appositive or a relative clause after the subject: skip to its closing comma.
                closing = next((i for i in range(index + 1, min(end, index + 16)) if tokens[i] == ","), None)
                if closing is None:
                    return None
                index = closing + 1
                break
            if _name_like(word) or word.lower() in _SUBJECT_WORDS:
                subject_words += 1
                index += 1
                continue
            break
        if not subject_words:
            return None
    while index < end and tokens[index].lower() in _AUXILIARY_OR_SKIPPABLE:
        index += 1
    if index >= end:
        return None
    token = tokens[index]
    lowered = token.lower()
    if not token[:1].islower() or not token.isalpha():
        return None
    if (lowered.endswith("ed") and len(lowered) > 3) or lowered in _IRREGULAR_VERBS:
        return index
    previous = tokens[index - 1]
    if (
        lowered.endswith("s")
        and not lowered.endswith("ss")
        and lowered not in GROUP_NOUNS
        and (previous.lower() in ("he", "she", "it") or _name_like(previous))
        and previous.lower() not in _NUMBER_WORDS
        and not previous.lower().endswith(("'s", "\u2019s"))
    ):
        return index  # a present-tense verb after its subject: "Ruiz opposes the plan, saying ..."
    return None


_PARTY_LABEL = re.compile(r"[RDI](?:-[A-Z][A-Za-z]*)?")  # "R", "D-Ill", "D-NY" (tokens joined)
_ADVERB_LOOKALIKES = frozenset(
    words(
        """assembly family supply rally ally anomaly monopoly daily weekly monthly quarterly yearly
        elderly reply july italy belly bully lily"""
    )
)
_EXTRA_ADVERBS = frozenset(words("first afterward afterwards often even just"))


def _is_adverb(word: str) -> bool:
    """ "initially", "subsequently", "first": an adverb between a subject and its speech verb."""
    lowered = word.lower()
    if lowered in _EXTRA_ADVERBS:
        return word[:1].islower()
    return (
        len(lowered) > 4
        and lowered.endswith("ly")
        and word.isalpha()
        and word[:1].islower()
        and lowered not in _ADVERB_LOOKALIKES
    )


def _skip_party_label(tokens: list[str], index: int) -> int:
    """The index before a party-and-state label that follows a name ("Cornyn, R-Texas, said", "Cole, D-N.Y.,
    said", "Long (R) said": US style), or ``index`` itself when there is none."""
    if index < 1:
        return index
    if tokens[index] == "," and tokens[index - 1] == ")":
        skipped = _skip_party_label(tokens, index - 1)  # "McCain (R-Ariz.), said"
        return skipped if skipped != index - 1 else index
    if tokens[index] in {",", ")"}:
        opener = "," if tokens[index] == "," else "("
        for opening in (index - 2, index - 3):
            if opening >= 1 and tokens[opening] == opener and _party_label(tokens[opening + 1 : index]):
                return opening - 1
        return index
    for label_start in (index, index - 1):  # read back from a later comma: "Cornyn, R-TX, who ..., said"
        if (
            label_start >= 2
            and tokens[label_start - 1] == ","
            and "-" in tokens[label_start]
            and _party_label(tokens[label_start : index + 1])
        ):
            return label_start - 2
    return index


def _party_label(label_tokens: list[str]) -> bool:
    return _PARTY_LABEL.fullmatch("".join(label_tokens)) is not None


# An appositive that opens with one of these is a circumstance, not a role ("Weiner, in an interview with
# Fox News, said"; "Ryan, after a disappointing cycle, argued").
_CIRCUMSTANCE_OPENERS = frozenset(
    words(
        """in after before during at on among amid with without from for while when as according
        speaking writing asked following despite since until through under over"""
    )
)


_PARTY_NAMES = frozenset({"republican", "democrat", "independent"})


def _is_party_affiliation(appositive: list[str]) -> bool:
    """ "Republican of Kentucky", "Democrat": a party member's label after a name."""
    return (
        bool(appositive)
        and appositive[0].lower() in _PARTY_NAMES
        and (len(appositive) == 1 or (appositive[1] == "of" and len(appositive) <= 5))
    )


# Sentence adverbs set off by commas ("Vale, too, said"; "Critics, however, say"): not a role.
_PARENTHETICAL_ADVERBS = frozenset(
    words("too also however meanwhile though instead likewise nonetheless nevertheless moreover meanwhile")
)


def _is_circumstance(appositive: str) -> bool:
    """ "in an interview with Fox News", "advocating for troops", "noting that ...", "too": not a role."""
    first = appositive.split(" ", 1)[0]
    return (
        first in _CIRCUMSTANCE_OPENERS
        or (first.endswith("ing") and first[:1].islower())
        or appositive in _PARENTHETICAL_ADVERBS
    )


def _appositive_subject(tokens: list[str], comma_index: int) -> tuple[str, str | None] | None:
    """ "Kerry, the top U.S. diplomat, said": the name before the appositive, the appositive as role."""
    for index in range(comma_index - 1, max(-1, comma_index - 30), -1):
        if tokens[index] in {",", "\u201d", '"', "\u201c"}:
            if tokens[index] != "," or index == 0:
                return None
            appositive = " ".join(word for word in tokens[index + 1 : comma_index])
            name_words: list[str] = []
            cursor = _skip_party_label(tokens, index - 1)  # "Sen. Rand Paul (R-Ky.), who ..., told"
            while cursor >= 0 and (_name_like(tokens[cursor]) or tokens[cursor].lower() in PARTICLES):
                name_words.append(tokens[cursor])
                cursor -= 1
            if _is_party_affiliation(tokens[index + 1 : comma_index]) and name_words:
                # "Senator Rand Paul, Republican of Kentucky, said" (NYT style): the party is a role.
                full = _subject_before(tokens, index)
                name, role = full or _split_role(name_words[::-1])
                return name, f"{role}, {appositive}" if role else appositive
            appositive_words = tokens[index + 1 : comma_index]
            if appositive[:1].isupper():
                # "The supplier, Kestrel Cells Ltd., denied", "The U.S. envoy to the U.N., Linda Shaw, said":
                # the name in the appositive speaks. The description starts after an opening phrase ("In a
                # statement, the league president, Owen Drake, said").
                # ... or after the quote it attributes ('"...," the party leader, Ann Roe, said').
                opening_comma = max((i for i in range(index) if tokens[i] in _DESCRIPTION_BOUNDS), default=-1)
                named = _named_in_appositive(tokens[opening_comma + 1 : index], appositive_words)
                if named is not None or not name_words or all(_name_like(w) for w in appositive_words):
                    return named
                # "Tara Quill, Governor Sam Vale's chief of staff, said": a description that opens with a name.
            if not name_words:
                described = _subject_before(tokens, index)
                if described is None or not (
                    described[0][:1].islower() or _opens_description(described[0].split(" ", 1)[0])
                ):
                    return None
                if _is_circumstance(appositive):
                    # "The mayor, speaking on Monday, said", "Strzok's attorney, meanwhile, blasted ...,
                    # saying": the description speaks; the words between the commas say when or how.
                    return described
                return described[0], appositive  # "The mayor, a Democrat, told": a description speaks
            appositive = _RELATIVE.split(f" {appositive}", 1)[0].strip()
            if _is_circumstance(appositive):
                appositive = ""
            full = _subject_before(tokens, index)
            if not appositive:
                return full or _split_role(name_words[::-1])
            if full is not None and full[1]:
                return full[0], f"{full[1]}, {appositive}"
            name, role = _split_role(name_words[::-1])
            return name, f"{role}, {appositive}" if role else appositive
    return None


_DESCRIPTION_BOUNDS = frozenset({",", "\u201d", '"'})
_ORGANISATION_DESCRIPTIONS = ORGANISATION_NOUNS | ANAPHORIC_ORGANISATIONS
_DESCRIPTOR_OPENERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})
_MAX_DESCRIPTOR_WORDS = 8  # "The U.S. ambassador to the U.N."


def _opens_description(word: str) -> bool:
    """A determiner ("The", "Her") or a possessive name ("Smith's", "Britain's") opens a description."""
    return word.lower() in _DESCRIPTOR_OPENERS or (_name_like(word) and word.endswith(("'s", "\u2019s")))


def _named_in_appositive(descriptor: list[str], appositive: list[str]) -> tuple[str, str | None] | None:
    """ "The supplier, Kestrel Cells Ltd., ...", "Her lawyer, Maria Gomez, ...", "The U.K. environment minister,
    Sir Alistair Roe, ...", "Smith's lawyer, Maria Gomez-Diaz, ...": the name between the commas, when a short
    description with a common-noun head opens the sentence; a person keeps the description as a role."""
    if not descriptor or len(descriptor) > _MAX_DESCRIPTOR_WORDS or not _opens_description(descriptor[0]):
        return None
    if not all(
        word[:1].islower() or word.lower() in _DESCRIPTOR_OPENERS or _name_like(word)
        for word in descriptor[1:]
    ) or not any(word[:1].islower() and word.lower() not in _CONNECTOR_OR_DETERMINER for word in descriptor):
        return None  # a name, a time or a place before the comma: "On Monday, ...", "In London, ..."
    if not appositive or len(appositive) > 6:
        return None
    if not all(_name_like(word) or word.lower() in PARTICLES or word == "&" for word in appositive):
        return None
    name, role = _split_role(appositive)
    lowered = {word.lower().rstrip(".") for word in appositive}
    if not lowered.isdisjoint(ORGANISATION_WORDS) or not lowered.isdisjoint(_COMPANY_SUFFIXES):
        return name, role
    description = " ".join(_strip_determiners(descriptor))
    return name, f"{role}, {description}" if role else description


def _subject_after(tokens: list[str], verb_index: int) -> tuple[str, str | None] | None:
    """Inverted attribution: "..., said Sergey Lavrov, Russian FM." (only right after a comma or quote)."""
    if verb_index == 0 or tokens[verb_index - 1] not in {",", "\u201d", '"', "\u2019"}:
        return None
    words: list[str] = []
    index = verb_index + 1
    role_end = _lower_case_role_end(tokens, index)
    if role_end > index:
        words.extend(tokens[index:role_end])  # "..., said striker Daniel Okoro": "striker" is the role
        index = role_end
    while index < len(tokens):
        word = tokens[index]
        lowered = word.lower()
        if (
            _name_like(word)
            or lowered in GROUP_NOUNS
            or lowered in _SINGULAR_ROLES
            or (words and (lowered in _CONNECTOR_PARTICLE_OR_MODIFIER))
            or (not words and lowered in _DETERMINER_OR_MODIFIER)
            # "said Lena Ortiz of the harbour police": the affiliation's modifiers
            or (len(words) > 2 and "of" in words[-2:] and _is_noun_modifier(word))
        ):
            words.append(word)
            index += 1
            continue
        break
    while words and words[-1].lower() in _CONNECTOR_OR_DETERMINER:
        words.pop()
    if not words or not _has_head(words):
        if (
            index < len(tokens)
            and tokens[index].lower() in PRONOUNS
            and (index + 1 == len(tokens) or not tokens[index + 1][:1].isalnum())
        ):
            return tokens[index], None  # "..., said he." (not "..., said it was a mistake")
        return None
    if index < len(tokens) and tokens[index] not in {
        ",",
        ".",
        ";",
        "\u201c",
        '"',
        "(",
        "\u2013",
        "\u2014",
    }:
        return None  # "..., said workers were ...": not an inverted attribution
    name, role = _split_role(words)
    if index < len(tokens) and tokens[index] == ",":
        appositive = []
        for word in tokens[index + 1 :]:
            if word in {",", ";", "\u201d", '"'} or (
                word.endswith(".") and word[:-1].lower() in {"said", "added"}
            ):
                break
            appositive.append(word)
        if appositive and (
            appositive[0].lower() in {"who", "which", "whose"} or _is_circumstance(" ".join(appositive))
        ):
            appositive = []
        if 0 < len(appositive) <= 8:
            text = " ".join(appositive).rstrip(".")
            if (
                not any(_name_like(word) for word in words)
                and len(appositive) >= 2
                and all(_name_like(word) or word.lower() in PARTICLES for word in appositive)
            ):
                # "..., said the spokeswoman, Ada Lin.": the name speaks; the description is its role.
                named, title = _split_role(
                    [word.rstrip(".") if word == appositive[-1] else word for word in appositive]
                )
                description = f"{role} {name}" if role else name
                return named, f"{title}, {description}" if title else description
            role = f"{role}, {text}" if role else text
    return name, role


def _lower_case_role_end(tokens: list[str], start: int) -> int:
    """The end of a run of up to three lower-case role words before a name ("striker", "club captain"), or
    ``start`` when the words at ``start`` are not such a run (a clause, a time, a group)."""
    index = start
    while index < len(tokens) and index - start < 3:
        word = tokens[index]
        if _name_like(word):
            return index if index > start else start
        if not _is_noun_modifier(word) or word.lower() in _DETERMINERS or word.lower() in GROUP_NOUNS:
            return start
        index += 1
    return start


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _name_like(word: str) -> bool:
    if word[:1].isdigit():
        return bool(_ORDINAL.fullmatch(word))  # "the 8th U.S. Circuit Court of Appeals"
    return word[:1].isupper() and word[:1].isalpha() and word.lower() not in _NOT_NAMES


_NOT_NAMES = frozenset(
    words(
        """despite amid among unlike like instead without with from by to of under over into
        through across behind beyond near during until unless whereas the a an this that these those it its he she they we i but and or so yet however
        meanwhile in on at for after before during when while if although though as since because
        asked according some many most several both all no not one two there here his her their
        our my asked speaking earlier later monday tuesday wednesday thursday friday saturday
        sunday then now today yesterday also separately what why how who where which whether
        nobody everyone everybody someone somebody anyone anybody none nothing everything"""
    )
)


def _has_head(words: list[str]) -> bool:
    return any(
        _name_like(w)
        or w.lower() in GROUP_NOUNS
        or w.lower() in _SINGULAR_ROLES
        or w.lower() in ORGANISATION_NOUNS
        for w in words
    )


def _split_role(words: list[str]) -> tuple[str, str | None]:
    """Split "Secretary of State John Kerry" into ("John Kerry", "Secretary of State").

    A person's name is its last capitalised word with its particles, an optional middle initial and one
    given name ("John F. Kennedy", "Staffan de Mistura"); the words before it are the role.
    """
    lowered = [w.lower() for w in words]
    described = _strip_determiners(words)
    if len(described) > 2 and described[1].lower() == "for" and described[0].lower() in _SINGULAR_ROLES:
        principal = _strip_determiners(described[2:])
        if described[0].lower() not in _SPOKES:
            return " ".join(described), None  # "a lawyer for Ms. Harlow": the lawyer, unnamed
        # "spokesman for Brennan Foods", "spokeswoman for her": the principal speaks through its spokesman.
        if len(principal) == 1 and principal[0].lower() in _OBJECT_PRONOUNS:
            return _OBJECT_PRONOUNS[principal[0].lower()], described[0]
        name, role = _split_role(principal)
        return name, f"{described[0]}, {role}" if role else described[0]
    if "in" in lowered[1:-1]:
        in_index = lowered.index("in")
        head = words[:in_index]
        if head[-1][:1].islower() and head[-1].lower() in _SINGULAR_ROLES:
            return " ".join(described), None  # "the U.S. attorney in Brooklyn", "a resident in Kabul"
        if (
            len(head) in (2, 3)
            and all(_name_like(w) for w in head)
            and _has_head(words[in_index + 1 :])
            and _split_role(head)[1] is None
            and not _ORGANISATION_WORD_OR_SUFFIX & {w.lower() for w in head}
        ):
            return " ".join(head), " ".join(words[in_index + 1 :])  # "Tara Quill in the Daily Ledger"
    if "of" in lowered:
        affiliated = _person_of_affiliation(words, lowered)
        if affiliated is not None:
            return affiliated
    titled_person = (
        len(words) >= 2
        and _name_like(words[-1])
        and lowered[-1].rstrip(".") not in _ORGANISATION_WORD_OR_SUFFIX
        and lowered[-2].rstrip(".") not in ORGANISATION_WORDS
        and "and" not in lowered
        and _title_after_groups(lowered)
    )
    if not titled_person and (
        any(
            w in GROUP_NOUNS or w.rstrip(".") in ORGANISATION_WORDS or w in _COMPANY_SUFFIXES for w in lowered
        )
        or "and" in lowered
        or lowered[-1] in ORGANISATION_NOUNS
    ):
        return " ".join(_strip_determiners(words)), None
    if not titled_person and ("of" in lowered or len(words) > 4):
        return " ".join(_strip_determiners(words)), None  # "Lake Tamarack Band of Ojibwe"
    if (
        not _name_like(words[-1])
        or lowered[-1] in TITLE_WORDS
        or (lowered[-1] in _SUFFIX_WORDS and len(words) == 1)
    ):
        return " ".join(_strip_determiners(words)), None
    start = len(words) - 1
    if lowered[start] in _SUFFIX_WORDS and start > 0:
        start -= 1  # "Harold T. Banks Jr."
    while start > 0 and lowered[start - 1] in PARTICLES:
        start -= 1
    if start > 0 and _is_initial(words[start - 1]):
        start -= 1
    if (
        start > 0
        and _name_like(words[start - 1])
        and lowered[start - 1] not in TITLE_WORDS
        and not _is_initial(words[start - 1])
    ):
        start -= 1
    while start > 0 and _is_initial(words[start - 1]):
        start -= 1
    role_words = _strip_determiners(words[:start]) if start else []
    return " ".join(words[start:]), " ".join(role_words) or None


def _title_after_groups(lowered: list[str]) -> bool:
    """Whether a title or role word comes before the last word, with no group noun after it ("Police
    Commissioner James O'Neill" is a titled person; "Police officials" and "Sen. Roe's aides" are not)."""
    last_title = max(
        (i for i, w in enumerate(lowered[:-1]) if w in _PERSON_TITLES or w in _SINGULAR_ROLES), default=-1
    )
    return last_title >= 0 and not any(w in GROUP_NOUNS for w in lowered[last_title:])


def _person_of_affiliation(words: list[str], lowered: list[str]) -> tuple[str, str | None] | None:
    """ "Lt. Col. Marcus Doe of the state police" -> ("Marcus Doe", "Lt. Col., the state police"): a person's
    given name and surname (after an optional title) before "of"; the affiliation joins the role. Names of
    organisations and titles with "of" ("Bank of England", "Secretary of State John Kerry") are not people."""
    of_index = lowered.index("of")
    head, head_lowered, affiliation = words[:of_index], lowered[:of_index], words[of_index + 1 :]
    if len(head) < 2 or not affiliation:
        return None
    given, surname = head[-2], head[-1]
    if not (_name_like(given) and _name_like(surname)) or _is_initial(surname):
        return None
    if any(
        word.rstrip(".") in _NOT_PERSON_NAME_WORDS or word in GROUP_NOUNS or word in _COMPANY_SUFFIXES
        for word in head_lowered[-2:]
    ) or any(word.rstrip(".") in ORGANISATION_WORDS or word in GROUP_NOUNS for word in head_lowered):
        return None
    if "and" in lowered[of_index + 1 :] or "&" in affiliation:
        return None  # "Sen. Ann Roe of Ohio and Sen. Bo Li of Utah": two people, a group
    name, role = _split_role(head)
    if role is not None and all(
        _name_like(word) and word.lower().rstrip(".") not in _NOT_PERSON_NAME_WORDS for word in role.split()
    ):
        name, role = " ".join(head), None  # "Nanette Lee Miller": a second given name, not a role
    person = strip_titles(name)  # "House Speaker Paul D. Ryan": the role words the split left in the name
    if person != name:
        extra = name[: len(name) - len(person)].strip()
        name, role = person, f"{role} {extra}" if role else extra
    if " " not in name:
        return None
    where = " ".join(affiliation)
    return name, f"{role}, {where}" if role else where


_OFFICE_CONNECTORS = frozenset({"for", "in"})
_OFFICES = frozenset({"attorney", "prosecutor", "sheriff", "coroner"})
_OBJECT_PRONOUNS = {"her": "she", "him": "he", "them": "they", "it": "it"}
_COMPANY_SUFFIXES = frozenset({"inc.", "corp.", "co.", "ltd.", "llc", "plc", "inc", "corp", "ltd"})
_SUFFIX_WORDS = frozenset({"jr.", "sr.", "jr", "sr", "ii", "iii", "iv"})
# Words that cannot be the given name or surname before "of" in "<person> of <affiliation>".
_NOT_PERSON_NAME_WORDS = (
    frozenset(w.rstrip(".") for w in TITLE_WORDS)
    | _SINGULAR_ROLES
    | ORGANISATION_WORDS
    | ORGANISATION_NOUNS
    | frozenset(words("joint chiefs staff speaker historian house"))
)
_ORGANISATION_WORD_OR_SUFFIX = ORGANISATION_WORDS | _COMPANY_SUFFIXES


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _strip_determiners(words: list[str]) -> list[str]:
    index = 0
    while index < len(words) - 1 and words[index].lower() in _DETERMINERS:
        index += 1
    return words[index:]


def _build(
    name: str,
    role: str | None,
    cue: str,
    has_quote: bool,
    position: int,
    *,
    kind: SpeakerPhraseKind | None = None,
) -> Attribution:
    lowered_words = [w.lower() for w in name.split()]
    if kind is None:
        name, role, kind = _classify(name, role, lowered_words)
    if kind in ("group", "organization"):
        name = " ".join(_strip_determiners(name.split()))
        if name.split()[0].lower() in _DETERMINERS and len(name.split()) > 1:
            name = " ".join(name.split()[1:])
    return Attribution(
        name=name,
        kind=kind,
        cue=cue,
        quote="direct" if has_quote else "reported",
        role=role,
        negative_cue=cue in _NEGATIVE_CUES,
        position=position,
    )


_CAMEL_ORGANISATION = re.compile(r"\b[A-Z][a-z]+(?:Post|News|Times|Press|Media|Feed|Wire|Net)\b")


def _classify(
    name: str, role: str | None, lowered_words: list[str]
) -> tuple[str, str | None, SpeakerPhraseKind]:
    """The kind of a speaker phrase (and its name and role once a trailing "spokesman" is split off)."""
    kind: SpeakerPhraseKind
    spoke_through = False  # "a Brennan spokesman": the organisation speaks (not "spokesman Chris Fleming")
    if len(lowered_words) > 1 and lowered_words[-1] in _SPOKES:
        spoke_through = True
        # "a Brennan spokesman said": the organisation speaks through its spokesman.
        role = lowered_words[-1]
        name = " ".join(_strip_determiners(name.split()[:-1]))
        lowered_words = [w.lower() for w in name.split()]
        if any(w in _SINGULAR_ROLE_OR_GROUP for w in lowered_words):
            name = f"{name} {role}"
            lowered_words.append(role)
            role = None
    if len(lowered_words) == 1 and lowered_words[0] in PRONOUNS:
        kind = "pronoun"
    elif len(lowered_words) > 1 and name.startswith("The ") and role is None:
        kind = "organization"  # "according to The Hill": a capital "The" belongs to a title, not a person
    elif _CAMEL_ORGANISATION.search(name):
        kind = "organization"  # "HuffPost", "FoxNews": a name joined to an organisation word
    elif " in " in name and name.split(" in ", 1)[0].rsplit(None, 1)[-1] in _OFFICES:
        kind = "organization"  # "U.S. attorney in Brooklyn": an office
    elif any(w in GROUP_NOUNS for w in lowered_words) or " and " in f" {name.lower()} ":
        kind = "group"
    elif (spoke_through and role in _SPOKES) or (
        len(lowered_words) >= 3 and "of" in lowered_words and role is None
    ):
        kind = "organization"
    elif role is not None and role.lower() in _ORGANISATION_DESCRIPTIONS:
        kind, role = "organization", None  # "The regulator, Ofwat, said": described as an organisation
    elif lowered_words[-1] in _SINGULAR_ROLES:
        kind = "person"  # an unnamed person: "a State Department spokesman"
    elif (
        (len(lowered_words) == 1 and name.isupper() and name.isalpha() and len(name) > 1)  # "FBI", "NATO"
        or lowered_words[-1] in ORGANISATION_NOUNS
        or ((known := canonical_id(name)) is not None and known[1] != "person")
        or any(w.rstrip(".") in ORGANISATION_WORDS for w in lowered_words)
        or name.lower()
        in {
            "kremlin",
            "white house",
            "pentagon",
        }
    ):
        kind = "organization"
    else:
        kind = "person"
    return name, role, kind
