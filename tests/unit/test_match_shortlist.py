"""The first pass of matching: best candidates first, a floor, a cap per claim and per outlet."""

from __future__ import annotations

from claimdiff.match.shortlist import shortlist

QUERY = "the us has not separated the rebels from nusra"


def test_best_first_under_the_cap_and_above_the_floor() -> None:
    keys = ["the central bank left rates unchanged", QUERY, "the us has separated the rebels from nusra"]
    assert shortlist(QUERY, keys, ["a", "b", "c"], limit=5, per_outlet=5, floor=50) == [1, 2]
    assert shortlist(QUERY, keys, ["a", "b", "c"], limit=1, per_outlet=5, floor=0) == [1]


def test_no_outlet_takes_more_than_its_share() -> None:
    keys = [QUERY] * 4 + ["the us separated the rebels from nusra"]
    outlets = ["flood"] * 4 + ["wire"]
    assert shortlist(QUERY, keys, outlets, limit=3, per_outlet=2, floor=0) == [0, 1, 4]


def test_nothing_to_shortlist() -> None:
    assert shortlist(QUERY, [], [], limit=5, per_outlet=2, floor=0) == []


def test_copies_of_one_text_take_two_places() -> None:
    keys = [QUERY] * 4 + ["the us separated the rebels from nusra"]
    outlets = ["a", "b", "c", "d", "e"]
    assert shortlist(QUERY, keys, outlets, limit=3, per_outlet=2, floor=0) == [0, 1, 4]
