"""The demo world obeys the rules the pages enforce (issue 14, item 7): every check here is one a
person could see broken in the demo. Run over the tiny and the demo scales (the national scale adds
only members and closed past reviews, built by the same code; `make bench` builds it)."""

import datetime as dt

import pytest

from senate.council.models import Attendance, Decision
from senate.demo import world
from senate.interests.due import declaration_refusal
from senate.panels.models import PanelMember, Position
from senate.reports.models import Judgement
from senate.reviews.intake import notice_is_short
from senate.reviews.models import Request

TODAY = dt.date(2026, 12, 6)


def broken_rules() -> list[str]:
    """Every place the world breaks a rule, in words."""
    found = []
    for decision in Decision.objects.filter(method=Decision.Method.VOTE).select_related("item__meeting"):
        meeting = decision.item.meeting
        present = meeting.attendance.filter(observer=False, status=Attendance.Status.PRESENT).count()
        may_vote = present - decision.recused
        cast = decision.votes_for + decision.votes_against + decision.abstentions
        if cast > may_vote:
            found.append(f"{meeting}, item {decision.item.number}: {cast} votes where {may_vote} may vote")
    for request in Request.objects.exclude(submitted_at=None).select_related("senate"):
        if request.short_notice != notice_is_short(request):
            found.append(f"{request.reference}: short notice {request.short_notice} with {request.notice_days()} days")
    for seat in PanelMember.objects.exclude(status=PanelMember.Status.DECLINED).select_related(
        "profile__user", "request"
    ):
        if why := declaration_refusal(seat.profile, today=TODAY):
            found.append(f"{seat.request.reference}: {why}, yet invited to its panel")
    for judgement in Judgement.objects.prefetch_related("positions").select_related("request"):
        positions = [p.position for p in judgement.positions.all()]
        could = [p for p in positions if p != Position.EXCLUDED]
        if positions.count(Position.AGREED) * 2 <= len(could):
            found.append(
                f"{judgement.request.reference}: a judgement agreed by {positions.count(Position.AGREED)} of {len(could)}"
            )
    return found


@pytest.mark.parametrize("scale", ["tiny", "demo"])
def test_the_demo_world_obeys_the_rules(db, scale):
    world.build(scale=scale, seed=2013, today=TODAY)
    assert Decision.objects.filter(method=Decision.Method.VOTE).exists() or scale == "tiny"
    assert Judgement.objects.exists() or scale == "tiny"
    assert broken_rules() == []
