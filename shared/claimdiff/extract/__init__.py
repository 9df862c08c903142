"""Claim extraction: article text -> claims with speakers, entities, quantities, polarity, time.

Public API (a contract used by ingest, matching, the CLI and the API):

- ``extract_claims(text, *, article_id, outlet, title=None, published_on=None) -> list[Claim]``
  ``text`` is the article's *normalised* text (``claimdiff.text.normalise``); every claim satisfies
  ``text[claim.start:claim.end] == claim.text``. One claim per check-worthy sentence of the body; the
  title, headings and non-claims (boilerplate, bylines, datelines, captions, questions, fragments) are
  not claims. Claim ids are ``f"{article_id}~{10 hex}"``, derived from the content.
- ``analyse_sentence(text, *, outlet="", published_on=None) -> Claim``: one sentence read as one
  claim (for ``pairs``, ``compare`` and ``check``), offsets into ``text``; its id is ``"~<hex>"``.
- ``claim_id(article_id, start, end, text) -> str``.

Building blocks, also used by the matching engine: ``claimdiff.extract.polarity`` (``negation_spans``,
``hedge_spans``, ``conditional_spans``, ``is_negated``), ``claimdiff.extract.quantities``
(``find_quantities``), ``claimdiff.extract.entities`` (``find_entities``, ``canonical_id``, the alias table
and ``CLAIMDIFF_ALIASES``), ``claimdiff.extract.timeexpr`` (``find_times``) and
``claimdiff.extract.attribution`` (``attribute``). Spans inside a claim are offsets into ``claim.text``.
"""

from __future__ import annotations

from claimdiff.extract.claims import analyse_sentence, claim_id, extract_claims

__all__ = ["analyse_sentence", "claim_id", "extract_claims"]
