"""The extraction gold set and the demo corpus are well formed.

A wrong offset or a misspelt substring in a gold file silently turns into a wrong score in ``make eval``
or a vacuous e2e assertion; these checks catch that before anyone relies on the figures.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from claimdiff.documents import parse_document
from claimdiff.text import normalise

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO / "tests" / "gold"
SAMPLES_DIR = REPO / "samples"
SEED_SHARED = REPO.parent / "shared" / "seed-article.txt"
GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json"))

MIN_ARTICLES = 8
MIN_CLAIMS = 150
REQUIRED_STYLES = {"wire", "tabloid", "transcript", "numbers"}
CONTRADICTION_REASONS = {"negation", "antonym", "quantity", "modality", "attribution", "time"}
SAMPLE_METADATA_FILES = {"corpus.json", "expected.json", "README.md"}
BULLET_MARKER = re.compile(r"(?m)^- ")


def _load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _article_path(gold_path: Path, gold: dict[str, Any]) -> Path:
    source = gold.get("source")
    if isinstance(source, str) and source:
        return REPO / source
    return gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".txt")


def _article_text(gold_path: Path, gold: dict[str, Any]) -> str:
    return normalise(_article_path(gold_path, gold).read_text(encoding="utf-8"))


def _title(text: str) -> str:
    return next(line.strip() for line in text.splitlines() if line.strip())


@pytest.fixture(params=GOLD_FILES, ids=lambda path: path.name)
def gold_file(request: pytest.FixtureRequest) -> tuple[Path, dict[str, Any], str]:
    path: Path = request.param
    gold = _load_json(path)
    return path, gold, _article_text(path, gold)


def test_gold_set_is_large_enough_and_varied() -> None:
    golds = [_load_json(path) for path in GOLD_FILES]
    assert len(golds) >= MIN_ARTICLES
    assert sum(len(gold["claims"]) for gold in golds) >= MIN_CLAIMS
    assert {gold["style"] for gold in golds} >= REQUIRED_STYLES
    assert any(gold.get("source") == "samples/wire-a/us-russia-near-accord.txt" for gold in golds)


def test_gold_header_fields(gold_file: tuple[Path, dict[str, Any], str]) -> None:
    _, gold, _ = gold_file
    assert set(gold) <= {"source", "outlet", "published_on", "style", "sentences", "claims", "non_claims"}
    assert isinstance(gold["outlet"], str) and gold["outlet"]
    assert isinstance(gold["style"], str) and gold["style"]
    if gold["published_on"] is not None:
        dt.date.fromisoformat(gold["published_on"])


def test_written_articles_are_already_normalised() -> None:
    """Articles written for the gold set need no normalisation, so raw offsets equal normalised ones."""
    written = [path for path in GOLD_FILES if not _load_json(path).get("source")]
    assert written
    for path in written:
        raw = _article_path(path, _load_json(path)).read_text(encoding="utf-8")
        assert normalise(raw) == raw, path.name


def test_sentences_are_exact_substrings_in_order(gold_file: tuple[Path, dict[str, Any], str]) -> None:
    _, gold, text = gold_file
    position = 0
    for sentence in gold["sentences"]:
        assert sentence == sentence.strip(), f"untrimmed sentence: {sentence!r}"
        assert "\n\n" not in sentence, f"sentence spans a paragraph: {sentence!r}"
        found = text.find(sentence, position)
        assert found >= 0, f"not found after offset {position}: {sentence!r}"
        position = found + len(sentence)


def test_title_is_not_a_sentence(gold_file: tuple[Path, dict[str, Any], str]) -> None:
    _, gold, text = gold_file
    title = _title(text)
    if title in gold["non_claims"]:  # the seed opens with a stray "Share" line before its title
        title = next(
            line.strip()
            for line in text.splitlines()
            if line.strip() and line.strip() not in gold["non_claims"]
        )
    assert all(title not in sentence for sentence in gold["sentences"])


def test_sentences_and_noise_cover_the_whole_body(gold_file: tuple[Path, dict[str, Any], str]) -> None:
    """Nothing of the body is left unannotated: removing title, sentences and noise leaves only layout."""
    _, gold, text = gold_file
    rest = text
    for piece in [*gold["sentences"], *gold["non_claims"]]:
        assert piece in rest, f"missing or annotated twice: {piece!r}"
        rest = rest.replace(piece, "", 1)
    title = next(line.strip() for line in rest.splitlines() if line.strip())
    rest = rest.replace(title, "", 1)
    leftover = BULLET_MARKER.sub("", rest).strip()
    assert leftover == "", f"unannotated text: {leftover!r}"


def test_non_claims_are_whole_lines_outside_sentences(gold_file: tuple[Path, dict[str, Any], str]) -> None:
    _, gold, text = gold_file
    lines = {line.strip() for line in text.splitlines()}
    for noise in gold["non_claims"]:
        assert noise in lines, f"noise is not a line of its own: {noise!r}"
        assert all(noise != sentence for sentence in gold["sentences"])


def test_claims_are_sentences_in_order(gold_file: tuple[Path, dict[str, Any], str]) -> None:
    _, gold, _ = gold_file
    sentences = gold["sentences"]
    last_index = -1
    for claim in gold["claims"]:
        assert set(claim) == {"text", "speaker", "negated", "quantities"}
        assert claim["text"] in sentences, f"claim is not a sentence: {claim['text']!r}"
        index = sentences.index(claim["text"], last_index + 1)
        assert index > last_index
        last_index = index


def test_claim_labels_are_well_typed(gold_file: tuple[Path, dict[str, Any], str]) -> None:
    _, gold, _ = gold_file
    for claim in gold["claims"]:
        assert claim["speaker"] is None or (isinstance(claim["speaker"], str) and claim["speaker"].strip())
        assert isinstance(claim["negated"], bool)
        assert isinstance(claim["quantities"], list)


def test_quantities_are_substrings_of_their_claim_in_order(
    gold_file: tuple[Path, dict[str, Any], str],
) -> None:
    _, gold, _ = gold_file
    for claim in gold["claims"]:
        position = 0
        for quantity in claim["quantities"]:
            assert isinstance(quantity, str) and quantity == quantity.strip()
            found = claim["text"].find(quantity, position)
            assert found >= 0, f"{quantity!r} not in {claim['text']!r} (in order)"
            assert any(character.isdigit() for character in quantity) or re.search(
                r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", quantity, re.IGNORECASE
            ), f"no number in quantity {quantity!r}"
            position = found + len(quantity)


def test_seed_gold_keeps_the_known_hard_cases() -> None:
    gold = _load_json(GOLD_DIR / "seed-wire-a.gold.json")
    assert any("U.S.to step up" in sentence for sentence in gold["sentences"])
    assert {"Share", "Advertisement", "John Kerry and Sergei Lavrov"} <= set(gold["non_claims"])
    by_text = {claim["text"]: claim for claim in gold["claims"]}
    nusra = next(claim for text, claim in by_text.items() if "has not fulfilled its promise" in text)
    assert nusra["negated"] is True
    kurds = next(claim for text, claim in by_text.items() if text.startswith("“The Kurds must continue"))
    assert kurds["speaker"] == "Sergey Lavrov"
    water = next(claim for text, claim in by_text.items() if "1.8 million people" in text)
    assert water["quantities"] == ["1.8 million people"]


# ---------------------------------------------------------------------------------------------------------
# The demo corpus


def _sample_text(path: Path) -> str:
    """The text a reader sees in a sample file; JSON articles are title and body."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        document = _load_json(path)
        return normalise(f"{document['title']}\n\n{document['body']}")
    return normalise(raw)


def _corpus() -> list[dict[str, str]]:
    corpus: list[dict[str, str]] = _load_json(SAMPLES_DIR / "corpus.json")
    return corpus


def test_corpus_lists_every_sample_with_its_outlet() -> None:
    corpus = _corpus()
    listed = {entry["file"] for entry in corpus}
    on_disk = {
        path.relative_to(SAMPLES_DIR).as_posix()
        for path in SAMPLES_DIR.rglob("*")
        if path.is_file() and path.name not in SAMPLE_METADATA_FILES
    }
    assert listed == on_disk
    assert len(corpus) >= 5
    for entry in corpus:
        assert entry["file"].split("/")[0] == entry["outlet"]
        dt.date.fromisoformat(entry["published_at"])
    assert len({entry["outlet"] for entry in corpus}) == len(corpus)


def test_json_sample_has_the_article_fields() -> None:
    for path in SAMPLES_DIR.glob("*/*.json"):
        document = _load_json(path)
        assert set(document) == {"title", "body", "url", "published_at"}
        dt.datetime.fromisoformat(document["published_at"])


def test_seed_sample_is_the_seed_article_byte_for_byte() -> None:
    if not SEED_SHARED.exists():
        pytest.skip("../shared/seed-article.txt is not available")
    assert (SAMPLES_DIR / "wire-a" / "us-russia-near-accord.txt").read_bytes() == SEED_SHARED.read_bytes()


def test_expected_relations_point_at_text_in_their_outlets() -> None:
    files_by_outlet = {entry["outlet"]: SAMPLES_DIR / entry["file"] for entry in _corpus()}
    expected = _load_json(SAMPLES_DIR / "expected.json")
    names = [item["name"] for item in expected]
    assert len(names) == len(set(names))
    for item in expected:
        assert item["relation"] in {"contradiction", "equivalent", "none"}
        if item["relation"] == "contradiction":
            assert item["reason"] in CONTRADICTION_REASONS, item["name"]
        else:
            assert item["reason"] is None, item["name"]
        assert item["a"]["outlet"] != item["b"]["outlet"], item["name"]
        for side in (item["a"], item["b"]):
            text = _sample_text(files_by_outlet[side["outlet"]])
            assert "\n" not in side["contains"]
            assert text.count(side["contains"]) == 1, (
                f"{item['name']}: {side['contains']!r} in {side['outlet']}"
            )


def test_expected_relations_cover_every_reason_and_the_negative_cases() -> None:
    expected = _load_json(SAMPLES_DIR / "expected.json")
    reasons = {item["reason"] for item in expected if item["relation"] == "contradiction"}
    assert reasons == CONTRADICTION_REASONS
    relations = [item["relation"] for item in expected]
    assert "equivalent" in relations
    assert relations.count("none") >= 3
    assert any(item["name"] == "nusra-negation" and item["reason"] == "negation" for item in expected)


def test_expected_substrings_survive_parsing_of_the_uploads() -> None:
    """What the e2e test looks for is in the text ingest extracts (HTML chrome, JSON fields, Markdown)."""
    texts: dict[str, str] = {}
    for entry in _corpus():
        path = SAMPLES_DIR / entry["file"]
        key = f"articles/{entry['outlet']}/{path.name}"
        texts[entry["outlet"]] = parse_document(path.read_bytes(), key, max_bytes=1_000_000).text
    assert "must never reach the article body" not in texts["tabloid-c"]
    for item in _load_json(SAMPLES_DIR / "expected.json"):
        for side in (item["a"], item["b"]):
            assert side["contains"] in texts[side["outlet"]], f"{item['name']}: {side['contains']!r}"
