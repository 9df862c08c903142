"""Named entities with one canonical id per real-world entity, and person-name canonicalisation.

Public API (also used by the matching engine):

- ``find_entities(text, people=None) -> list[Entity]``: entities in ``text`` with offsets into ``text``.
  Aliases come from the alias table (``aliases.json`` beside this module, extended by the JSON files
  named in the environment variable ``CLAIMDIFF_ALIASES``, separated by ``os.pathsep``): US, U.S.,
  USA, United States and Washington all get ``place:us``. Other capitalised names become people
  (``person:<initial>-<surname>``), organisations or ``other:`` entities.
- ``PersonRegistry``: canonicalises person names within an article (and, through the id scheme, across
  articles): "Sergey Lavrov", "Sergei Lavrov" and a later "Lavrov" are one person; "Kerry" and "Kerrey"
  are not (surnames must match exactly; first names are compared with rapidfuzz Jaro-Winkler).
- ``canonical_id(name) -> tuple[str, str] | None``: (id, kind) of an alias-table name, or None.

Person ids: an alias-table person keeps its id (``person:sergey-lavrov``); any other person is
``person:<first initial>-<surname>`` ("Sergei Ivanov" and "Sergey Ivanov" -> ``person:s-ivanov``), or
``person:<surname>`` when only the surname is ever seen. Ids are lower-case ASCII slugs.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimdiff.models import Entity, EntityKind
from claimdiff.text.lexicon import words

ALIASES_ENV = "CLAIMDIFF_ALIASES"
_ALIASES_FILE = Path(__file__).with_name("aliases.json")

# Tokens: acronyms with dots (U.S., U.N.) stay whole; everything else splits on non-letters.
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+")
_JOINER = re.compile(r"[\s\-'\u2019]*|\s+&\s+")  # what may sit between the tokens of one alias
_ABBREVIATION_GAP = re.compile(r"\.\s+")  # "John F. Kennedy", "Sen. Smith": one name
_SLUG = re.compile(r"[^a-z0-9]+")
_PARTY_AND_STATE = re.compile(r"[RDI]\s?-\s?[A-Z]")  # "R-Texas" after a name: the party and state

PARTICLES = frozenset(
    {
        "de",
        "da",
        "del",
        "della",
        "der",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "bin",
        "ibn",
        "al",
        "el",
        "ben",
        "abu",
        "dos",
        "das",
        "st",
    }
)
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Capitalised words that start sentences or name things other than people.
STOP_CAPITALISED = frozenset(
    words(
        """a an the this that these those there their they them then than he she it its his her we
        our you your i in on at of for to from by with without into onto over under after before
        during since until while as and but or nor so yet if when where why how what who whom
        whose which because although though however meanwhile separately still also asked
        according more most many much some several both each every all any no not one two three
        four five six seven eight nine ten monday tuesday wednesday thursday friday saturday
        sunday january february march april may june july august september october november
        december jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr sen rep gov gen
        president secretary minister foreign state prime chancellor senator representative
        governor mayor general officials advertisement share read related photo image video
        reporting editing writing updated published copyright here now today yesterday tomorrow
        last next earlier later other another such even just only after despite amid among
        against between around about like unlike just while instead nobody everyone everybody
        someone somebody anyone anybody none nothing everything something anything nowhere
        everywhere either neither whoever whatever usd eur gbp chf jpy cny cad aud nzd hkd sgd inr
        krw sek nok dkk pln czk huf brl mxn zar"""
    )
)
ORGANISATION_WORDS = frozenset(
    words(
        """department ministry agency office council committee commission union party army forces
        force navy police court bank fund group company corp corporation inc ltd co university
        institute association front organization organisation operations command news times post
        press reuters service services authority board parliament assembly government
        administration federation league coalition alliance foundation network hospital school
        college church foods air airlines airways energy power electric motors systems
        technologies holdings partners media pharmaceuticals communications industries capital
        band tribe conference caucus magazine newspaper journal tribune herald gazette globe
        chronicle inquirer enquirer examiner telegraph guardian pollster"""
    )
)
# Words that name a sports club ("Riverside United", "Harbor Rovers FC"): organisations, not people.
SPORTS_CLUB_WORDS = frozenset(
    words(
        """fc afc sc cf ac club united rovers athletic athletico atletico wanderers albion hotspur
        olympique dynamo sporting"""
    )
)
# Suffixes that close a name; their period belongs to it ("Voltra Mobility Inc.", "Harold T. Banks Jr.").
NAME_SUFFIXES = frozenset(words("inc ltd corp co llc plc bros cos jr sr"))
_ORGANISATION_OR_CLUB_WORDS = ORGANISATION_WORDS | SPORTS_CLUB_WORDS
PLACE_WORDS = frozenset(
    words(
        """city province state county region district river sea street square hotel airport building
        memorial center centre tower plaza avenue boulevard highway stadium arena museum library
        cathedral fairgrounds bridge"""
    )
)
# First words of two-word place names ("New Hampshire", "South Carolina", "Middle East", "Fort Worth").
PLACE_FIRST_WORDS = frozenset(
    words("""new north south west east middle northern southern eastern western central fort port mount""")
)
# Last words of names of laws, programmes, doctrines and other things ("Social Security", "the Bush Doctrine",
# "Affordable Care Act"): never a person, never a speaker a pronoun refers to.
THING_WORDS = frozenset(
    words(
        """security doctrine act program programme initiative amendment treaty accord plan ground
        bowl cup award prize"""
    )
)


@lru_cache(maxsize=8192)
def slug(text: str) -> str:
    """ASCII lower-case slug: "Sergéy Lavrov" -> "sergey-lavrov"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _SLUG.sub("-", ascii_text.lower()).strip("-")


def _alias_key(alias: str) -> tuple[str, ...]:
    return tuple(token.lower() for token in TOKEN.findall(alias))


@dataclass(frozen=True)
class AliasEntry:
    """One alias of the table: the entity it names and whether it must match case-sensitively."""

    id: str
    kind: EntityKind
    name: str
    exact: str | None  # the exact surface form when case matters (single-token aliases), else None


@dataclass
class AliasTable:
    """Aliases indexed by their lower-cased token tuples, for a linear longest-match scan."""

    by_key: dict[tuple[str, ...], list[AliasEntry]] = field(default_factory=dict)
    first_tokens: set[str] = field(default_factory=set)
    sizes_by_first: dict[str, tuple[int, ...]] = field(default_factory=dict)  # alias lengths, longest first
    lower_tokens: set[str] = field(default_factory=set)  # lower-case words inside aliases ("al", "of")
    _scanner: re.Pattern[str] | None = None
    longest: int = 1
    names: dict[str, tuple[str, EntityKind, str]] = field(default_factory=dict)  # id -> (id, kind, name)
    people: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # surname -> [(first, id)]

    def add(self, entity: dict[str, Any]) -> None:
        """Add one entity (or more aliases for an existing id)."""
        entity_id = str(entity["id"])
        kind: EntityKind = entity.get("kind", "other")
        name = str(entity.get("name") or entity_id)
        if entity_id in self.names:
            kind, name = self.names[entity_id][1], self.names[entity_id][2]
        self.names[entity_id] = (entity_id, kind, name)
        for alias in {name, *entity.get("aliases", [])}:
            key = _alias_key(alias)
            if not key:
                continue
            exact = alias if len(key) == 1 else None
            self.by_key.setdefault(key, []).append(AliasEntry(entity_id, kind, name, exact))
            self.first_tokens.add(key[0])
            self.lower_tokens.update(t for t in TOKEN.findall(alias) if t[0].islower())
            self._scanner = None
            sizes = {*self.sizes_by_first.get(key[0], ()), len(key)}
            self.sizes_by_first[key[0]] = tuple(sorted(sizes, reverse=True))
            self.longest = max(self.longest, len(key))
            if kind == "person" and len(key) >= 2:
                first, surname = split_person_name(alias)
                if surname:
                    self.people.setdefault(surname, []).append((first, entity_id))

    def scanner(self) -> re.Pattern[str]:
        """A token regex that yields only what can be part of a name: capitalised words, acronyms and the
        lower-case words of aliases and name particles. Skipped words leave letters in the gap between two
        tokens, so adjacency checks stay exact."""
        if self._scanner is None:
            lower = sorted(self.lower_tokens | PARTICLES, key=len, reverse=True)
            # Ordered so that a position inside a lower-case word (most positions) fails on the first test
            # of each branch: an upper-case letter, then "at a word start".
            self._scanner = re.compile(
                r"[^\W\d_a-z\u00df-\u00f6\u00f8-\u00ff](?:(?<=[A-Z])\.(?:[A-Za-z]\.)+|[^\W_]*)"  # Kerry, U.S.
                r"|(?<![^\W_])(?:[a-z]\.(?:[A-Za-z]\.)+"  # a.m.
                r"|(?:" + "|".join(map(re.escape, lower)) + r")(?![^\W_]))"  # al, de, of
            )
        return self._scanner

    def lookup(self, key: tuple[str, ...], surface: str) -> AliasEntry | None:
        """The entry for these tokens, honouring case-sensitive aliases."""
        entries = self.by_key.get(key)
        if not entries:
            return None
        for entry in entries:
            if entry.exact is None or entry.exact == surface:
                return entry
        return None


def _load(path: Path, table: AliasTable) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for entity in data.get("entities", []):
        table.add(entity)


@lru_cache(maxsize=1)
def alias_table() -> AliasTable:
    """The shipped alias table plus the files named in ``CLAIMDIFF_ALIASES`` (loaded once per process)."""
    table = AliasTable()
    _load(_ALIASES_FILE, table)
    for extra in filter(None, os.environ.get(ALIASES_ENV, "").split(os.pathsep)):
        _load(Path(extra), table)
    return table


def canonical_id(name: str) -> tuple[str, EntityKind] | None:
    """(id, kind) of a name that is an alias in the table, else None."""
    key = _alias_key(name)
    entry = alias_table().lookup(key, name.strip()) if key else None
    return (entry.id, entry.kind) if entry else None


@lru_cache(maxsize=8192)
def split_person_name(name: str) -> tuple[str, str]:
    """(first name, surname) in lower-case ASCII; surname keeps particles ("de mistura", "al assad")."""
    tokens = [t for t in re.split(r"[\s]+", slug_tokens(name)) if t]
    while tokens and tokens[-1] in _SUFFIXES:
        tokens.pop()
    if not tokens:
        return "", ""
    surname_start = len(tokens) - 1
    while surname_start > 0 and tokens[surname_start - 1] in PARTICLES:
        surname_start -= 1
    surname = " ".join(tokens[surname_start:])
    first = tokens[0] if surname_start > 0 else ""
    return first.rstrip("."), surname


@lru_cache(maxsize=8192)
def slug_tokens(name: str) -> str:
    """Lower-case ASCII words of a name, hyphens as spaces: "Bashar al-Assad" -> "bashar al assad"."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+\.?", ascii_text.replace(".", ". ")))


TITLES = frozenset(
    words(
        """mr mr. mrs mrs. ms ms. dr dr. prof prof. sen sen. rep rep. gov gov. gen gen. lt lt. col
        col. sgt sgt. capt capt. adm adm. maj maj. rev rev. president secretary minister senator
        governor mayor judge justice chancellor superintendent director chief officer executive
        chairman chairwoman commissioner sheriff coach pope king queen prince princess sir dame
        lord democrat republican representative envoy ambassador general admiral colonel captain
        sergeant detective inspector professor doctor steward spokesman spokeswoman"""
    )
)


# Capitalised role words that precede a full name ("Substitute Daniel Okoro", "Councillor Mara Lind"). Unlike
# ``TITLES`` they are stripped only before a given name and a surname: some are names too ("Major", "Dean").
ROLE_WORDS = frozenset(
    words(
        """substitute striker goalkeeper keeper defender midfielder forward winger captain coach
        manager referee umpire quarterback pitcher rookie veteran councillor councilor councilman
        councilwoman alderman alderwoman assemblyman assemblywoman congressman congresswoman
        delegate commissioner trustee treasurer clerk auditor comptroller registrar principal dean
        provost headmaster headmistress teacher lecturer researcher scientist analyst economist
        strategist historian author novelist journalist reporter correspondent editor columnist
        anchor chef pilot nurse surgeon physician paramedic firefighter constable officer deputy
        marshal trooper sergeant corporal lieutenant major brigadier commander consul attorney
        lawyer solicitor barrister prosecutor magistrate bishop archbishop cardinal pastor rabbi
        imam reverend chairperson founder owner architect engineer farmer activist organiser
        organizer steward ranger warden inspector investigator ceo cfo coo cto speaker whip
        skipper fullback halfback bowler batsman jockey trainer rider cyclist sprinter boxer golfer
        agent leader tem"""
    )
)


def strip_titles(name: str) -> str:
    """ "Secretary of State John Kerry" -> "John Kerry"; a bare surname or a title alone is kept.

    When the name starts with a title, what is kept is the trailing name: one given name, initials,
    particles and the surname ("Harold T. Banks Jr.", "Staffan de Mistura"). A capitalised role word right
    before a given name and a surname goes too ("Substitute Daniel Okoro" -> "Daniel Okoro").
    """
    words = name.split()
    if len(words) < 2:
        return name
    if words[0].lower() not in TITLES:
        if len(words) < 3:
            return name
        start = _trailing_name_start(words)
        role = words[start - 1].lower() if start > 0 else ""
        if len(words) - start >= 2 and (role in ROLE_WORDS or role in TITLES):
            return " ".join(words[start:])
        return name
    return " ".join(words[_trailing_name_start(words) :])


def _trailing_name_start(words: list[str]) -> int:
    """Where the trailing person name of ``words`` starts: one given name, initials, particles, surname."""
    start = len(words) - 1
    if words[start].lower().rstrip(".") in _SUFFIXES and start > 0:
        start -= 1
    while start > 0 and words[start - 1].lower() in PARTICLES:
        start -= 1
    while start > 0 and _is_initial(words[start - 1]):
        start -= 1
    if (
        start > 0
        and words[start - 1][:1].isupper()
        and words[start - 1].lower() not in TITLES
        and words[start - 1].lower() not in ROLE_WORDS
        and not _is_initial(words[start - 1])
    ):
        start -= 1
    while start > 0 and _is_initial(words[start - 1]):
        start -= 1  # "A. Barry Rand"
    return start


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[1] == "." and word[0].isupper()


def _first_names_compatible(first_a: str, first_b: str) -> bool:
    if not first_a or not first_b:
        return True
    a, b = first_a.rstrip("."), first_b.rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    # Lazy: most articles never compare two different first names, so cold starts skip the import.
    from rapidfuzz.distance import JaroWinkler  # noqa: PLC0415

    return a == b or (a[0] == b[0] and JaroWinkler.similarity(a, b) >= 0.85)


@dataclass
class Person:
    """A canonical person of an article."""

    id: str
    name: str
    first: str
    surname: str


class PersonRegistry:
    """Canonical people of one article: later mentions resolve to earlier, fuller ones."""

    def __init__(self) -> None:
        self._by_surname: dict[str, list[Person]] = {}
        self._seen: dict[str, Person] = {}

    def resolve(self, name: str) -> Person:
        """The canonical person for ``name`` (registered if new); titles before the name are dropped."""
        known = self._seen.get(name)
        if known is not None and (known.first or " " not in name):
            return known
        person = self._resolve(name)
        self._seen[name] = person
        return person

    def _resolve(self, name: str) -> Person:
        name = strip_titles(name)
        first, surname = split_person_name(name)
        if not surname:
            surname = slug(name)
        known = self._by_surname.get(surname, [])
        for person in reversed(known):
            if _first_names_compatible(first, person.first):
                if first and not person.first:
                    # A fuller name arrives after a surname-only mention: upgrade in place.
                    person.first, person.name = first, name
                    person.id = self._id_for(first, surname, name)
                return person
        person = Person(id=self._id_for(first, surname, name), name=name, first=first, surname=surname)
        self._by_surname.setdefault(surname, []).append(person)
        return person

    def with_surname(self, token: str) -> list[Person]:
        """The people of the article with this surname, earliest first."""
        return list(self._by_surname.get(slug_tokens(token), ()))

    def known_surname(self, token: str) -> Person | None:
        """The most recent person with this surname, if any."""
        people = self._by_surname.get(slug_tokens(token))
        return people[-1] if people else None

    @staticmethod
    @lru_cache(maxsize=8192)
    def _id_for(first: str, surname: str, name: str) -> str:
        table = alias_table()
        entry = table.lookup(_alias_key(name), name.strip())
        if entry is not None and entry.kind == "person":
            return entry.id
        candidates = table.people.get(surname, [])
        compatible = {
            entity_id for known_first, entity_id in candidates if _first_names_compatible(first, known_first)
        }
        if len(compatible) == 1:
            return compatible.pop()
        surname_slug = slug(surname)
        return f"person:{first[0]}-{surname_slug}" if first else f"person:{surname_slug}"


def find_entities(text: str, people: PersonRegistry | None = None) -> list[Entity]:
    """Find the named entities of ``text`` (offsets into ``text``), each with its canonical id."""
    table = alias_table()
    tokens = [(m.start(), m.end(), m[0]) for m in table.scanner().finditer(text)]
    entities: list[Entity] = []
    index = 0
    count = len(tokens)
    while index < count:
        token = tokens[index][2]
        if token[0].islower() and token not in table.first_tokens:
            index += 1
            continue
        lowered = token.lower()
        matched = 0
        if lowered in table.first_tokens:
            matched = _match_alias(text, tokens, index, table, entities)
            if matched and people is not None and entities[-1].kind == "person":
                entities[-1].id = people.resolve(entities[-1].text).id
        if matched:
            index += matched
            continue
        if token[:1].isupper() and lowered not in STOP_CAPITALISED and not token.isdigit():
            index = _capitalised_run(
                text, tokens=tokens, index=index, table=table, out=entities, people=people
            )
            continue
        index += 1
    return entities


def _match_alias(
    text: str, tokens: list[tuple[int, int, str]], index: int, table: AliasTable, out: list[Entity]
) -> int:
    found = _alias_at(text, tokens, index, table)
    if found is None:
        return 0
    size, entry = found
    start, end = tokens[index][0], tokens[index + size - 1][1]
    out.append(Entity(text=text[start:end], start=start, end=end, id=entry.id, kind=entry.kind))
    return size


def _alias_at(
    text: str, tokens: list[tuple[int, int, str]], index: int, table: AliasTable
) -> tuple[int, AliasEntry] | None:
    """The longest alias that starts at token ``index``: (its number of tokens, its entry), or None."""
    available = len(tokens) - index
    for size in table.sizes_by_first.get(tokens[index][2].lower(), ()):
        if size > available:
            continue
        last = index + size - 1
        if size > 1 and not all(_joined(text, tokens, i) for i in range(index, last)):
            continue
        key = (
            tuple(tokens[i][2].lower() for i in range(index, last + 1))
            if size > 1
            else (tokens[index][2].lower(),)
        )
        entry = table.lookup(key, text[tokens[index][0] : tokens[last][1]])
        if entry is not None:
            return size, entry
    return None


def _joined(text: str, tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Whether token ``index`` and the next one belong to one name (only spaces, hyphens, apostrophes, &)."""
    gap_start, gap_end = tokens[index][1], tokens[index + 1][0]
    if gap_end - gap_start == 1:
        return text[gap_start] in " -'\u2019"
    return _JOINER.fullmatch(text, gap_start, gap_end) is not None


def _continues_organisation(tokens: list[tuple[int, int, str]], last: int, position: int) -> bool:
    """Whether "of" (or "of the") at ``position`` continues the organisation whose name ends at ``last``
    ("Ministry" + "of Finance"): the name's last word is an organisation word and a capitalised word follows."""
    if tokens[last][2].lower() not in ORGANISATION_WORDS:
        return False
    connector = tokens[position][2].lower()
    if connector == "of" and position != last + 1:
        return False
    if connector == "the" and (position != last + 2 or tokens[position - 1][2].lower() != "of"):
        return False
    following = tokens[position + 1][2] if position + 1 < len(tokens) else ""
    return following[:1].isupper() or (connector == "of" and following == "the")


def _capitalised_run(
    text: str,
    *,
    tokens: list[tuple[int, int, str]],
    index: int,
    table: AliasTable,
    out: list[Entity],
    people: PersonRegistry | None,
) -> int:
    """Read a run of capitalised tokens (with name particles) starting at ``index``; return the next index."""
    last = index
    position = index + 1
    count = len(tokens)
    after_of = False  # inside "Ministry of (the) ...": the name goes on after "of"
    while position < count:
        token = tokens[position][2]
        previous_token = tokens[position - 1][2]
        if not _joined(text, tokens, position - 1) and not (
            len(previous_token) <= 3
            and previous_token[:1].isupper()
            and previous_token.lower()
            not in NAME_SUFFIXES  # "Voltra Inc. Chief Executive Ana Ruiz": two names
            and _ABBREVIATION_GAP.fullmatch(text, tokens[position - 1][1], tokens[position][0])
        ):
            break
        capitalised = token[:1].isupper()
        lowered_token = token.lower()
        if lowered_token in ("of", "the") and _continues_organisation(tokens, last, position):
            # "Ministry of Finance", "Bank of England", "Ministry of the Interior": one organisation.
            after_of = True
            position += 1
            continue
        if after_of and capitalised:
            after_of = False
            last = position
            position += 1
            continue
        if (
            capitalised
            and lowered_token in table.first_tokens
            and (
                lowered_token not in _ORGANISATION_OR_CLUB_WORDS
                or _alias_at(text, tokens, position, table) is not None
            )
        ):
            # An alias may start here ("Kerry and Lavrov" is fine, but stop before "Moscow"). A word that ends
            # an organisation's name continues it when no alias starts there ("Riverside United").
            break
        if capitalised and (
            lowered_token not in STOP_CAPITALISED
            or (len(token) == 1 and text.startswith(". ", tokens[position][1]))  # "John A. Boehner"
        ):
            last = position
        elif lowered_token in PARTICLES and position + 1 < count and tokens[position + 1][2][:1].isupper():
            pass
        else:
            break
        position += 1
    start, end = tokens[index][0], tokens[last][1]
    if end < len(text) and text[end] == "." and tokens[last][2].lower() in NAME_SUFFIXES and last > index:
        end += 1  # "Voltra Mobility Inc.": the period is part of the name
    surface = text[start:end]
    words = [token[2] for token in tokens[index : last + 1]]
    lowered = {w.lower() for w in words}
    kind: EntityKind
    if _PARTY_AND_STATE.match(surface):
        kind = "other"  # "R-Texas", "D-N.Y.": a party label after a name, never a person
        entity_id = f"other:{slug(surface)}"
    elif not _ORGANISATION_OR_CLUB_WORDS.isdisjoint(lowered) or (len(words) > 1 and "&" in surface):
        kind = "organization"
        entity_id = f"organization:{slug(surface)}"
    elif not PLACE_WORDS.isdisjoint(lowered) or (len(words) == 2 and words[0].lower() in PLACE_FIRST_WORDS):
        kind = "place"
        entity_id = f"place:{slug(surface)}"
    elif len(words) > 1 and words[-1].lower() in THING_WORDS:
        kind = "other"  # "Social Security", "Bush Doctrine": a thing, not a person
        entity_id = f"other:{slug(surface)}"
    elif people is not None and (len(words) >= 2 or people.known_surname(surface) is not None):
        person = people.resolve(surface)
        kind, entity_id = "person", person.id
    elif len(words) == 1 and len({i for _, i in table.people.get(slug_tokens(surface), [])}) == 1:
        kind, entity_id = "person", table.people[slug_tokens(surface)][0][1]
    elif (
        len(words) >= 2
        and all(w.isalpha() for w in words)
        and not any(w.isupper() and len(w) > 1 for w in words)
    ):
        kind = "person"
        person_name = strip_titles(surface)
        entity_id = PersonRegistry._id_for(*split_person_name(person_name), person_name)
    else:
        kind = "other"
        entity_id = f"other:{slug(surface)}"
    if entity_id.endswith(":"):
        return last + 1
    out.append(Entity(text=surface, start=start, end=end, id=entity_id, kind=kind))
    return last + 1
