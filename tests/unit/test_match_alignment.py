"""The soft alignment of content words that the graded similarity (``pairs`` confidence) leans on.

A derived or variant form of a word still counts as a match, less than the same stem; figures never
match by spelling; the harmonic mean falls when one claim says much that the other does not.
"""

from __future__ import annotations

from claimdiff.extract import analyse_sentence
from claimdiff.match import compare
from claimdiff.match.features import FEATURES, findings, pair_features, view


def features(a: str, b: str) -> dict[str, float]:
    va, vb = view(analyse_sentence(a, outlet="a")), view(analyse_sentence(b, outlet="b"))
    return pair_features(
        va,
        vb,
        dict.fromkeys(("ratio", "partial_ratio", "token_sort_ratio", "token_set_ratio"), 0.0),
        findings(va, vb),
    )


def test_alignment_features_are_model_features() -> None:
    assert {"align_idf_min", "align_idf_max", "align_idf_hmean", "align_unmatched_idf"} <= set(FEATURES)


def test_identical_claims_align_fully() -> None:
    values = features("Rebels seize the airport in the north", "Rebels seize the airport in the north")

    assert values["align_idf_hmean"] == 1.0
    assert values["align_unmatched_idf"] == 0.0


def test_a_derived_form_aligns_where_the_exact_overlap_misses_it() -> None:
    values = features("Syrian rebels seize airport", "Rebels in Syria seize airport")

    assert values["align_idf_min"] > values["idf_cover_min"]
    assert 0.9 <= values["align_idf_hmean"] < 1.0


def test_figures_do_not_align_by_spelling() -> None:
    values = features("Storm kills 1500 people", "Storm kills 1600 people")

    assert values["align_idf_hmean"] < 1.0
    assert values["align_unmatched_idf"] > 0.0


def test_extra_content_lowers_the_harmonic_mean() -> None:
    short = features("Parliament approves budget", "Parliament approves budget")
    longer = features(
        "Parliament approves budget", "Parliament approves budget after a long night of talks on taxes"
    )

    assert longer["align_idf_max"] == 1.0
    assert longer["align_idf_hmean"] < short["align_idf_hmean"]


def test_confidence_ranks_a_close_paraphrase_above_a_loose_one() -> None:
    anchor = analyse_sentence("Parliament approves the new budget", outlet="a")
    close = compare(anchor, analyse_sentence("Parliament approved new budget", outlet="b"))
    loose = compare(anchor, analyse_sentence("Parliament debates taxes after budget row", outlet="b"))

    assert close.confidence > loose.confidence
