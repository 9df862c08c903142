"""Outlet names: the folder of an article's key, and the name every listing and comparison shows.

Names are validated where they enter (the ingest of a key, the CLI's ``--outlet``) so that no control
character, path trick or look-alike of another outlet's name is ever stored.
"""

from __future__ import annotations

import unicodedata

MAX_OUTLET_CHARS = 64
_OUTLET_PUNCTUATION = "-_."
# Scripts that one name may mix: Japanese writes kanji with kana, Korean hanja with hangul.
_CJK_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL"})


def outlet_problem(name: str) -> str | None:
    """Why ``name`` cannot be an outlet, or None when it can.

    An outlet is 1 to 64 letters and digits of one script, with ``-``, ``_`` and ``.`` between them, in
    NFKC form: no spaces, controls or invisible characters, no ``..``, and no mixing of scripts, so that
    "wіre-a" with a Cyrillic "і" cannot pass for "wire-a".
    """
    if not name or len(name) > MAX_OUTLET_CHARS:
        return f"outlet must be 1 to {MAX_OUTLET_CHARS} characters"
    if unicodedata.normalize("NFKC", name) != name:
        return f"outlet {name!r} is not in NFKC form: use {unicodedata.normalize('NFKC', name)!r}"
    if not (name[0].isalnum() and name[-1].isalnum()):
        return f"outlet {name!r} must start and end with a letter or digit"
    scripts = set()
    for char in name:
        if char in _OUTLET_PUNCTUATION:
            continue
        if not char.isalnum():
            return f"outlet {name!r} may hold only letters, digits, '-', '_' and '.' (found {char!r})"
        if char.isalpha():
            script = unicodedata.name(char, "UNKNOWN").split()[0]
            scripts.add("CJK" if script in _CJK_SCRIPTS else script)
    if ".." in name:
        return f"outlet {name!r} must not contain '..'"
    if len(scripts) > 1:
        return f"outlet {name!r} mixes scripts ({', '.join(sorted(scripts))}): write it in one"
    return None
