"""What a claim asserts, read once at extraction: predicate, roles, assertion status and anchored times.

``read_proposition`` finds the main verb of the claim's content (the part that is not the
attribution "X said"), its lemma, polarity and modality, the argument before it (agent) and after
it (patient), with passive ("B was beaten by A") and converse ("B lost to A") forms aligned to the
active one ("A beat B"). It also says whether the outlet asserts the claim as fact and what each time
expression anchors: the event itself, or a statement about it, a deadline, an expiry or a start.

Matching compares these fields (``claimdiff.match.propositions``); it never re-reads the text for them.
It is a shallow reading (no parser): where it cannot find a verb, the predicate is None and matching
treats the slot as unknown, never as a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from claimdiff.extract.timeexpr import TIME_NAMES, anchor_times
from claimdiff.models import (
    AnchoredTime,
    Argument,
    Entity,
    Modality,
    Polarity,
    Predicate,
    Proposition,
    Role,
    TimeRef,
)
from claimdiff.text.lexicon import words
from claimdiff.text.verbs import (
    AUXILIARIES,
    BE_FORMS,
    CONVERSES,
    FRAME_WORDS,
    MODALS_OBLIGATION,
    MODALS_PLANNED,
    MODALS_POSSIBLE,
    PAST_FORMS,
    PLANNING_WORDS,
    is_past_form,
    lemma,
)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019.-]*[A-Za-z]|[A-Za-z]|\d[\d,.:/-]*")
_PARTY_LABEL = re.compile(r"\(\s*[RDI](?:\s?-\s?[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?\s*\)")
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013\"\u201c\u201d]|\s-\s")
_NEGATORS = frozenset(words("not n't never no longer cannot"))
_VERB_NEGATORS = _NEGATORS - {"no"}  # "no" before a word makes it a noun ("no onion"), not a verb
_CONTRACTED_NEGATIVE = re.compile(
    r"n['\u2019]t$|^(?:dont|doesnt|didnt|isnt|arent|wasnt|werent|havent|hasnt|hadnt|wont|wouldnt|cant|couldnt|shouldnt)$"
)
_DETERMINERS = frozenset(
    words("the a an his her its their our my your this that these those some any every each")
)
_PRONOUN_SUBJECTS = frozenset(words("he she it they we i you who"))
_NOT_VERBS = frozenset(
    words(
        """the a an of in on at to for from by with and or but that this these those his her its their
        who which what when where while as than then also only just even still mr mrs ms dr news
        percent million billion thousand"""
    )
)
# Words that attach to a verb without being it: modals, negators, planning words.
_VERB_ATTACHMENTS = frozenset(
    words("will would shall can could may might must should ought not never no cannot 'll to")
)
_ADVERB_SKIP = frozenset(
    words("also still already just only now then later never not again recently reportedly allegedly")
)
_ARGUMENT_STOP = frozenset(
    words("that which who because after before when while if as to for in on at from with by about")
)
_NEAR = re.compile(
    r"\b(?:close to|closer to|near|nearing|on the verge of|on the brink of|poised to|about to)\s+\w+",
    re.IGNORECASE,
)
# Where a time expression sits tells what it anchors.
_OPINION = frozenset(
    words(
        """should must ought believe believes think thinks feel feels hope hopes wish best worst great
        terrible horrible disgrace disgraceful outrageous ridiculous stupid idiot wrong shameful
        disaster amazing incredible absurd pathetic unacceptable"""
    )
)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` with their offsets; a pronoun's contracted verb is a word of its own,
    spelt out ("It’s" -> "It", "is"), so that "It’s not a bill" has a verb to read."""
    found = []
    for match in _TOKEN.finditer(text):
        contracted = _CONTRACTION.match(match.group())
        if contracted is None:
            found.append((match.group(), match.start(), match.end()))
            continue
        split = match.start() + len(contracted.group(1))
        found.append((contracted.group(1), match.start(), split))
        found.append((_SPELT_OUT[contracted.group(2).lower()], split, match.end()))
    return found


# Pronouns whose contracted verb is spelt out ("Trump's" is a possessive, never "Trump is").
_CONTRACTION = re.compile(
    r"^(it|he|she|that|there|here|what|who|where|i|you|we|they)['\u2019](s|m|re|ve|ll|d)$", re.IGNORECASE
)
_SPELT_OUT = {"s": "is", "m": "am", "re": "are", "ve": "have", "ll": "will", "d": "would"}


_QUOTE_OPENING = re.compile(r"\s*[\"\u201c]")
_QUOTE_CLOSING = re.compile(r"[\"\u201d]")


def content_ranges(
    text: str, cue_at: int | None, cue: str | None, speaker_at: int | None
) -> list[tuple[int, int]]:
    """Where the claim's content may sit, likeliest first: the side of the attribution that holds what
    was said (the larger side, or a quote that opens the sentence), then the other side ("Trump issued an apology and described the
    tape as banter": the act is before the cue)."""
    if cue_at is None or not cue:
        return [(0, len(text))]
    start_attr = min(cue_at, speaker_at) if speaker_at is not None else cue_at
    end_attr = cue_at + len(cue)
    if speaker_at is not None and speaker_at > cue_at:
        end_attr = max(end_attr, speaker_at)
    before, after = (0, start_attr), (end_attr, len(text))
    chosen = after if after[1] - after[0] >= before[1] - before[0] else before
    # A quote opening the sentence is what was said, however long the attribution's tail ("“I did not
    # go too far,” she said in a video on the social media site").
    opening = _QUOTE_OPENING.match(text)
    if opening and _QUOTE_CLOSING.search(text, opening.end(), start_attr):
        chosen = before
    # The other side: everything before the cue (the speaker may be the act's subject: "Trump issued
    # an apology and described ..."), or what follows it.
    other = (0, cue_at) if chosen == after else after
    found = []
    for low, high in (chosen, other):
        lead = re.match(r"[\s,:]*(?:that\s+)?", text[low:high])
        found.append((low + (lead.end() if lead else 0), high))
    return found


def _is_verb_at(toks: Sequence[tuple[str, int, int]], i: int) -> bool:
    word = toks[i][0]
    lower = word.lower()
    if lower in _NOT_VERBS or lower in _VERB_ATTACHMENTS or _CONTRACTED_NEGATIVE.search(lower):
        return False
    if not word.replace("-", "").isalpha() or (_is_adverb(lower) and lower not in PAST_FORMS):
        return False  # adverbs ("quickly") sit between the auxiliary and the verb
    previous_word = toks[i - 1][0] if i else ""
    previous = previous_word.lower()
    if i == 1 and previous in _RELATIVES and lower not in _ADVERB_SKIP and lower not in _DETERMINERS:
        return True  # the verb of a relative clause ("that supply water")
    if previous in _DETERMINERS:
        return False
    if lower in PAST_FORMS and lower not in AUXILIARIES:
        return True
    if word[:1].isupper() and i > 0:
        return False  # a name inside the sentence
    if previous in _PRONOUN_SUBJECTS and i > 0 and lower not in _ADVERB_SKIP:
        return True  # "we know", "they agreed"
    if i > 1 and _is_adverb(previous) and toks[i - 2][0].lower() in _PRONOUN_SUBJECTS:
        return True  # "I completely disagree"
    following = toks[i + 1][0].lower() if i + 1 < len(toks) else ""
    if following in AUXILIARIES or following in MODALS_PLANNED or following in MODALS_POSSIBLE:
        return False  # "kids are": the subject's noun
    # "Obama signs the bill": after a name, an -s word before its object ("Syrian rebels and" is a noun).
    named_subject = (
        previous_word[:1].isupper()
        and i > 1
        and bool(following)
        and following not in _NOUN_FOLLOWERS
        and not is_past_form(following)
    )
    if (
        lower.endswith("s")
        and not lower.endswith("ss")
        and (previous in ("he", "she", "it") or named_subject)
    ):
        return True  # "Obama signs", "she resigns"
    if _after_auxiliary(toks, i):
        return True
    if previous in MODALS_OBLIGATION or (
        previous == "to" and i >= 2 and toks[i - 2][0].lower() in PLANNING_WORDS
    ):
        return True
    if previous in _VERB_NEGATORS or _CONTRACTED_NEGATIVE.search(previous):
        return True
    return is_past_form(lower) and len(lower) > 4


# Words in -ly that are not adverbs: verbs and nouns ("supply water", "rally support").
_LY_WORDS = frozenset(
    words("supply apply reply rely comply multiply rally ally family fly assembly july italy")
)


def _is_adverb(lower: str) -> bool:
    return lower.endswith("ly") and len(lower) > 4 and lower not in _LY_WORDS


_THERE_BE = frozenset(words("is are was were 's"))
_TIME_PREPOSITIONS = frozenset(words("on in at last this"))
# Time words that close a noun phrase ("forces on Thursday", "the vote last week").
_TIME_NAMES = TIME_NAMES | frozenset(words("morning afternoon evening night week month year"))
_PASSIVE_HELPERS = frozenset(words("being been"))
_NEGATIVE_QUANTIFIERS = frozenset(words("no nobody none nothing neither noone"))
_NEGATIVE_OBJECTS = frozenset(words("neither nothing nobody none"))
_DEMONSTRATIVES = frozenset(words("that this these those"))


def _existential(toks: Sequence[tuple[str, int, int]]) -> tuple[int, int, bool] | None:
    """ "There is no man playing": (first token of the subject, the verb, whether it is denied)."""
    for i in range(len(toks) - 2):
        if toks[i][0].lower() == "there" and toks[i + 1][0].lower() in _THERE_BE:
            first = i + 2
            negative = toks[first][0].lower() in _NEGATIVE_QUANTIFIERS
            first += negative
            verb = next(
                (
                    k
                    for k in range(first + 1, len(toks))
                    if (toks[k][0].lower().endswith("ing") or is_past_form(toks[k][0]))
                    and toks[k][0].lower() not in _PASSIVE_HELPERS
                ),
                None,
            )
            if verb is not None:
                return first, verb, negative
            return None
    return None


def _after_auxiliary(toks: Sequence[tuple[str, int, int]], i: int) -> bool:
    """Whether an auxiliary or modal comes before the word, past negators and adverbs ("isn't
    peacefully lying")."""
    k = i - 1
    while k >= 0:
        lower = toks[k][0].lower()
        if (
            lower in AUXILIARIES
            or lower in MODALS_PLANNED
            or lower in MODALS_POSSIBLE
            or _CONTRACTED_NEGATIVE.search(lower)
        ):
            return True
        if not (lower in _NEGATORS or lower in _ADVERB_SKIP or _is_adverb(lower)):
            return False
        k -= 1
    return False


def _main_verb(toks: Sequence[tuple[str, int, int]]) -> int | None:
    for i in range(len(toks)):
        if toks[i][0].lower() in AUXILIARIES and i + 1 < len(toks):
            continue  # the content verb follows its auxiliary
        if _is_verb_at(toks, i):
            # "is expected to travel", "plans to sign": the planned act is the predicate.
            if toks[i][0].lower() in PLANNING_WORDS and i + 2 < len(toks) and toks[i + 1][0].lower() == "to":
                return i + 2
            return i
    # A lone auxiliary is the verb ("the bill is law").
    return next((i for i, t in enumerate(toks) if t[0].lower() in AUXILIARIES), None)


# Words that open what follows a verb: its object or a phrase ("mirrors the", "points in", "lied many").
_AFTER_A_VERB = frozenset(
    words(
        "the a an my his her its our their your this that these those in on at to for with from by about "
        "into over against up down out off many more much all some no every any even again"
    )
)


_COUNTING = frozenset(words("many several few some two three four five six seven eight nine ten"))


def _bare_verb(toks: Sequence[tuple[str, int, int]]) -> int | None:
    """In a clause where no verb was recognised, the word after the subject that reads as a verb in
    -s or -ed before an object, a phrase or the clause's end ("The amended law mirrors the federal
    one", "The bad guy sometimes wins", "Clinton lied many times")."""
    for i in range(1, len(toks)):
        word, previous = toks[i][0], toks[i - 1][0].lower()
        lower = word.lower()
        if previous in _DETERMINERS or previous in _COUNTING or word[:1].isupper() or not word.isalpha():
            continue  # "the", "many" before it: a noun ("many times")
        if _is_adverb(lower):
            continue
        following = toks[i + 1][0].lower() if i + 1 < len(toks) else ""
        if following and following not in _AFTER_A_VERB:
            continue
        third_person = (
            lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ous")) and len(lower) > 3
        )
        if third_person or is_past_form(lower):
            return i
    return None


def _polarity_and_modality(
    toks: Sequence[tuple[str, int, int]], verb: int, text: str, negative_cue: bool
) -> tuple[Polarity, Modality, tuple[int, int] | None]:
    polarity: Polarity = "positive"
    modality: Modality = "done"
    cue: tuple[int, int] | None = None
    window = toks[max(0, verb - 4) : verb]
    for word, start, end in window:
        lower = word.lower()
        if lower in _NEGATORS or _CONTRACTED_NEGATIVE.search(lower) or lower == "no":
            polarity, cue = "negative", (start, end)
        elif lower in MODALS_PLANNED or lower in PLANNING_WORDS:
            modality = "planned"
        elif lower in MODALS_POSSIBLE:
            modality = "possible"
    if toks[verb][0].lower() in AUXILIARIES:
        # A lone auxiliary is the verb: its negation follows it ("is not a clown show").
        following = toks[verb + 1 : verb + 3]
        negators = [t for t in following if t[0].lower() in _VERB_NEGATORS or t[0].lower() == "no"]
        if negators:
            polarity, cue = "negative", (negators[0][1], negators[0][2])
    elif verb + 1 < len(toks) and toks[verb + 1][0].lower() in _NEGATIVE_OBJECTS:
        # "mentions neither Obama nor Romney", "saw nothing": the object denies the act.
        polarity, cue = "negative", (toks[verb + 1][1], toks[verb + 1][2])
    verb_start = toks[verb][1]
    if _NEAR.search(text[max(0, verb_start - 25) : toks[verb][2]]):
        modality = "close"
    if negative_cue:
        modality = "denied"
    if text.rstrip().endswith("?"):
        modality = "questioned"
    return polarity, modality, cue


def _argument(
    text: str, phrase: Sequence[tuple[str, int, int]], entities: Sequence[Entity], role: Role
) -> Argument | None:
    """The noun phrase of these tokens: its head key is an entity id when it names one."""
    picked = [t for t in phrase if t[0].lower() not in _ADVERB_SKIP]
    while picked and (picked[-1][0].lower() in _TIME_NAMES or picked[-1][0].lower() in _TIME_PREPOSITIONS):
        picked.pop()  # "forces on Thursday": the time closes the phrase, the head is before it
    if not picked:
        return None
    start, end = picked[0][1], picked[-1][2]
    named = [e for e in entities if e.start < end and start < e.end and e.kind != "other"]
    # "a group of friends": the head is the noun before "of".
    of = next((k for k, t in enumerate(picked) if t[0].lower() == "of" and k > 0), len(picked))
    head = picked[of - 1][0].lower()
    key = named[-1].id.lower() if named else (head if head not in _DETERMINERS else "")
    if not key and len(picked) == 1 and head in _DEMONSTRATIVES:
        key = head  # "That is not the objective": a participant named elsewhere, kept as such
    if not key:
        return None
    return Argument(text=text[start:end], start=start, end=end, role=role, key=key)


def _subject_range(toks: Sequence[tuple[str, int, int]], verb: int, text: str, start: int) -> int:
    first = verb
    while first > 0:
        word, at, _ = toks[first - 1]
        if at < start or _CLAUSE_BREAK.search(text[toks[first - 1][2] : toks[first][1]]):
            break
        if word.lower() in _ARGUMENT_STOP and first - 1 < verb - 1:
            if not (word.lower() in _TIME_PREPOSITIONS and toks[first][0].lower() in _TIME_NAMES):
                break
            first -= 1  # "forces on Thursday refused": the time sits between the subject and its verb
            continue
        if word.lower() in _TIME_NAMES and first < verb:
            first -= 1
            continue
        first -= 1
    return first


def _chain_start(toks: Sequence[tuple[str, int, int]], verb: int) -> int:
    """Where the verb's auxiliaries, modals, negators and adverbs begin ("has not yet withdrawn")."""
    first = verb
    while first > 0:
        lower = toks[first - 1][0].lower()
        if not (
            lower in AUXILIARIES
            or lower in _VERB_ATTACHMENTS
            or lower in _ADVERB_SKIP
            or _is_adverb(lower)
            or lower in PLANNING_WORDS
            or _CONTRACTED_NEGATIVE.search(lower)
            or lower in ("going", "yet", "about")
        ):
            break
        first -= 1
    return first


def _object_range(toks: Sequence[tuple[str, int, int]], verb: int, text: str) -> tuple[int, int]:
    first = verb + 1
    last = first
    while last < len(toks) and last - first < 6:
        if last > first and _CLAUSE_BREAK.search(text[toks[last - 1][2] : toks[last][1]]):
            break
        if toks[last][0].lower() in _ARGUMENT_STOP:
            break
        last += 1
    return first, last


def _roles(
    text: str, toks: Sequence[tuple[str, int, int]], verb: int, entities: Sequence[Entity], start: int
) -> tuple[str, list[Argument]]:
    """The predicate's lemma and its agent and patient, passive and converse forms made active."""
    word = toks[verb][0].lower()
    verb_lemma = lemma(word)
    chain = _chain_start(toks, verb)
    subject_first = _subject_range(toks, chain, text, start) if chain else chain
    subject = _argument(text, toks[subject_first:chain], entities, "agent")
    obj_first, obj_last = _object_range(toks, verb, text)
    following = toks[obj_first][0].lower() if obj_first < len(toks) else ""
    passive = any(t[0].lower() in BE_FORMS for t in toks[chain:verb]) and is_past_form(word)
    if passive and following == "by":
        agent = _argument(
            text, toks[obj_first + 1 : _object_range(toks, obj_first, text)[1]], entities, "agent"
        )
        patient = subject.model_copy(update={"role": "patient"}) if subject else None
        return verb_lemma, [a for a in (agent, patient) if a]
    converse = CONVERSES.get((verb_lemma, following)) or CONVERSES.get((verb_lemma, ""))
    if converse is not None:
        shift = 1 if following else 0
        agent = _argument(
            text,
            toks[obj_first + shift : _object_range(toks, obj_first + shift - 1, text)[1]],
            entities,
            "agent",
        )
        patient = subject.model_copy(update={"role": "patient"}) if subject else None
        return converse, [a for a in (agent, patient) if a]
    patient = _argument(text, toks[obj_first:obj_last], entities, "patient")
    if passive and subject is not None:
        subject = subject.model_copy(update={"role": "patient"})
        return verb_lemma, [subject]
    if verb_lemma in _CONTEST_VERBS and (patient is None or patient.key[:1].isdigit()):
        # "won 134 to 63 against Tim Ryan": the opponent follows "against" or "over".
        patient = _opponent(text, toks, obj_first, entities) or patient
    return verb_lemma, [a for a in (subject, patient) if a]


_CONTEST_VERBS = frozenset(words("beat win lead"))
_OPPONENT_MARKERS = frozenset(words("against over"))


def _opponent(
    text: str, toks: Sequence[tuple[str, int, int]], first: int, entities: Sequence[Entity]
) -> Argument | None:
    for index in range(first, min(len(toks), first + 8)):
        if toks[index][0].lower() in _OPPONENT_MARKERS:
            return _argument(text, toks[index + 1 : _object_range(toks, index, text)[1]], entities, "patient")
    return None


_CLAUSE_JOINERS = frozenset(words("and but while whereas although though"))
_RELATIVES = frozenset(words("that which who"))
# Words after a plural noun, not after a verb: "Syrian rebels and", "officials said", "rebels of".
_NOUN_FOLLOWERS = frozenset(words("and or of but in on at for from with who which that said say says told"))


_APPOSITIVE_RELATIVES = frozenset(words("who which"))


def _comma_before(text: str, toks: Sequence[tuple[str, int, int]], index: int) -> bool:
    """Whether a comma separates token ``index`` from the one before (tokens may keep it: "1997,")."""
    left = toks[index - 1]
    return left[0].endswith(",") or "," in text[left[2] : toks[index][1]]


def _appositive(text: str, toks: Sequence[tuple[str, int, int]]) -> tuple[int, int] | None:
    """Where a relative clause set off by commas interrupts the subject before its verb ("The war,
    which has entered its ninth year, was started by Bush"): its first token and the first token
    after its closing comma. The main clause's verb follows that comma."""
    for index in range(1, len(toks)):
        if toks[index][0].lower() not in _APPOSITIVE_RELATIVES:
            continue
        if not _comma_before(text, toks, index) or _main_verb(toks[:index]) is not None:
            return None  # a relative clause after the main verb is read as one (``_clauses``)
        for after in range(index + 2, len(toks)):
            if _comma_before(text, toks, after):
                return (index, after) if _main_verb(toks[after:]) is not None else None
        return None
    return None


def _clauses(
    text: str, toks: Sequence[tuple[str, int, int]]
) -> tuple[list[list[tuple[str, int, int]]], tuple[int, int] | None]:
    """The content's clauses: split at "and", "but", "while" or ";" where both sides have a verb. A
    relative clause that interrupts the subject comes second, after the main clause it interrupts;
    where it lies in the text (from the comma that opens it to the word after it) is returned too."""
    found = _appositive(text, toks)
    if found is None:
        return _joined_clauses(text, toks), None
    first, after = found
    main, *rest = _joined_clauses(text, [*toks[:first], *toks[after:]])
    return [main, list(toks[first:after]), *rest], (toks[first - 1][2], toks[after][1])


def _joined_clauses(text: str, toks: Sequence[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    clauses: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for index, token in enumerate(toks):
        joiner = token[0].lower() in _CLAUSE_JOINERS or (
            index > 0 and ";" in text[toks[index - 1][2] : token[1]]
        )
        relative = (
            token[0].lower() in _RELATIVES
            and index + 1 < len(toks)
            and toks[index + 1][0].lower() not in _NOT_VERBS
            and toks[index + 1][0].lower() not in _DETERMINERS
        )
        if relative and current and _main_verb(current) is not None:
            clauses.append(current)  # "stations that supply water": the relative clause is read on its own
            current = [token]
            continue
        if (
            not joiner
            and index > 0
            and "," in text[toks[index - 1][2] : token[1]]
            and current
            and _spliced(toks[index:])
            and _main_verb(current) is not None
        ):
            # "That is not the objective, man is the objective": a comma between two clauses.
            clauses.append(current)
            current = [token]
            continue
        if joiner and current and _main_verb(current) is not None:
            rest = toks[index + (token[0].lower() in _CLAUSE_JOINERS) :]
            if (rest and _main_verb(rest) is not None and _existential(current) is None) or (
                rest and _existential(rest) is not None
            ):
                clauses.append(current)
                current = []
                if token[0].lower() in _CLAUSE_JOINERS:
                    continue
        current.append(token)
    if current:
        clauses.append(current)
    return clauses


_SPLICE_REACH = 3  # words from the comma to the verb of a clause spliced on with it


def _spliced(rest: Sequence[tuple[str, int, int]]) -> bool:
    """Whether the words after a comma open a clause of their own: a subject of one to three words
    (not a verb itself) and then a finite verb ("man is the objective", "we will stay")."""
    if len(rest) < 3 or _is_verb_at(rest, 0) or rest[0][0].lower() in _CLAUSE_JOINERS | _RELATIVES:
        return False
    return any(
        rest[k][0].lower() in _FINITE_AFTER_SUBJECT
        or (is_past_form(rest[k][0].lower()) and _is_verb_at(rest, k))
        for k in range(1, min(_SPLICE_REACH + 1, len(rest) - 1))
    )


# Verbs that follow a subject and carry tense: a clause of its own starts with them after a comma.
_FINITE_AFTER_SUBJECT = (AUXILIARIES - frozenset(["be", "been", "being"])) | MODALS_PLANNED | MODALS_POSSIBLE
_FRAME_REACH = 5  # words from a frame verb to the "to" that passes its predicate on


def _through_frame(toks: Sequence[tuple[str, int, int]], verb: int) -> int:
    """The predicate a frame verb passes on: "has not fulfilled its promise to separate" -> separate
    (the frame's polarity and modality, already read, stay with it)."""
    if toks[verb][0].lower() not in FRAME_WORDS:
        return verb
    for index in range(verb + 1, min(len(toks) - 1, verb + _FRAME_REACH)):
        if toks[index][0].lower() == "to" and toks[index + 1][0].isalpha():
            return index + 1
    return verb


def _read_clause(
    text: str, toks: Sequence[tuple[str, int, int]], entities: Sequence[Entity], negative_cue: bool
) -> tuple[Predicate | None, list[Argument]]:
    """One clause's predicate and its participants."""
    existential = _existential(toks)
    verb = existential[1] if existential else _main_verb(toks)
    if verb is None:
        verb = _bare_verb(toks)
    if verb is None:
        return None, []
    polarity, modality, negation = _polarity_and_modality(toks, verb, text, negative_cue)
    verb = _through_frame(toks, verb)
    verb_lemma, arguments = _roles(text, toks, verb, entities, toks[0][1])
    if existential is not None:
        subject = _argument(text, toks[existential[0] : verb], entities, "agent")
        arguments = [subject] if subject else []
        arguments += [x for x in _roles(text, toks, verb, entities, toks[verb][1])[1] if x.role == "patient"]
        if existential[2]:
            polarity, negation = "negative", (toks[existential[0] - 1][1], toks[existential[0] - 1][2])
    elif arguments and arguments[0].role == "agent":
        # "No rider is standing", "Nobody is in front": the subject itself is denied.
        first_word = arguments[0].text.split()[0].lower()
        if first_word in _NEGATIVE_QUANTIFIERS:
            polarity = "negative" if polarity == "positive" else "positive"
            negation = (arguments[0].start, arguments[0].start + len(first_word))
            if arguments[0].key in _NEGATIVE_QUANTIFIERS:
                arguments = arguments[1:]  # "nobody": the denied subject names no one
    _, v_start, v_end = toks[verb]
    predicate = Predicate(
        text=text[v_start:v_end],  # as written: a contracted verb's token is spelt out
        start=v_start,
        end=v_end,
        lemma=verb_lemma,
        polarity=polarity,
        modality=modality,
        negation=None if negation is None else text[negation[0] : negation[1]],
    )
    return predicate, arguments


def _opinion(toks: Sequence[tuple[str, int, int]], within: tuple[int, int]) -> bool:
    """Whether the words in ``within`` (a clause's range) evaluate or prescribe ("should", "a disgrace")."""
    low, high = within
    return any(low <= t[1] < high and t[0].lower() in _OPINION for t in toks)


def _blanked(text: str, start: int, end: int) -> str:
    """The text with ``start:end`` turned to spaces (the offsets stay)."""
    return text[:start] + " " * (end - start) + text[end:]


def _clause_ranges(clauses: Sequence[Sequence[tuple[str, int, int]]], length: int) -> list[tuple[int, int]]:
    """Where each clause lies in the text: from its first word (the text's start for the main
    clause) to the first word after its last that another clause holds (the text's end if none).
    A main clause interrupted by a relative clause spans it."""
    starts = sorted(token[1] for clause in clauses for token in clause)
    ranges: list[tuple[int, int]] = []
    for number, clause in enumerate(clauses):
        if not clause:
            ranges.append((0, length))
            continue
        own = {token[1] for token in clause}
        last = clause[-1][1]
        following = next((start for start in starts if start > last and start not in own), length)
        ranges.append((clause[0][1] if number else 0, following))
    return ranges


def _narrowest(ranges: Sequence[tuple[int, int]], at: int) -> int | None:
    """The clause whose range holds ``at`` most narrowly (a relative clause inside the main one)."""
    holding = [number for number, (low, high) in enumerate(ranges) if low <= at < high]
    return min(holding, key=lambda n: ranges[n][1] - ranges[n][0], default=None)


def read_propositions(
    text: str,
    *,
    cue: str | None,
    cue_at: int | None,
    speaker_at: int | None,
    negative_cue: bool,
    attributed: bool,
    hedged: bool,
    conditional: bool,
    entities: Sequence[Entity],
    times: Sequence[TimeRef],
    referents: Mapping[str, str] | None = None,
) -> list[Proposition]:
    """Read what a claim asserts, clause by clause (offsets into ``text``, the claim's own text).

    The first proposition is the main clause's; a clause without a subject of its own ("... and is
    writing a note") takes the previous clause's agent. ``referents`` maps a pronoun the article
    resolved ("he") to its person's entity id, the participant's key.
    """
    # "Harry Reid (D-Nev.) was": a party label in brackets belongs to the name, not between clauses.
    text = _PARTY_LABEL.sub(lambda found: " " * len(found.group()), text)
    tokens = _tokens(text)
    asserted = not attributed and not hedged and not conditional and not text.rstrip().endswith("?")
    anchored = anchor_times(text, times, cue_at, cue)
    first: list[Proposition] | None = None
    for start, end in content_ranges(text, cue_at, cue, speaker_at):
        toks = [t for t in tokens if start <= t[1] < end]
        found = _read_content(
            text,
            toks,
            entities=entities,
            negative_cue=negative_cue,
            referents=referents,
            asserted=asserted,
            anchored=anchored,
        )
        if any(p.predicate is not None for p in found):
            return found
        first = found if first is None else first  # no act read on the likelier side: try the other
    return first or []


def _read_content(
    text: str,
    toks: Sequence[tuple[str, int, int]],
    *,
    entities: Sequence[Entity],
    negative_cue: bool,
    referents: Mapping[str, str] | None,
    asserted: bool,
    anchored: Sequence[AnchoredTime],
) -> list[Proposition]:
    """The propositions of one stretch of the claim's text (its tokens ``toks``), clause by clause."""
    propositions: list[Proposition] = []
    clauses, interruption = _clauses(text, toks)
    clauses = clauses or [[]]
    # The main clause is read as if the relative clause that interrupts it were not there.
    main_text = text if interruption is None else _blanked(text, *interruption)
    ranges = _clause_ranges(clauses, len(text))
    for number, clause in enumerate(clauses):
        read_from = main_text if number == 0 else text
        predicate, arguments = (
            _read_clause(read_from, clause, entities, negative_cue) if clause else (None, [])
        )
        if number and clause and clause[0][0].lower() in _RELATIVES and predicate is not None:
            # The relative pronoun stands for the noun before it: "stations that supply" -> stations.
            before = max((t for t in toks if t[2] <= clause[0][1]), key=lambda t: t[1], default=None)
            if before is not None:
                antecedent = _argument(text, [before], entities, "agent") or Argument(
                    text=before[0], start=before[1], end=before[2], role="agent", key=before[0].lower()
                )
                arguments = [antecedent, *(a for a in arguments if a.role != "agent")]
        if referents:
            arguments = [
                a.model_copy(update={"key": referents[a.key]}) if a.key in referents else a for a in arguments
            ]
        if propositions and not any(a.role == "agent" for a in arguments) and predicate is not None:
            arguments = [a for a in propositions[-1].arguments if a.role == "agent"] + arguments
        low, high = ranges[number]
        propositions.append(
            Proposition(
                predicate=predicate,
                arguments=arguments,
                asserted=asserted,
                # An opinion is its clause's: "Trump said he feels badly for Flynn, who pleaded guilty"
                # offers an opinion and states a plea.
                opinion=_opinion(toks, ranges[number] if clause else (0, len(text))),
                times=[t for t in anchored if _narrowest(ranges, t.start) == number],
                start=low,
                end=high,
            )
        )
    return propositions
