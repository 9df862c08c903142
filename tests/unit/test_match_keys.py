"""blocking_keys(): bounded, safe inside a DynamoDB key, shared by claims about the same thing."""

from __future__ import annotations

import re

from claimdiff.match import MAX_KEYS, blocking_keys
from claimdiff.models import Claim, Entity

_SAFE = re.compile(r"^[a-z0-9_\-]{1,40}$")


def make_claim(text: str, entities: list[tuple[str, str]] = ()) -> Claim:  # type: ignore[assignment]
    found = [
        Entity(text=surface, start=text.index(surface), end=text.index(surface) + len(surface), id=entity_id)
        for surface, entity_id in entities
    ]
    return Claim(
        id="c", article_id="a", outlet="o", index=0, text=text, start=0, end=len(text), entities=found
    )


def test_keys_are_bounded_lowercase_and_free_of_hash() -> None:
    claim = make_claim(
        "The U.S. Secretary#General of the UNITED NATIONS denounced Russia's bombardment of Aleppo "
        "hospitals, schools, bakeries, waterworks and marketplaces on Wednesday.",
        [
            ("U.S.", "place:us"),
            ("UNITED NATIONS", "org:un#1"),
            ("Russia", "place:russia"),
            ("Aleppo", "place:aleppo"),
        ],
    )

    keys = blocking_keys(claim)

    assert 0 < len(keys) <= MAX_KEYS
    assert len(set(keys)) == len(keys)
    for key in keys:
        assert _SAFE.match(key), key
        assert "#" not in f"KEY#{key}#2016-09-09".split("#", 1)[1].rsplit("#", 1)[0]


def test_aliases_share_the_entity_key() -> None:
    a = make_claim(
        "The US has not separated the rebels from Nusra.", [("US", "place:us"), ("Nusra", "org:nusra")]
    )
    b = make_claim(
        "Washington says the rebels have split from al-Nusra Front.",
        [("Washington", "place:us"), ("al-Nusra Front", "org:nusra")],
    )

    assert set(blocking_keys(a)) & set(blocking_keys(b))


def test_paraphrases_without_entities_share_a_content_key() -> None:
    a = make_claim("The ceasefire collapsed after airstrikes hit the convoy.")
    b = make_claim("Airstrikes on the convoy meant the ceasefire collapsed.")

    assert set(blocking_keys(a)) & set(blocking_keys(b))


def test_contradicting_claims_share_a_key() -> None:
    a = make_claim("The ministry confirmed the evacuation of the hospital.")
    b = make_claim("The ministry denied the evacuation of the hospital.")

    assert set(blocking_keys(a)) & set(blocking_keys(b))
    assert not {"confirm", "deni", "denied"} & set(blocking_keys(a) + blocking_keys(b))


def test_keys_are_deterministic_and_skip_common_words() -> None:
    claim = make_claim("Officials said people were told on Monday that the government would meet.")
    keys = blocking_keys(claim)

    assert keys == blocking_keys(claim)
    assert not {"official", "people", "government", "monday", "said"} & set(keys)
