"""The demo's assurance records: the stroke review feeds stage 2 and is notifiable, minor injuries
units run in parallel with consultation and were asked to be called in, the urgent temporary change
is due to be looked at again, and the Scilly parties share one position and keep one private."""

import datetime as dt
import random

from senate.assurance import brokering, queries, recording, timeline
from senate.demo import assurance_world
from senate.organisations.models import Organisation
from senate.reviews.models import Request
from senate.reviews.tests.factories import RequestFactory

TODAY = dt.date(2026, 11, 23)


def test_the_demo_world_places_each_review_in_its_assurance(cast):
    stroke = RequestFactory(title="Independent clinical review of the hyperacute stroke proposals")
    minor = RequestFactory(
        title="Minor injuries units across Cornwall", submitted_at=dt.datetime(2026, 8, 1, tzinfo=dt.UTC)
    )
    urgent = RequestFactory(title="Urgent temporary suspension of overnight births", kind="urgent_temporary")
    cornwall = Organisation.objects.get(code="QT6")
    Organisation.objects.create(name="Royal Cornwall Hospitals", type="trust", code="REFX", icb=cornwall)
    scilly = RequestFactory(
        title="Urgent treatment centre model for the Isles of Scilly",
        kind="honest_broker",
        requesting_organisation=cornwall,
    )
    assurance_world.build(random.Random(1), today=TODAY)

    assert stroke.assurance.notifiable and stroke.assurance.advice_needed_by == TODAY + dt.timedelta(days=34)
    assert (
        timeline.placement(minor, recording.context_of(minor), today=TODAY) == "In parallel with public consultation."
    )
    found = queries.across(Request.objects.all(), TODAY)
    assert [r for r, _ in found.called_in] == [minor] and found.temporary == [urgent]
    assert stroke.engagements.count() == 4
    assert [s.title for s in queries.submissions_visible_to(cast["requester"], scilly)] == [
        "A GP-led urgent treatment centre on St Mary's"
    ]
    assert not brokering.confirmed_by_all(scilly)
