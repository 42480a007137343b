"""How results are narrowed and counted by facet, on plain rows as the match reads them:
(id, senate, kind of advice, ICB, organisation, stage, type of document, year)."""

from senate.search.searching import Filters, _counted

STROKE = (1, 10, "formal_review", 500, 501, "issued", "report", 2026)
MATERNITY = (2, 10, "early_advice", 500, 502, "accepted", "terms", 2027)
LONDON = (3, 20, "formal_review", 600, 601, "issued", "report", 2026)
ROWS = [STROKE, MATERNITY, LONDON]


def test_without_filters_every_match_is_shown_and_counted():
    counts, shown = _counted(ROWS, Filters())
    assert shown == [1, 2, 3]
    assert counts["senate"] == {10: 2, 20: 1} and counts["year"] == {2026: 2, 2027: 1}


def test_choosing_a_senate_shows_its_matches_but_still_counts_the_other_senates():
    counts, shown = _counted(ROWS, Filters(senate=10))
    assert shown == [1, 2]
    assert counts["senate"] == {10: 2, 20: 1}
    assert counts["kind"] == {"report": 1, "terms": 1}


def test_choosing_an_icb_finds_the_requests_of_every_organisation_in_it():
    _counts, shown = _counted(ROWS, Filters(organisation=500))
    assert shown == [1, 2]


def test_choosing_one_organisation_finds_only_its_requests():
    _counts, shown = _counted(ROWS, Filters(organisation=502))
    assert shown == [2]


def test_a_match_failing_two_choices_counts_in_no_facet():
    counts, shown = _counted(ROWS, Filters(senate=10, year=2027))
    assert shown == [2]
    assert counts["senate"] == {10: 1}  # London's match fails the Senate and the year: not counted
    assert counts["year"] == {2026: 1, 2027: 1}


def test_a_document_with_no_kind_of_advice_or_stage_is_not_counted_under_either():
    meeting = (4, 10, "", None, None, "", "minutes", 2026)
    counts, shown = _counted([meeting], Filters())
    assert shown == [4] and not counts["advice_kind"] and not counts["stage"]
