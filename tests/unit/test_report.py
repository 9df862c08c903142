"""The demo's cross-outlet report: what only one outlet says is listed, not only counted."""

from __future__ import annotations

from claimdiff.report import UNIQUE_SHOWN, demo_report, story_lines


def _claim(text: str, worth: float, speaker: dict[str, str] | None = None) -> dict[str, object]:
    return {
        "text": text,
        "checkworthiness": worth,
        "speaker": speaker or {"name": "gazette", "kind": "outlet"},
    }


def test_the_claims_only_one_outlet_makes_are_listed_most_check_worthy_first() -> None:
    articles = [
        {"id": "gazette-1", "outlet": "gazette", "status": "PROCESSED", "claim_count": 9, "title": "Bridge"},
        {"id": "herald-1", "outlet": "herald", "status": "PROCESSED", "claim_count": 2, "title": "Bridge"},
    ]
    many = [_claim(f"The council met for the {n}th time this year.", n / 10) for n in range(UNIQUE_SHOWN + 2)]
    quoted = _claim("The bridge will close in May.", 0.95, {"name": "Lena Hale", "kind": "person"})
    report = demo_report(
        articles,
        [],
        [],
        {"gazette-1": len(many) + 1, "herald-1": 0},
        {"gazette-1": [*many, quoted], "herald-1": []},
    )
    section = report.split("Said by one outlet only (8)\n", 1)[1]
    lines = section.splitlines()
    assert lines[0] == "  gazette (8)"
    assert lines[1] == "    - The bridge will close in May. (Lena Hale)", (
        "most check-worthy first, with its speaker"
    )
    assert f"... and {len(many) + 1 - UNIQUE_SHOWN} more" in section
    assert "herald" not in section, "an article with no such claim is not listed"


def _group(outlets: list[str], origins: int, text: str, first: str) -> dict[str, object]:
    return {"outlets": outlets, "origins": origins, "first": {"text": text, "outlet": first}, "claims": []}


def test_each_agreed_fact_is_one_line_with_its_outlets_and_origins() -> None:
    story = {
        "id": "gazette-1",
        "title": "Bridge",
        "outlets": ["gazette", "herald", "post"],
        "articles": [{}, {}, {}],
        "agreed": [
            _group(["gazette", "herald", "post"], 2, "The bridge will close in May.", "gazette"),
            _group(["herald", "post"], 1, "The works cost 40 million dollars.", "herald"),
        ],
    }
    assert story_lines(story) == [
        "  Bridge (gazette, herald, post; 3 articles)",
        "    - [3 outlets, 2 origins] The bridge will close in May. (gazette first)",
        "    - [2 outlets, 1 origin] The works cost 40 million dollars. (herald first)",
    ]
    report = demo_report([], [], [story], {})
    assert "Agreed: one line per fact several outlets state (2, in 1 stories)" in report
    assert report.count("The bridge will close in May.") == 1, "one line per fact, not per pair of outlets"
