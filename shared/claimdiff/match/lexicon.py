"""Word lists of the matcher: stop words, a light stemmer, antonyms, modality and stance cues.

General English, not tuned to any data set: a word belongs here because a desk editor would agree
that it flips, weakens or disputes a statement, never because it helped a score.
"""

from __future__ import annotations

import re
from functools import lru_cache

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "then",
        "than",
        "so",
        "as",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "after",
        "before",
        "between",
        "through",
        "during",
        "without",
        "within",
        "upon",
        "off",
        "up",
        "down",
        "out",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "doing",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "it",
        "its",
        "it's",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "they",
        "them",
        "their",
        "theirs",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "i",
        "me",
        "my",
        "mine",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "such",
        "only",
        "own",
        "same",
        "very",
        "just",
        "also",
        "too",
        "again",
        "further",
        "once",
        "s",
        "t",
        "d",
        "ll",
        "m",
        "re",
        "ve",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "according",
    ]
)

# Words that only strengthen what they modify: one outlet keeping or dropping one ("should be deeply
# troubling" / "should be troubling") changes no fact. Hedges ("nearly", "barely") are not here.
INTENSIFIERS = frozenset(
    [
        "very",
        "really",
        "deeply",
        "extremely",
        "highly",
        "truly",
        "absolutely",
        "completely",
        "totally",
        "quite",
        "greatly",
        "strongly",
        "seriously",
        "so",
        "incredibly",
        "particularly",
        "especially",
    ]
)

# Words that carry negation when counting tokens (the extraction's spans decide scope; this is the
# fallback for raw token features such as "the rest of the sentence, negation words removed").
NEGATION_WORDS = frozenset(
    [
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "nowhere",
        "neither",
        "nor",
        "without",
        "cannot",
        "n't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "don't",
        "doesn't",
        "didn't",
        "won't",
        "wouldn't",
        "can't",
        "couldn't",
        "shouldn't",
        "hasn't",
        "haven't",
        "hadn't",
        "isnt",
        "arent",
        "wasnt",
        "werent",
        "dont",
        "doesnt",
        "didnt",
        "wont",
        "wouldnt",
        "cant",
        "couldnt",
        "shouldnt",
        "hasnt",
        "havent",
        "hadnt",
    ]
)

# Antonym concepts: every inflected form maps to (concept, side). Two claims that use opposite sides
# of one concept, each without the other side, say opposite things.
_ANTONYM_GROUPS: tuple[tuple[str, str, str], ...] = (
    # (concept, positive forms, negative forms)
    ("agree", "agree agreed agrees agreeing", "refuse refused refuses refusing reject rejected rejects"),
    ("confirm", "confirm confirmed confirms confirming", "deny denied denies denying"),
    (
        "accept",
        "accept accepted accepts accepting welcome welcomed welcomes",
        "reject rejected rejects rejecting decline declined",
    ),
    (
        "approve",
        "approve approved approves approving adopt adopted adopts",
        "reject rejected rejects veto vetoed vetoes",
    ),
    (
        "rise",
        "rise rose risen rises rising increase increased increases climb climbed climbs",
        "fall fell fallen falls falling decrease decreased decreases drop dropped drops decline declined",
    ),
    ("win", "win won wins winning victory", "lose lost loses losing defeat"),
    ("hire", "hire hired hires hiring", "fire fired fires firing dismissed sacked"),
    ("sign", "sign signed signs signing", "veto vetoed vetoes vetoing"),
    ("favor", "favor favour favored favoured", "against"),
    ("more", "more", "fewer less"),
    ("within", "within", "beyond"),
    ("pass", "pass passed passes", "defeat defeated defeats rejected"),
    (
        "praise",
        "praise praised praises praising applaud applauded applauds applauding hailed commended welcomed",
        "criticize criticized criticizes criticizing criticise criticised condemn condemned condemns "
        "condemning denounced denounces slammed blasted",
    ),
    (
        "support",
        "support supported supports supporting embrace embraced embraces",
        "oppose opposed opposes opposing opposition",
    ),
    ("allow", "allow allowed allows permit permitted permits", "ban banned bans forbid forbade forbids"),
    ("guilty", "guilty convicted", "innocent acquitted"),
    ("married", "married marry marries wed wedded", "divorced divorce divorces"),
    ("alive", "alive survived survives", "dead died dies killed"),
    ("open", "open opened opens reopened", "closed closes shut"),
    ("start", "started starts began begins begun", "ended stopped halted"),
    ("join", "join joined joins", "quit quits"),
    ("arrest", "arrested", "released freed"),
    ("present", "present attended", "absent"),
    ("full", "full", "empty"),
    ("near", "near", "far"),
    ("inside", "inside indoors", "outside outdoors"),
    ("sit", "sitting sits sat seated", "standing stands stood"),
    ("large", "large big huge", "small tiny little"),
    ("success", "succeeded succeeds success successful", "failed fails failure unsuccessful"),
    ("legal", "legal lawful", "illegal unlawful"),
    ("true", "true genuine", "false fake hoax"),
    ("add", "add added adds adding", "remove removed removes removing"),
    ("awake", "awake", "asleep sleeping"),
    ("wet", "wet", "dry"),
    ("hot", "hot warm", "cold"),
    ("clean", "clean cleaning cleaned", "dirty dirtying"),
    ("fast", "fast quickly rapidly", "slow slowly"),
    ("happy", "happy", "sad unhappy"),
    ("loud", "loud loudly", "quiet quietly silent silently"),
    ("laugh", "laugh laughs laughing laughed", "cry cries crying cried"),
    ("enter", "enter enters entering entered", "exit exits exiting exited"),
    ("arrive", "arrive arrives arriving arrived", "depart departs departing departed"),
    ("remember", "remember remembers remembered", "forget forgets forgot forgotten"),
    ("include", "include includes included including", "exclude excludes excluded excluding"),
    ("common", "common frequent usual", "rare uncommon infrequent unusual"),
    ("keep", "keep keeps kept keeping retain retained retains", "lose loses lost losing"),
)

# Concepts whose two sides are outcomes of one event (a decision, a vote, a verdict, a count):
# said of the same subject they cannot both be true. The others describe scenes ("near", "large"),
# where the two sides often describe different parts of one picture and only the learned head decides.
DECISIVE_CONCEPTS = frozenset(
    [
        "agree",
        "confirm",
        "accept",
        "approve",
        "rise",
        "win",
        "support",
        "allow",
        "guilty",
        "married",
        "alive",
        "success",
        "legal",
        "true",
        "arrest",
        "hire",
        "sign",
        "favor",
        "pass",
    ]
)


# Particles that turn one verb into its opposite: "turned on" / "turned off", "voted for" / "voted
# against", "lobbied for" / "lobbied against". Read only right after the verb ("for" alone is a plain
# preposition).
OPPOSITE_PARTICLES: dict[str, int] = {"on": 1, "off": -1, "for": 1, "against": -1}


def _build_antonyms() -> dict[str, tuple[tuple[str, int], ...]]:
    table: dict[str, list[tuple[str, int]]] = {}
    for concept, positive, negative in _ANTONYM_GROUPS:
        for word in positive.split():
            table.setdefault(word, []).append((concept, 1))
        for word in negative.split():
            table.setdefault(word, []).append((concept, -1))
    return {word: tuple(senses) for word, senses in table.items()}


# A word may sit in several concepts ("rejected" answers "agreed", "accepted" and "approved").
ANTONYMS: dict[str, tuple[tuple[str, int], ...]] = _build_antonyms()
# Inflections the table lists no form of: comparatives ("faster", "bigger", "earlier") and plurals.
_INFLECTIONS = (("iest", "y"), ("ier", "y"), ("est", ""), ("er", ""), ("es", ""), ("s", ""))


@lru_cache(maxsize=65536)
def antonym_senses(word: str) -> tuple[tuple[str, int], ...]:
    """The (concept, side) senses of a word in the antonym table, through its inflections."""
    word = word.lower()
    senses = ANTONYMS.get(word)
    if senses is not None:
        return senses
    for suffix, replacement in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + replacement
            # "bigger" -> "bigg" -> "big": a doubled consonant before the suffix.
            # "rarer" -> "rar" -> "rare": an e dropped before it.
            doubled = base[:-1] if len(base) > 3 and base[-1] == base[-2] else base
            for candidate in (base, doubled, base + "e"):
                if candidate in ANTONYMS:
                    return ANTONYMS[candidate]
    return ()


# "close to reaching", "on the verge of signing": the event has not happened yet. Against a plain
# "reached" or "signed" in the other claim, that is a modality conflict.
NEAR_COMPLETION = re.compile(
    r"\b(?:(?:close|closer) to|near|nearing|on the (?:verge|brink) of|edging (?:closer )?towards?)\s+"
    r"(?P<ing>[a-z]+ing)\b"
    r"|\b(?:poised|set|about|expected|likely|due|planning|plans?|hopes?|hoping|aims?|aiming|intends?|"
    r"seeks?|seeking|wants?|working)\s+to\s+(?P<verb>[a-z]+)\b",
    re.IGNORECASE,
)
# Past forms that do not end in -ed: "won" against "close to winning".
IRREGULAR_PAST = frozenset(
    [
        "won",
        "lost",
        "made",
        "struck",
        "took",
        "got",
        "began",
        "sold",
        "bought",
        "left",
        "met",
        "held",
        "paid",
        "fell",
        "rose",
        "hit",
        "set",
        "put",
        "cut",
        "signed",
        "agreed",
        "reached",
        "found",
        "gave",
        "went",
        "came",
        "became",
        "brought",
        "caught",
        "fought",
        "built",
        "sent",
        "spent",
        "kept",
        "told",
        "said",
        "won",
        "beat",
        "broke",
        "chose",
        "drove",
        "ate",
        "flew",
        "forgot",
        "froze",
        "knew",
        "led",
        "ran",
        "saw",
        "shot",
        "spoke",
        "stood",
        "stole",
        "swore",
        "threw",
        "understood",
        "withdrew",
        "wrote",
    ]
)

# Verbs that introduce reported speech ("X said Y has ..."): the subject of the reported statement
# comes after them. Forms that are also common nouns ("states", "reports", "notes") are left out.
SPEECH_VERBS = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "stated",
        "announced",
        "announces",
        "acknowledged",
        "acknowledges",
        "admitted",
        "admits",
        "insisted",
        "insists",
        "warned",
        "warns",
        "argued",
        "argues",
        "explained",
        "explains",
        "noted",
        "claimed",
        "reported",
        "wrote",
        "declared",
        "declares",
        "conceded",
        "concedes",
        "confirmed",
        "confirms",
        "denied",
        "denies",
    ]
)
# Verbs that carry tense or mood: the subject of a clause ends where the first of them stands.
AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "am",
        "has",
        "have",
        "had",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "'s",
    ]
)
# Words after which "no" describes a thing rather than denying a statement ("a man with no shirt").
PREPOSITIONS = frozenset(
    [
        "with",
        "of",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "about",
        "as",
        "like",
        "into",
        "onto",
        "under",
        "over",
        "near",
        "behind",
        "without",
    ]
)

# Stance cues for ``check``: reporting or questioning without asserting, and disputing.
REPORTING_WORDS = frozenset(
    [
        "reportedly",
        "allegedly",
        "apparently",
        "purportedly",
        "supposedly",
        "rumor",
        "rumour",
        "rumors",
        "rumours",
        "rumored",
        "rumoured",
        "report",
        "reports",
        "claim",
        "claims",
        "claimed",
        "claiming",
        "alleged",
        "alleges",
        "allege",
        "say",
        "says",
        "said",
        "according",
        "suggests",
        "suggest",
        "suggesting",
        "believed",
        "believes",
        "thought",
        "may",
        "might",
        "could",
        "possibly",
        "probably",
        "likely",
        "reported",
        "speculation",
        "speculate",
        "speculates",
        "unconfirmed",
        "unverified",
        "purported",
        "appears",
        "seems",
    ]
)
# The reporting cues by which a sentence passes a statement on without vouching for it ("reportedly",
# "may have", "unconfirmed"): an article saying it so only discusses the claim.
HEARSAY_WORDS = REPORTING_WORDS & frozenset(
    [
        *("reportedly", "allegedly", "purportedly", "supposedly", "purported"),
        *("rumored", "rumoured", "unconfirmed", "unverified"),
    ]
)
REFUTING_WORDS = frozenset(
    [
        "hoax",
        "fake",
        "false",
        "fabricated",
        "debunk",
        "debunked",
        "debunks",
        "deny",
        "denies",
        "denied",
        "denial",
        "untrue",
        "myth",
        "bogus",
        "not",
        "no",
        "never",
        "refute",
        "refutes",
        "refuted",
        "dismiss",
        "dismisses",
        "dismissed",
        "rejects",
        "rejected",
        "doubt",
        "doubts",
        "isn't",
        "wasn't",
        "aren't",
        "weren't",
        "didn't",
        "doesn't",
        "don't",
        "hasn't",
        "haven't",
        "won't",
        "satire",
        "satirical",
        "prank",
        "nonsense",
        "baseless",
    ]
)

# Everyday synonyms: each set is read as one word when claims are compared ("a lady is slicing"
# and "a woman is cutting" say the same). Only words that are interchangeable in most contexts.
_SYNONYM_SETS: tuple[str, ...] = (
    "man guy gentleman",
    "woman lady",
    "child kid",
    "talk speak chat",
    "cut slice chop",
    "phone telephone cellphone",
    "gun pistol firearm",
    "car automobile",
    "big large huge",
    "small little tiny",
    "fix repair",
    "start begin",
    "buy purchase",
    "help assist",
    "fast quick rapid",
    "reply respond",
    "shout yell scream",
    "look gaze stare",
    "sofa couch",
    "rock stone",
    "road street",
    "jump leap",
    "sea ocean",
    "photo photograph picture",
    "bike bicycle",
    "motorcycle motorbike",
    "deceive fool mislead",
    "try attempt",
    "stop halt",
    "reveal disclose",
    "supply provide give",
    "say state tell",
    "fire dismiss sack",
    "beat defeat",
    "kill slay",
    "approve pass",
)

_SUFFIXES = ("ingly", "edly", "ings", "ing", "ied", "ies", "ed", "es", "ly", "s")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Strip common English inflections so that "signed", "signing" and "signs" meet.

    Final "e"s go too, so that "separate" meets "separated", "rise" meets "rising" and "agree"
    meets "agreed".
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    base = word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in ("ied", "ies"):
                return base + "y"
            if suffix in ("ing", "ed", "edly", "ings") and len(base) > 3 and base[-1] == base[-2]:
                base = base[:-1]  # "stopped" -> "stop"
            elif suffix == "s" and word.endswith("ss"):
                base = word
            break
    while len(base) > 3 and base.endswith("e"):
        base = base[:-1]
    return base


def _build_synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in _SYNONYM_SETS:
        words = group.split()
        for word in words:
            table[stem(word)] = stem(words[0])
    return table


_SYNONYMS = _build_synonyms()


def word_stem(word: str) -> str:
    """The stem a word is compared by: its stem, or the stem of its synonym set's first word."""
    base = stem(word)
    return _SYNONYMS.get(base, base)


# Prefixes that turn a word into its opposite ("consistent" / "inconsistent", "agree" / "disagree").
NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
_MIN_PREFIXED_BASE = 4


def opposite_by_prefix(x: str, y: str) -> bool:
    """Whether one word is the other with a negating prefix (both lower-case)."""
    short, long = sorted((x, y), key=len)
    return len(short) >= _MIN_PREFIXED_BASE and any(long == prefix + short for prefix in NEGATING_PREFIXES)
