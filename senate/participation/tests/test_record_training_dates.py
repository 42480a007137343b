"""Induction in a member's participation record is dated as the member saw it: UK time."""

import datetime as dt
import zoneinfo

from senate.members.models import Membership
from senate.participation import induction, record
from senate.participation.models import InductionItem, InductionStep

LONDON = zoneinfo.ZoneInfo("Europe/London")


def test_an_item_completed_just_after_midnight_on_1_april_is_dated_1_april_in_that_year(cast, senate):
    m = Membership.objects.get(profile__user=cast["council"])
    induction.start_induction(m)
    step = m.induction_steps.get(item=InductionItem.CODE_OF_CONDUCT)
    InductionStep.objects.filter(pk=step.pk).update(completed_at=dt.datetime(2026, 4, 1, 0, 30, tzinfo=LONDON))
    training = record.record_of(m.profile, senate, dt.date(2026, 4, 1)).training
    assert training == ["Induction: Read the code of conduct (1 April 2026)"]
    assert record.record_of(m.profile, senate, dt.date(2025, 4, 1)).training == []
