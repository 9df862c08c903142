"""Verb forms as data: irregular forms with their lemma, auxiliaries, modals and converse verbs.

One table per concept, used by proposition reading (``claimdiff.extract.proposition``) and by the
matcher's lexicon (its irregular past forms come from here).
"""

from __future__ import annotations

from functools import lru_cache

from claimdiff.text.lexicon import words

# lemma: its irregular forms (past, participle, third person where irregular).
_IRREGULAR: dict[str, str] = {
    "be": "is are was were been being am",
    "have": "has had having",
    "do": "does did done doing",
    "win": "won winning wins",
    "lose": "lost losing loses",
    "make": "made making makes",
    "strike": "struck striking",
    "take": "took taken taking",
    "get": "got gotten getting",
    "begin": "began begun beginning",
    "sell": "sold selling",
    "buy": "bought buying",
    "leave": "left leaving",
    "meet": "met meeting",
    "hold": "held holding",
    "pay": "paid paying",
    "fall": "fell fallen falling",
    "rise": "rose risen rising",
    "hit": "hitting",
    "set": "setting",
    "put": "putting",
    "cut": "cutting",
    "find": "found finding",
    "give": "gave given giving",
    "go": "went gone going goes",
    "come": "came coming",
    "become": "became becoming",
    "bring": "brought bringing",
    "catch": "caught catching",
    "fight": "fought fighting",
    "build": "built building",
    "send": "sent sending",
    "spend": "spent spending",
    "keep": "kept keeping",
    "tell": "told telling",
    "say": "said saying says",
    "beat": "beaten beating beats",
    "break": "broke broken breaking",
    "choose": "chose chosen choosing",
    "drive": "drove driven driving",
    "eat": "ate eaten eating",
    "fly": "flew flown flying flies",
    "forget": "forgot forgotten forgetting",
    "freeze": "froze frozen freezing",
    "know": "knew known knowing",
    "lead": "led leading",
    "run": "ran running",
    "see": "saw seen seeing",
    "shoot": "shot shooting",
    "speak": "spoke spoken speaking",
    "stand": "stood standing",
    "steal": "stole stolen stealing",
    "swear": "swore sworn swearing",
    "throw": "threw thrown throwing",
    "understand": "understood understanding",
    "withdraw": "withdrew withdrawn withdrawing",
    "write": "wrote written writing",
    "hire": "hired hiring hires",
    "feed": "fed feeding feeds",
    "bleed": "bled bleeding",
    "hang": "hung hanging",
    "sit": "sat sitting sits",
    "lay": "laid laying lays",
    "fire": "fired firing fires",
    "close": "closed closing closes",
    "raise": "raised raising raises",
    "vote": "voted voting votes",
    "lie": "lied lain lying lies",
    "wear": "wore worn wearing",
    "tear": "tore torn tearing",
    "seek": "sought seeking",
    "teach": "taught teaching",
    "think": "thought thinking",
    "feel": "felt feeling",
    "hear": "heard hearing",
    "mean": "meant meaning",
    "rule": "ruled ruling rules",
    "sign": "signed signing signs",
    "release": "released releasing releases",
    "resign": "resigned resigning resigns",
    "agree": "agreed agreeing agrees",
    "approve": "approved approving approves",
    "oppose": "opposed opposing opposes",
    "propose": "proposed proposing proposes",
    "refuse": "refused refusing refuses",
    "decline": "declined declining declines",
    "increase": "increased increasing increases",
    "decrease": "decreased decreasing decreases",
    "announce": "announced announcing announces",
    "charge": "charged charging charges",
    "arrive": "arrived arriving arrives",
    "receive": "received receiving receives",
    "achieve": "achieved achieving achieves",
    "issue": "issued issuing issues",
    "continue": "continued continuing continues",
    "serve": "served serving serves",
    "remove": "removed removing removes",
    "reverse": "reversed reversing reverses",
    "cause": "caused causing causes",
    "include": "included including includes",
    "move": "moved moving moves",
    "use": "used using uses",
    "die": "died dying dies",
    "veto": "vetoed vetoing vetoes",
    "pass": "passed passing passes",
    "separate": "separated separating separates",
    "promise": "promised promising promises",
    "fulfil": "fulfill fulfilled fulfilling fulfills fulfils",
    "carry": "carried carrying carries",
    "deny": "denied denying denies",
    "try": "tried trying tries",
    "apply": "applied applying applies",
    "stop": "stopped stopping stops",
    "plan": "planned planning plans",
    "admit": "admitted admitting admits",
    "commit": "committed committing commits",
    "submit": "submitted submitting submits",
}
# Past forms of regular verbs that the matcher's completion check has always read as past.
_REGULAR_PAST_KEPT = words("signed agreed reached")

AUXILIARIES = frozenset(words("is are was were be been being am has have had do does did"))
BE_FORMS = frozenset(words("is are was were be been being am"))
MODALS_PLANNED = frozenset(words("will would shall 'll"))
MODALS_POSSIBLE = frozenset(words("may might could can"))
MODALS_OBLIGATION = frozenset(words("should must ought"))
# "plans to", "expected to", "set to": the act has not happened yet.
PLANNING_WORDS = frozenset(
    words(
        "plans plan planned planning intends intend expected expects set poised going about due aims hopes seeks wants"
    )
)
# Verbs and nouns that pass a predicate on ("has not fulfilled its promise to separate" denies the
# separating; "managed to reach" reaches).
FRAME_WORDS = frozenset(
    words(
        "fulfil fulfill fulfilled keep kept honour honor promise pledge commitment manage bother succeed dare"
    )
)
# "X lost to Y" says "Y beat X": (lemma as written, its preposition) -> the lemma it is read as.
CONVERSES: dict[tuple[str, str], str] = {
    ("lose", "to"): "beat",
    ("fall", "to"): "beat",
    ("trail", ""): "lead",
}
# Contests have one winner (as read through CONVERSES and SYNONYM_LEMMAS): whoever wins one cannot
# lose it, so "A won the vote" and "A lost to B" conflict though the vote is not named as a person.
CONTEST_LEMMAS = frozenset(["beat", "lead"])
# Verbs that say the same act happened to the other side ("defeated" reads as "beat").
SYNONYM_LEMMAS: dict[str, str] = {
    "win": "beat",
    "defeat": "beat",
    "top": "beat",
    "edge": "beat",
    "sack": "fire",
    "dismiss": "fire",
}

_FORM_TO_LEMMA: dict[str, str] = {
    form: lemma for lemma, forms in _IRREGULAR.items() for form in (lemma, *forms.split())
}
# Verbs whose past is their base form.
_SAME_PAST = words("beat hit set put cut cost hurt quit shut spread let bid")
PAST_FORMS = (
    frozenset(_SAME_PAST)
    | frozenset(
        form
        for lemma, forms in _IRREGULAR.items()
        for form in forms.split()
        if not form.endswith(("ing", "s")) or form in ("was", "has")
    )
    | frozenset(_REGULAR_PAST_KEPT)
)


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a verb form: irregular forms from the table, regular ones by suffix."""
    word = word.lower()
    known = _FORM_TO_LEMMA.get(word)
    if known is not None:
        return SYNONYM_LEMMAS.get(known, known)
    base = word
    if (word.endswith("ied") and len(word) > 4) or (word.endswith("ies") and len(word) > 4):
        base = word[:-3] + "y"
    elif word.endswith("ing") and len(word) > 5:
        base = word[:-3]
        if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "ls":
            base = base[:-1]
    elif word.endswith("ed") and len(word) > 4:
        base = word[:-2] if word[-3] not in "aeiou" or word.endswith("eed") else word[:-1]
        if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "ls":
            base = base[:-1]
    elif word.endswith("es") and len(word) > 4 and word[-3] in "sxzh":
        base = word[:-2]
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        base = word[:-1]
    return SYNONYM_LEMMAS.get(base, base)


def is_past_form(word: str) -> bool:
    """Whether a word is a past tense or participle form ("won", "passed")."""
    lowered = word.lower()
    return lowered in PAST_FORMS or (lowered.endswith("ed") and len(lowered) > 4)
