"""One outlet floods the service with near-copies of an article: honest outlets lose nothing.

The sample corpus (eight outlets) is ingested and matched the way the stream drives it, once alone
and once amid 200 near-copies from a flooding outlet whose name sorts first (one word changed in
every sentence, its figures altered). The flood counts once: its first copy is an article with
claims, the other 199 are recorded as near-copies without claims, and every relation between two
honest outlets is exactly the one the flood-free run finds.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from claimdiff.comparison import compare_article
from claimdiff.config import Settings
from claimdiff.demo import comparison_relations, expectation_lines, load_corpus
from claimdiff.ingest import Ingestor, ObjectChange
from claimdiff.matching import Matcher
from claimdiff.store.memory import InMemoryStore

from tests.fakes import FakeObjectSource

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
BUCKET = "articles-bucket"
FLOODER = "aaa-flood"
COPIES = 200
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_FILLER = ("reportedly", "apparently", "officially", "indeed", "also", "still", "now", "again")


def near_copy(text: str, rng: random.Random) -> str:
    """``text`` with one word of each sentence replaced and every figure changed."""
    sentences = []
    for sentence in _SENTENCE_END.split(text):
        words = sentence.split(" ")
        if len(words) > 4:
            words[rng.randrange(1, len(words) - 1)] = rng.choice(_FILLER)
        sentences.append(" ".join(words))
    return re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randrange(1, 9)), " ".join(sentences))


class Newsroom:
    """The ingest and match use cases on the in-memory store, matched as the claims stream in."""

    def __init__(self) -> None:
        self.store, self.objects = InMemoryStore(), FakeObjectSource()
        settings = Settings()
        self.ingestor = Ingestor(self.store, self.objects, settings)
        self.matcher = Matcher(self.store, settings)

    def publish(self, key: str, body: bytes, published_at: str) -> str:
        self.objects.put(BUCKET, key, body, {"published-at": published_at})
        result = self.ingestor.ingest(ObjectChange(bucket=BUCKET, key=key, event_name="ObjectCreated:Put"))
        assert result.outcome == "processed", result
        for claim in self.store.list_claims(result.article_id):
            self.matcher.match(claim)
        return result.article_id

    def relations_among(self, article_ids: list[str]) -> set[tuple[str, str, str]]:
        """Every stored relation between two of these articles' claims, by claim ids and kind."""
        claims = [claim for a in article_ids for claim in self.store.list_claims(a)]
        wanted = set(article_ids)
        return {
            (r.claim.id, r.other.id, r.relation)
            for claim in claims
            for r in self.store.list_relations(claim.id)
            if r.other.article_id in wanted
        }


def run(*, flood: bool) -> tuple[Newsroom, list[str], list[str]]:
    """The sample corpus published (amid the flood, if asked); the honest and the flooding articles."""
    room, rng = Newsroom(), random.Random(7)
    corpus = load_corpus(SAMPLES)
    original = next(e for e in corpus if e.outlet == "daily-b")
    source = json.loads(original.path.read_text(encoding="utf-8"))
    flooded: list[str] = []

    def flood_with(count: int) -> None:
        for _ in range(count):
            copy = {**source, "body": near_copy(source["body"], rng)}
            key = f"articles/{FLOODER}/copy-{len(flooded):03d}.json"
            flooded.append(room.publish(key, json.dumps(copy).encode(), "2016-08-26"))

    if flood:
        flood_with(COPIES // 2)
    honest = [
        room.publish(
            f"articles/{e.outlet}/{e.path.name}", e.path.read_bytes(), e.published_at or "2016-08-26"
        )
        for e in corpus
    ]
    if flood:
        flood_with(COPIES - COPIES // 2)
    return room, honest, flooded


def test_a_flood_of_near_copies_counts_once_and_hides_no_relation_between_other_outlets() -> None:
    calm, calm_honest, _ = run(flood=False)
    stormy, honest, flooded = run(flood=True)

    assert stormy.relations_among(honest) == calm.relations_among(calm_honest)
    # As the API answers them (the comparison names origins: copies of one wire report are one).
    relations = [
        relation
        for a in honest
        for relation in comparison_relations(compare_article(stormy.store, a).model_dump(mode="json"))
    ]
    lines = expectation_lines(json.loads((SAMPLES / "expected.json").read_text()), relations)
    assert all(line.lstrip().startswith("ok") for line in lines), "\n".join(lines)

    first, *copies = (stormy.store.get_article(a) for a in flooded)
    assert first is not None and first.duplicate_of is None and first.claim_count > 0
    assert all(c is not None and c.duplicate_of == first.id and c.claim_count == 0 for c in copies)
    assert all(stormy.store.list_claims(c.id) == [] for c in copies if c)
    assert all(any("near-copy of" in note for note in c.notes) for c in copies if c)
