"""The Lambda layer has no numpy: the fallback of ``fuzzy_scores`` must score exactly like cdist."""

from __future__ import annotations

import pytest
from claimdiff.match import features

CHOICES = [
    "the united states has separated the rebel groups it supports from al nusra",
    "rebels and government forces agreed to evacuate daraya",
    "",
    "the united states has not fulfilled its promise to separate the rebel groups",
]
QUERY = "the united states has not separated the rebel groups it backs from nusra"


def test_without_numpy_the_scores_equal_cdists(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("numpy")
    with_numpy = features.fuzzy_scores(QUERY, CHOICES)
    monkeypatch.setattr(features, "find_spec", lambda name: None)
    without_numpy = features.fuzzy_scores(QUERY, CHOICES)
    assert set(with_numpy) == set(without_numpy) == set(features.FUZZY_SCORERS)
    for name in with_numpy:
        assert without_numpy[name] == pytest.approx(with_numpy[name]), name
    assert all(0.0 <= score <= 1.0 for row in without_numpy.values() for score in row)
