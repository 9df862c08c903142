"""Outlet names: one documented pattern, no look-alikes."""

from __future__ import annotations

import pytest
from claimdiff.outlets import outlet_problem


@pytest.mark.parametrize(
    "name", ["wire-a", "NYT", "asahi.com", "le_monde", "лента", "日本経済新聞", "朝日シンブン", "bbc2"]
)
def test_valid_outlet_names(name: str) -> None:
    assert outlet_problem(name) is None


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("", "1 to 64"),
        ("w" * 65, "1 to 64"),
        ("..", "start and end"),
        ("a..b", "'..'"),
        ("wire a", "only letters"),
        ("wire\x07a", "only letters"),
        ("wire\u200ba", "only letters"),
        ("w\u0456re-a", "mixes scripts"),
        ("\uff57ire-a", "NFKC"),
        ("-wire", "start and end"),
    ],
)
def test_invalid_outlet_names_say_why(name: str, why: str) -> None:
    problem = outlet_problem(name)
    assert problem is not None and why in problem
