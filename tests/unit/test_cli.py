"""The command line's batch interfaces: formats exactly as DESIGN.md states them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from claimdiff.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEED = SAMPLES / "wire-a" / "us-russia-near-accord.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_extract_json_offsets_index_the_returned_text(capsys: pytest.CaptureFixture[str]) -> None:
    payload = json.loads(run(capsys, "extract", str(SEED), "--format", "json", "--outlet", "wire-a"))
    text = payload["article"]["text"]
    assert payload["article"]["outlet"] == "wire-a"
    assert payload["claims"]
    for claim in payload["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert {"id", "article_id", "speaker", "negated", "hedged", "quantities", "entities"} <= set(claim)


@pytest.mark.parametrize(
    "sample", sorted(p for p in SAMPLES.glob("*/*") if p.suffix in {".txt", ".md", ".html", ".json"})
)
def test_extract_text_reads_every_sample_format(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    out = run(capsys, "extract", str(sample))
    assert "claims" in out.splitlines()[1]


def test_pairs_contract(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [
        {"id": "p1", "a": "Rebels agreed to leave Daraya.", "b": "Rebels refused to leave Daraya."},
        {"id": 2, "a": "The plant supplies water for 1.8 million people.", "b": "Stocks fell in Tokyo."},
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(json.dumps(line) for line in lines) + "\n\n"))
    out = [json.loads(line) for line in run(capsys, "pairs").splitlines()]
    assert [record["id"] for record in out] == ["p1", 2]
    for record in out:
        assert set(record) == {"id", "relation", "confidence", "reasons"}
        assert record["relation"] in {"equivalent", "contradiction", "related", "unrelated"}
        assert 0.0 <= record["confidence"] <= 1.0
    assert out[0]["relation"] == "contradiction"
    assert out[1]["relation"] == "unrelated"


def test_check_contract(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    article = SEED.read_text(encoding="utf-8")
    source = tmp_path / "checks.jsonl"
    source.write_text(
        json.dumps({"id": "c1", "claim": "Syrian rebels agreed to evacuate Daraya.", "article": article})
        + "\n"
    )
    (record,) = [json.loads(line) for line in run(capsys, "check", str(source)).splitlines()]
    assert set(record) == {"id", "verdict", "confidence", "evidence"}
    assert record["verdict"] in {"supports", "contradicts", "discusses", "unrelated"}
    for evidence in record["evidence"]:
        assert set(evidence) == {"text", "start", "end", "relation"}
        assert article[evidence["start"] : evidence["end"]] == evidence["text"]


def test_compare_contract(capsys: pytest.CaptureFixture[str]) -> None:
    other = SAMPLES / "daily-b"
    (daily,) = other.glob("*.json")
    payload = json.loads(run(capsys, "compare", str(SEED), str(daily), "--format", "json"))
    assert payload["relations"]
    for relation in payload["relations"]:
        assert set(relation) == {"relation", "confidence", "reasons", "a", "b"}
        assert relation["a"]["outlet"] == "wire-a" and relation["b"]["outlet"] == "daily-b"


def test_compare_pairs_contract(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a = {
        "outlet": "wire-a",
        "title": "Budget vote",
        "body": "The city council passed the budget on Monday.\n\nThe mayor praised the vote.",
        "published_at": "2024-03-05",
    }
    b = {
        "outlet": "daily-b",
        "title": "Council vote",
        "body": "The city council did not pass the budget on Monday.\n\nResidents protested outside.",
        "published_at": "2024-03-05",
    }
    unrelated = {"outlet": "radio-f", "title": "Weather", "body": "Snow fell across the valley overnight."}
    source = tmp_path / "articles.jsonl"
    lines = [{"id": "p1", "a": a, "b": b}, {"id": 2, "a": a, "b": unrelated}]
    source.write_text("".join(json.dumps(line) + "\n" for line in lines))

    out = [json.loads(line) for line in run(capsys, "compare", "--pairs", str(source)).splitlines()]

    assert [record["id"] for record in out] == ["p1", 2]
    assert set(out[0]) == {"id", "relations"}
    (flag,) = [r for r in out[0]["relations"] if r["relation"] == "contradiction"]
    assert flag["reasons"] == ["negation"]
    assert (flag["a"]["outlet"], flag["b"]["outlet"]) == ("wire-a", "daily-b")
    assert "did not pass" in flag["b"]["text"]
    assert out[1]["relations"] == []


def test_compare_pairs_says_which_line_is_bad(tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    source.write_text('{"id": 1, "a": {"body": "A sentence here."}, "b": "not an article"}\n')
    with pytest.raises(SystemExit, match="line 1: field 'b' must be an article object"):
        main(["compare", "--pairs", str(source)])


def test_bad_batch_input_says_which_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "pairs.jsonl"
    source.write_text('{"id": 1, "a": "x", "b": "y"}\n{"id": 2, "a": 5, "b": "y"}\n')
    with pytest.raises(SystemExit, match="line 2: field 'a' must be a string"):
        main(["pairs", str(source)])


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("local", "upload", "demo", "extract", "compare", "pairs", "check"):
        assert command in out


@pytest.mark.parametrize("command", ["upload", "extract"])
def test_an_invalid_outlet_is_refused_with_the_rule(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--outlet", "../x y", str(SEED)])
    assert exit_info.value.code == 2
    assert "must start and end with a letter or digit" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["pairs", "check"])
def test_an_unreadable_input_is_a_message_not_a_traceback(command: str, tmp_path: Path) -> None:
    undecodable = tmp_path / "latin1.jsonl"
    undecodable.write_bytes(b'{"id": "1", "a": "caf\xe9"}\n')
    for source, message in (
        (tmp_path / "missing.jsonl", "cannot read"),
        (tmp_path, "Is a directory"),
        (undecodable, "line 1: not UTF-8 text"),
    ):
        with pytest.raises(SystemExit) as stopped:
            main([command, str(source)])
        assert message in str(stopped.value)
