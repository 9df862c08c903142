"""The fitted heads of the matcher, read from ``weights.json`` (written by scripts/fit_matcher.py).

Inference is a few dot products in pure Python: no numpy or scikit-learn at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

WEIGHTS_PATH = Path(__file__).with_name("weights.json")


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@dataclass(frozen=True, slots=True)
class LinearHead:
    """A standardised linear model: logistic (one probability), softmax (classes) or plain regression."""

    kind: str
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[tuple[float, ...], ...]
    bias: tuple[float, ...]
    classes: tuple[str, ...] = ()
    threshold: float = 0.5

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LinearHead:
        """Build a head from its JSON form."""
        weights = data["weights"]
        rows = weights if weights and isinstance(weights[0], list) else [weights]
        bias = data["bias"] if isinstance(data["bias"], list) else [data["bias"]]
        return cls(
            kind=data["kind"],
            features=tuple(data["features"]),
            mean=tuple(data["mean"]),
            scale=tuple(data["scale"]),
            weights=tuple(tuple(float(w) for w in row) for row in rows),
            bias=tuple(float(b) for b in bias),
            classes=tuple(data.get("classes", ())),
            threshold=float(data.get("threshold", 0.5)),
        )

    def _scores(self, values: Mapping[str, float]) -> list[float]:
        x = [
            (values.get(name, 0.0) - mu) / (sd or 1.0)
            for name, mu, sd in zip(self.features, self.mean, self.scale, strict=True)
        ]
        return [
            b + sum(w * v for w, v in zip(row, x, strict=True))
            for row, b in zip(self.weights, self.bias, strict=True)
        ]

    def probability(self, values: Mapping[str, float]) -> float:
        """The logistic head's probability, or the regression head's output clipped to 0..1."""
        score = self._scores(values)[0]
        if self.kind == "logistic":
            return _sigmoid(score)
        return min(1.0, max(0.0, score))

    def distribution(self, values: Mapping[str, float]) -> dict[str, float]:
        """The softmax head's class probabilities."""
        scores = self._scores(values)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.classes, exps, strict=True)}


@dataclass(frozen=True, slots=True)
class Idf:
    """Inverse document frequencies of word stems (fitted on MSRP train sentences).

    Only the stems seen in a few sentences or more are stored (scripts/fit_matcher.py,
    IDF_MIN_SENTENCES); any other word is as rare as a word seen once, ``default``. Without a table
    every word weighs 1 (plain overlap).
    """

    weights: Mapping[str, float] = field(default_factory=dict)
    default: float = 1.0

    def weight(self, word: str) -> float:
        """The weight of one stem."""
        return self.weights.get(word, self.default)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Idf:
        """Build the table from its JSON form (``{"default": x, "weights": {stem: idf}}``)."""
        if not data:
            return cls()
        return cls(
            weights={str(k): float(v) for k, v in data.get("weights", {}).items()},
            default=float(data.get("default", 1.0)),
        )


@dataclass(frozen=True, slots=True)
class Model:
    """All heads, decision thresholds and the word weights of the matcher."""

    heads: dict[str, LinearHead]
    thresholds: dict[str, float]
    idf: Idf = field(default_factory=Idf)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Model:
        """Build the model from the JSON document."""
        return cls(
            heads={name: LinearHead.from_dict(head) for name, head in data["heads"].items()},
            thresholds={name: float(value) for name, value in data.get("thresholds", {}).items()},
            idf=Idf.from_dict(data.get("idf")),
        )


@lru_cache(maxsize=1)
def default_model() -> Model:
    """The shipped model (read once per process)."""
    return Model.from_dict(json.loads(WEIGHTS_PATH.read_text(encoding="utf-8")))
