"""Lambda event filtering (FilterCriteria), the subset that event source mappings use in practice.

A pattern is a JSON object whose leaves are lists of rules; a record matches a pattern when every key
of the pattern matches, and matches the criteria when any pattern matches. Supported rules: exact
values (strings, numbers, booleans, null), ``prefix``, ``suffix``, ``equals-ignore-case``,
``anything-but`` (a value, a list, or ``{"prefix": ...}``), ``exists`` and ``numeric`` comparisons.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping
from typing import Any

_MISSING = object()
_NUMERIC_OPERATORS: dict[str, Callable[[float, float], bool]] = {
    "=": operator.eq,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def matches_any(patterns: Iterable[Mapping[str, Any]], record: Mapping[str, Any]) -> bool:
    """True when there are no patterns (no filtering) or when any pattern matches the record."""
    patterns = list(patterns)
    return not patterns or any(matches(pattern, record) for pattern in patterns)


def matches(pattern: Mapping[str, Any], record: Any) -> bool:
    """True when the record satisfies every key of the pattern."""
    for key, expected in pattern.items():
        value = record.get(key, _MISSING) if isinstance(record, Mapping) else _MISSING
        if isinstance(expected, Mapping):
            if value is _MISSING or not matches(expected, value):
                return False
        elif isinstance(expected, list):
            if not _leaf_matches(expected, value):
                return False
        else:
            raise ValueError(f"filter pattern leaf for {key!r} must be a list of rules, got {expected!r}")
    return True


def _leaf_matches(rules: list[Any], value: Any) -> bool:
    # A list value matches when any of its elements matches (as in EventBridge patterns).
    values = value if isinstance(value, list) else [value]
    return any(_rule_matches(rule, item) for rule in rules for item in values)


def _rule_matches(rule: Any, value: Any) -> bool:
    if not isinstance(rule, Mapping):
        # Exact values; True must not equal 1.
        return value is not _MISSING and value == rule and isinstance(value, bool) == isinstance(rule, bool)
    ((name, argument),) = rule.items()
    if name == "exists":
        return (value is not _MISSING) == bool(argument)
    if value is _MISSING:
        return False
    if name == "prefix":
        return isinstance(value, str) and value.startswith(argument)
    if name == "suffix":
        return isinstance(value, str) and value.endswith(argument)
    if name == "equals-ignore-case":
        return isinstance(value, str) and value.casefold() == str(argument).casefold()
    if name == "anything-but":
        if isinstance(argument, Mapping):
            return not _rule_matches(argument, value)
        excluded = argument if isinstance(argument, list) else [argument]
        return value not in excluded
    if name == "numeric":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        pairs = zip(argument[::2], argument[1::2], strict=True)
        return all(_NUMERIC_OPERATORS[op](value, bound) for op, bound in pairs)
    raise ValueError(f"unsupported filter rule {name!r}")
