"""What the words around a person's name say about them: the role a later description refers back to, and
the gender a later pronoun needs.

- ``role_heads(words)``: the heads of the titles in a run of words before or after a name ("Arkansas Gov."
  -> {"governor"}, "Vice President" -> {"vice president"}), so that "the governor" or "the former Alaska
  governor" can refer back to the latest person named with that title.
- ``description_head(name)``: the head of a definite description ("the governor" -> "governor", "the former
  Alaska governor" -> "former governor", "A.G." -> "attorney general"), or None when it names no title.
- ``gender_of(title_words, given_name)``: "he" or "she" from an honorific ("Mr.", "Mrs.", "Ms."), a gendered
  role noun ("congresswoman", "spokesman") or a common given name; None when nothing says. Conservative:
  given names used for both sexes ("Chris", "Lindsey", "Jordan") are in neither list.
"""

from __future__ import annotations

from functools import lru_cache

from claimdiff.text.lexicon import words

# Title words -> the head noun a description uses for them.
_TITLE_HEADS: dict[str, str] = {
    "gov.": "governor",
    "gov": "governor",
    "governor": "governor",
    "sen.": "senator",
    "sen": "senator",
    "sens.": "senator",
    "senator": "senator",
    "rep.": "representative",
    "rep": "representative",
    "representative": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "president": "president",
    "mayor": "mayor",
    "secretary": "secretary",
    "dr.": "doctor",
    "dr": "doctor",
    "doctor": "doctor",
    "physician": "doctor",
    "judge": "judge",
    "justice": "justice",
    "minister": "minister",
    "chancellor": "chancellor",
    "premier": "premier",
    "speaker": "speaker",
    "chairman": "chairman",
    "chairwoman": "chairwoman",
    "sheriff": "sheriff",
    "prosecutor": "prosecutor",
    "coach": "coach",
    "ambassador": "ambassador",
    "commissioner": "commissioner",
    "superintendent": "superintendent",
    "ceo": "chief executive",
    "a.g.": "attorney general",
    # Who speaks for someone: "Aitan Goelman, Strzok's attorney, said" ... "the attorney said".
    "attorney": "lawyer",
    "lawyer": "lawyer",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson",
}
# Words before a title that make it another office ("Vice President" is not "the president").
_OTHER_OFFICE = frozenset(words("vice deputy lieutenant lt. lt assistant under associate"))
_DESCRIPTION_ALIASES = {
    "congressman": "representative",
    "congresswoman": "representative",
    "a.g.": "attorney general",
}

_FEMALE_WORDS = frozenset(
    words(
        """mrs. mrs ms. ms miss madam madame dame lady queen princess congresswoman spokeswoman
        chairwoman businesswoman councilwoman assemblywoman alderwoman actress wife mother daughter
        sister grandmother widow first-lady"""
    )
)
_MALE_WORDS = frozenset(
    words(
        """mr. mr sir lord king prince congressman spokesman businessman councilman assemblyman
        alderman actor husband father son brother grandfather widower"""
    )
)
# Common given names that are (almost) always one sex: enough to keep "she" off a man and "he" off a woman.
_FEMALE_NAMES = frozenset(
    words(
        """mary patricia jennifer linda barbara elizabeth susan jessica sarah karen nancy lisa
        margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa
        deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna brenda
        pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth
        maria heather diane virginia julie joyce victoria olivia christina lauren joan evelyn
        judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara
        janice jean alice madison doris abigail julia judy grace denise amber marilyn beverly
        danielle theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla
        hillary hilary michele condoleezza madeleine dianne kirsten elena sonia ruth nikki
        melania ivanka kellyanne heidi katrina megyn betsy tulsi kamala ilhan
        alexandria rashida ayanna liz lizzie meghan tammy claire amy gretchen greta jeanine
        debbie wendy kristen kristin katie kate jane joan jill janet valerie huma loretta
        sally samantha susana mia nina tina carly michaela angela theresa"""
    )
)
_MALE_NAMES = frozenset(
    words(
        """james robert john michael william david richard joseph thomas charles christopher daniel
        matthew anthony donald mark paul steven andrew kenneth joshua kevin brian george edward
        ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
        scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis jerry
        tyler aaron jose henry adam douglas nathan peter zachary kyle walter harold jeremy ethan
        carl keith roger gerald christian sean arthur austin noah lawrence jesse joe bryan
        billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent
        russell louis philip bobby johnny bradley barack bill bernie mitt jeb marco rand mike mitch
        harry chuck ted newt rick dick tim tom jim bob ben jeff steve ken rudy reince trey josh nick
        jay ed eddie martin mitchell boris vladimir sergey sergei emmanuel angelo hank
        marc greg fred frank elijah ron rob dan dave danny don jon lamar orrin darrell"""
    )
)


@lru_cache(maxsize=4096)
def title_facts(title: str) -> tuple[frozenset[str], str | None]:
    """(role heads, gender) of the title words before a name, written as one string ("former Alaska Gov."):
    cached, since the same titles recur sentence after sentence ("Mr.", "Sen.")."""
    title_words = title.split()
    return frozenset(role_heads(title_words)), gender_of(title_words, "")


def role_heads(title_words: list[str]) -> set[str]:
    """The description heads of the title words before a name ("former Alaska Gov." -> {"governor"});
    a title after "Vice" or "Deputy" names another office ("Vice President" -> {"vice president"})."""
    heads: set[str] = set()
    lowered = [word.lower() for word in title_words]
    for index, word in enumerate(lowered):
        head = _TITLE_HEADS.get(word)
        if word == "attorney" and lowered[index + 1 : index + 2] == ["general"]:
            continue  # "Attorney General Jeff Sessions": the next word names the office
        if head is None:
            if word == "general" and index and lowered[index - 1] == "attorney":
                heads.add("attorney general")
            continue
        if index and lowered[index - 1] in _OTHER_OFFICE:
            heads.add(f"{lowered[index - 1].rstrip('.')} {head}")
        elif "former" in lowered[:index]:
            heads.add(f"former {head}")  # "former Alaska Gov.": not "the governor" now
        else:
            heads.add(head)
    return heads


def description_head(name: str) -> str | None:
    """The head of a definite description, if it names a title ("former Alaska governor" -> "governor");
    None for a description of another office ("vice president" is not "president")."""
    lowered = name.lower().split()
    if not lowered:
        return None
    last = lowered[-1]
    if last == "general" and len(lowered) >= 2 and lowered[-2] == "attorney":
        return "attorney general"
    head = _DESCRIPTION_ALIASES.get(last) or _TITLE_HEADS.get(last)
    if head is None or (len(lowered) >= 2 and lowered[-2] in _OTHER_OFFICE):
        return None
    return f"former {head}" if "former" in lowered else head


def gender_of(title_words: list[str], given_name: str) -> str | None:
    """ "he" or "she" from the honorific or role words before a name, else from its given name."""
    for word in reversed(title_words):
        lowered = word.lower()
        if lowered in _FEMALE_WORDS:
            return "she"
        if lowered in _MALE_WORDS:
            return "he"
    given = given_name.lower().rstrip(".")
    if given in _FEMALE_NAMES:
        return "she"
    if given in _MALE_NAMES:
        return "he"
    return None
