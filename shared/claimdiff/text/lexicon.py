"""Word lists written as one string: long lexicons stay compact and readable."""

from __future__ import annotations


def words(text: str) -> list[str]:
    """The whitespace-separated words of ``text``: ``words("said told")`` -> ``["said", "told"]``."""
    return text.split()
