"""Written one-slot opposites and paraphrases (issue 7): at least 40 pairs of each kind.

Each kind crosses a few subjects with a few predicates, so that a rule written for one sentence
cannot pass the set. The opposites differ in exactly one slot; the paraphrases say the same thing
in other words (a synonym, the passive, a converse verb, a reordering).
"""

from __future__ import annotations

from itertools import product

_BODIES = ("Congress", "The Senate", "The city council", "The school board", "Parliament", "The committee",
           "The state assembly", "The county board")  # fmt: skip
_FIRMS = ("The company", "The airline", "The carmaker", "The hospital", "The university", "The retailer",
          "The bank", "The mining firm")  # fmt: skip
_PEOPLE = ("Smith", "Jones", "Garcia", "Okafor", "Novak", "Haddad", "Larsen", "Moreau", "Tanaka", "Rossi")
_TEAMS = (("the Lakers", "the Celtics"), ("Arsenal", "Chelsea"), ("the Yankees", "the Red Sox"),
          ("Brazil", "Argentina"), ("the Packers", "the Bears"), ("Ajax", "Feyenoord"),
          ("the Knicks", "the Nets"), ("Leeds", "Everton"), ("the Jets", "the Giants"),
          ("Porto", "Benfica"))  # fmt: skip


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


NEGATION = [
    (f"{who} {done}.", f"{who} {denied}.")
    for who, (done, denied) in product(
        _BODIES,
        (
            ("passed the bill", "did not pass the bill"),
            ("approved the budget", "did not approve the budget"),
            ("has withdrawn the proposal", "has not withdrawn the proposal"),
            ("signed the agreement", "never signed the agreement"),
            ("released the report on Friday", "has not released the report"),
        ),
    )
] + [
    # An answer: "no" denies what "yes" grants.
    (f"Asked to hand over the files, {who} said yes.", f"Asked to hand over the files, {who} said no.")
    for who in _PEOPLE[:4]
]
ANTONYM = (
    [
        (f"{who} {one}.", f"{who} {other}.")
        for who, (one, other) in product(
            _FIRMS,
            (
                ("hired 200 workers", "fired 200 workers"),
                ("accepted the offer", "rejected the offer"),
                ("won the contract", "lost the contract"),
                ("supported the merger", "opposed the merger"),
                ("approved the deal", "vetoed the deal"),
            ),
        )
    ]
    + [(f"The judge ruled in favor of {who}.", f"The judge ruled against {who}.") for who in _FIRMS[:4]]
    + [
        (f"The governor will veto the {bill} bill.", f"The governor will sign the {bill} bill.")
        for bill in ("tax", "gun", "budget", "water")
    ]
    + [
        (f"{who} praised the police for the arrest.", f"{who} {blamed} the police for the arrest.")
        for who, blamed in product(_PEOPLE[:4], ("criticized", "condemned"))
    ]
    # Outcomes of a decision, a vote or a marriage.
    + [
        (f"{who} {one}.", f"{who} {other}.")
        for who, (one, other) in product(
            _PEOPLE[:3],
            (
                ("is married to the senator", "is divorced from the senator"),
                ("welcomed the visit", "rejected the visit"),
                ("embraced the treaty", "opposed the treaty"),
            ),
        )
    ]
    + [(f"{who} adopted the resolution.", f"{who} rejected the resolution.") for who in _BODIES[:3]]
    + [
        (
            f'"We have got to pass this {bill} bill," {who} said.',
            f'"We have got to defeat this {bill} bill," {who} said.',
        )
        for who, bill in product(_PEOPLE[7:9], ("tax", "gun"))
    ]
    # One verb, opposite particles.
    + [
        (f"{who} {verb} for the {bill} bill.", f"{who} {verb} against the {bill} bill.")
        for who, verb, bill in product(_PEOPLE[4:7], ("voted", "lobbied", "campaigned"), ("tax", "gun"))
    ]
)
TIME = [
    (f"{who} {act} on {day}.", f"{who} {act} on {other}.")
    for who, act, (day, other) in product(
        ("The minister", "The chief executive", "The coach", "The mayor"),
        ("resigned", "was arrested", "announced the plan"),
        (("Monday", "Thursday"), ("Tuesday", "Saturday"), ("Wednesday", "Sunday")),
    )
][:32] + [
    (f"The {place} will close in {month}.", f"The {place} will close in {other}.")
    for place, (month, other) in product(
        ("plant", "mine", "factory", "store"), (("January", "October"), ("March", "July"))
    )
]
ROLES = [
    (f"{_cap(x)} {verb} {y}.", f"{_cap(y)} {verb} {x}.")
    for (x, y), verb in product(_TEAMS, ("beat", "defeated", "edged", "routed"))
]
ATTRIBUTION = [
    (f'"{quote}," {one} said.', f'"{quote}," {other} said.')
    for quote, (one, other) in product(
        (
            "We will not back down from this fight",
            "The plan will cut taxes for working families",
            "I never met him before the election",
            "The deal is dead",
            "This was the hardest decision of my career",
        ),
        (("Mayor Smith", "Governor Jones"), ("Senator Garcia", "Senator Okafor"), ("Maria Novak", "Omar Haddad"),
         ("Judge Larsen", "Judge Moreau"), ("Kenji Tanaka", "Paola Rossi"), ("Anna Smith", "Peter Jones"),
         ("Chief Okafor", "Chief Garcia"), ("Dr. Haddad", "Dr. Novak")),
    )
]  # fmt: skip
QUANTITY = [
    (f"{who} {verb} {n} {thing}.", f"{who} {verb} {m} {thing}.")
    for who, verb, thing, (n, m) in product(
        _FIRMS[:5],
        ("cut", "hired"),
        ("workers", "engineers"),
        (("200", "450"), ("1,200", "3,000")),
    )
]

OPPOSITES: dict[str, list[tuple[str, str]]] = {
    "negation": NEGATION,
    "antonym": ANTONYM,
    "time": TIME,
    "roles": ROLES,
    "attribution": ATTRIBUTION,
    "quantity": QUANTITY,
}

PARAPHRASES: dict[str, list[tuple[str, str]]] = {
    "negation": [(f"{who} passed the bill.", f"The bill was passed by {who[0].lower() + who[1:] if who.startswith('The') else who}.") for who in _BODIES]
    + [(f"{who} did not pass the bill.", f"{who} failed to pass the bill.") for who in _BODIES]
    + [(f"{who} has not withdrawn the proposal.", f"{who} has not yet withdrawn the proposal.") for who in _BODIES]
    + [(f"{who} approved the budget.", f"{who} approved the budget on Friday.") for who in _BODIES]
    + [(f"{who} signed the agreement.", f"{who} has signed the agreement.") for who in _BODIES],
    "antonym": [(f"{who} hired 200 workers.", f"{who} hired about 200 workers.") for who in _FIRMS]
    + [(f"{who} won the contract.", f"{who} has won the contract.") for who in _FIRMS]
    + [(f"{who} rejected the offer.", f"{who} turned down the offer.") for who in _FIRMS]
    + [(f"{who} opposed the merger.", f"{who} opposed the proposed merger.") for who in _FIRMS]
    + [(f"{who} accepted the offer.", f"{who} accepted the offer on Monday.") for who in _FIRMS],
    "roles": [(f"{_cap(x)} beat {y}.", f"{_cap(y)} lost to {x}.") for x, y in _TEAMS]
    + [(f"{_cap(x)} beat {y}.", f"{_cap(y)} were beaten by {x}.") for x, y in _TEAMS]
    + [(f"{_cap(x)} defeated {y}.", f"{_cap(x)} beat {y}.") for x, y in _TEAMS]
    + [(f"{_cap(x)} beat {y} on Sunday.", f"On Sunday, {x} beat {y}.") for x, y in _TEAMS],
    "attribution": [(f'"{q}," {p} said.', f'"{q}," {p} told reporters.') for q, p in product(
        ("We will not back down from this fight", "The deal is dead", "The plan will cut taxes for working families",
         "This was the hardest decision of my career"),
        ("Mayor Smith", "Senator Garcia", "Maria Novak", "Judge Larsen", "Kenji Tanaka"),
    )]
    + [(f'"{q}," {p} said.', f'{p} said: "{q}."') for q, p in product(
        ("We will not back down from this fight", "The deal is dead", "The plan will cut taxes for working families",
         "This was the hardest decision of my career"),
        ("Mayor Smith", "Senator Garcia", "Maria Novak", "Judge Larsen", "Kenji Tanaka"),
    )],
    "quantity": [(f"{who} cut {n} workers.", f"{who} cut about {r} workers.") for who, (n, r) in product(
        _FIRMS, (("212", "200"), ("1,180", "1,200"), ("48", "50"), ("3,020", "3,000"), ("995", "1,000"))
    )],
    "time": [(f"{who} resigned on Monday.", f"{who} resigned Monday.") for who in _PEOPLE]
    + [(f"{who} resigned on Monday.", f"On Monday, {who} resigned.") for who in _PEOPLE]
    + [(f"{who} will step down in January.", f"{who} will step down in January, aides said.") for who in _PEOPLE]
    + [(f"{who} was arrested on Tuesday.", f"{who} was arrested on Tuesday night.") for who in _PEOPLE],
}  # fmt: skip
