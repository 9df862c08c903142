"""Readable text reports for people: claim tables, comparisons, the demo's cross-outlet report."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from claimdiff.models import Article, Claim, Comparison

WIDTH = 100
_INDENT = "      "


def _wrap(text: str, indent: str = _INDENT, hanging: str | None = None) -> str:
    """Fill ``text`` to the report's width; ``hanging`` indents the continuation lines (a bullet's body)."""
    return textwrap.fill(
        " ".join(text.split()),
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=hanging if hanging is not None else indent,
    )


def _flags(claim: Claim) -> str:
    flags = [name for name in ("negated", "hedged", "conditional") if getattr(claim, name)]
    return ",".join(flags) or "-"


def claims_table(article: Article, claims: Sequence[Claim]) -> str:
    """One block per claim: speaker, cue, flags, quantities, then the claim text."""
    lines = [
        f"{article.title or '(untitled)'}",
        f"outlet {article.outlet} · id {article.id} · {len(claims)} claims",
        "",
        f"{'#':>3}  {'speaker':<24} {'cue':<14} {'flags':<20} {'worth':>5}  quantities",
    ]
    for claim in claims:
        speaker = claim.speaker.name if claim.speaker else "-"
        quantities = "; ".join(q.text for q in claim.quantities) or "-"
        lines.append(
            f"{claim.index:>3}  {speaker[:24]:<24} {(claim.cue or '-')[:14]:<14} {_flags(claim)[:20]:<20} "
            f"{claim.checkworthiness:>5.2f}  {quantities}"
        )
        lines.append(_wrap(claim.text))
    return "\n".join(lines)


def comparison_lines(
    relations: Iterable[tuple[Claim, Claim, Comparison]], *, include_related: bool = False
) -> str:
    """Contradictions first, then agreements (and related pairs when asked)."""
    order = {"contradiction": 0, "equivalent": 1, "related": 2}
    kept = [r for r in relations if include_related or r[2].relation != "related"]
    kept.sort(key=lambda r: (order.get(r[2].relation, 3), -r[2].confidence))
    if not kept:
        return "No contradictions or agreements found."
    blocks = []
    for a, b, comparison in kept:
        reasons = ", ".join(comparison.reasons) or "-"
        blocks.append(
            "\n".join(
                [
                    f"{comparison.relation.upper()} ({reasons}; confidence {comparison.confidence:.2f})",
                    *([_wrap(comparison.explanation, "  ")] if comparison.explanation else []),
                    _wrap(f"A [{a.outlet}] {a.text}", "  "),
                    _wrap(f"B [{b.outlet}] {b.text}", "  "),
                ]
            )
        )
    return "\n\n".join(blocks)


def _speaker(ref: Mapping[str, Any]) -> str:
    return f" ({ref['speaker']})" if ref.get("speaker") else ""


def relation_block(relation: Mapping[str, Any]) -> str:
    """A stored relation as a few readable lines: the reason, the explanation, both claims."""
    claim, other = relation["claim"], relation["other"]
    reasons = ", ".join(relation.get("reasons") or []) or "-"
    lines = [f"  [{reasons}] confidence {relation.get('confidence', 0):.2f}"]
    if relation.get("explanation"):
        lines.append(_wrap(relation["explanation"], "    "))
    lines.append(_wrap(f"{claim['outlet']}{_speaker(claim)}: {claim['text']}", "    - ", "      "))
    lines.append(_wrap(f"{other['outlet']}{_speaker(other)}: {other['text']}", "    - ", "      "))
    if relation.get("same_origin"):
        # Copies of one wire report (or of one article): one source, not two corroborations.
        lines.append(f"    (one origin: {relation.get('origin')})")
    return "\n".join(lines)


# Claims said by one outlet only, per article: the most check-worthy few, the rest counted.
UNIQUE_SHOWN = 5


def demo_report(
    articles: Sequence[Mapping[str, Any]],
    contradictions: Sequence[Mapping[str, Any]],
    stories: Sequence[Mapping[str, Any]],
    unique_counts: Mapping[str, int],
    unique_claims: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
) -> str:
    """The cross-outlet report: articles, contradictions (both claims, outlets, speakers, reason),
    per story (``GET /stories/{id}`` documents) one line per agreed claim group with its outlets and
    origins, and per article the claims no other outlet makes (``unique_claims``, by article id)."""
    lines = ["", "=" * WIDTH, "claimdiff report", "=" * WIDTH, "", f"Articles ({len(articles)})"]
    for article in sorted(articles, key=lambda a: a.get("outlet", "")):
        status = article.get("status", "?")
        detail = (
            f"{article.get('claim_count', 0)} claims" if status == "PROCESSED" else article.get("reason", "")
        )
        unique = unique_counts.get(article["id"])
        tail = f", {unique} said by no other outlet" if unique is not None else ""
        lines.append(f"  {article.get('outlet', '?'):<14} {status:<10} {detail}{tail}")
        lines.append(_wrap(article.get("title") or "(untitled)", "      "))
    lines += ["", f"Contradictions ({len(contradictions)})"]
    lines += [relation_block(relation) for relation in contradictions] or ["  none"]
    groups = sum(len(story.get("agreed", [])) for story in stories)
    lines += ["", f"Agreed: one line per fact several outlets state ({groups}, in {len(stories)} stories)"]
    lines += [line for story in stories for line in story_lines(story)] or ["  none"]
    if unique_claims is not None:
        lines += ["", f"Said by one outlet only ({sum(len(c) for c in unique_claims.values())})"]
        lines += _unique_lines(articles, unique_claims) or ["  none"]
    return "\n".join(lines)


def story_lines(story: Mapping[str, Any]) -> list[str]:
    """A story's heading (title, outlets, articles) and one line per agreed claim group: how many
    outlets and independent origins state it, in the first reporter's words."""
    articles = story.get("articles", [])
    lines = [
        _wrap(
            f"{story.get('title') or story['id']} ({', '.join(story.get('outlets', []))}; "
            f"{len(articles)} articles)",
            "  ",
            "    ",
        )
    ]
    for group in story.get("agreed", []):
        first = group["first"]
        origins = group["origins"]
        tally = f"[{len(group['outlets'])} outlets, {origins} origin{'s' if origins != 1 else ''}]"
        lines.append(_wrap(f"{tally} {first['text']} ({first['outlet']} first)", "    - ", "      "))
    if not story.get("agreed"):
        lines.append("    - (no fact stated by two outlets)")
    return lines


def _unique_lines(
    articles: Sequence[Mapping[str, Any]], unique_claims: Mapping[str, Sequence[Mapping[str, Any]]]
) -> list[str]:
    """Per article with such claims: its outlet, then its most check-worthy unique claims."""
    lines: list[str] = []
    for article in sorted(articles, key=lambda a: a.get("outlet", "")):
        claims = unique_claims.get(article["id"]) or []
        if not claims:
            continue
        lines.append(f"  {article.get('outlet', '?')} ({len(claims)})")
        shown = sorted(claims, key=lambda c: -float(c.get("checkworthiness", 0.0)))[:UNIQUE_SHOWN]
        lines += [
            _wrap(f"{claim['text']}{_speaker({'speaker': speaker_name(claim)})}", "    - ", "      ")
            for claim in shown
        ]
        if len(claims) > UNIQUE_SHOWN:
            lines.append(
                f"    ... and {len(claims) - UNIQUE_SHOWN} more (GET /articles/{article['id']}/comparison)"
            )
    return lines


def speaker_name(claim: Mapping[str, Any]) -> str | None:
    """The name of a claim's speaker (an API claim), or None for the outlet's own voice."""
    speaker = claim.get("speaker") or {}
    return speaker.get("name") if speaker.get("kind") != "outlet" else None
