"""The report lists the partners a review engaged, and an honest-broker request's advice shows the
work it draws on: the points agreed and in dispute and the consensus statement."""

from senate.assurance import brokering, partners
from senate.organisations.models import Organisation
from senate.reports import compose
from senate.reports.tests.factories import draft, request_at


def _section(doc, key):
    return next(s for s in doc.sections if s.key == key)


def _text(section):
    return " ".join([b.text for b in section.blocks] + [" ".join(row) for b in section.blocks for row in b.rows])


def test_the_report_lists_the_partners_engaged_and_how(cast):
    request = request_at("draft_report", by=cast["manager"])
    hwb = Organisation.objects.create(name="Devon Health and Wellbeing Board", type="hwb")
    partners.record_engagement(request=request, organisation=hwb, how="briefing", note="June board", by=cast["manager"])
    text = _text(_section(compose.compose(draft(request, by=cast["manager"])), "partners"))
    assert "Devon Health and Wellbeing Board" in text and "Briefed" in text


def test_an_honest_broker_report_shows_the_confirmed_consensus_it_draws_on(cast):
    request = request_at("draft_report", by=cast["manager"], kind="honest_broker")
    party = brokering.add_party(
        request=request, organisation=request.requesting_organisation, name="ICB leads", by=cast["manager"]
    )
    brokering.record_point(request=request, text="One stroke unit per system", status="agreed", by=cast["manager"])
    brokering.write_statement(request=request, text="The parties agree one hyperacute unit.", by=cast["manager"])
    brokering.confirm(party=party, by=cast["requester"])
    section = _section(compose.compose(draft(request, by=cast["manager"])), "brokering")
    text = _text(section)
    assert "One stroke unit per system" in text and "The parties agree one hyperacute unit." in text
    assert any("confirmed by every party" in b.text for b in section.blocks)
