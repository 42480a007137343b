import datetime as dt

from senate.demo import world
from senate.interests.due import Status, due_rows
from senate.interests.models import Declaration, Kind
from senate.interests.register import public_register
from senate.organisations.models import Senate

TODAY = dt.date(2026, 11, 23)


def test_the_demo_world_has_a_realistic_register(db):
    world.build(scale="tiny", seed=5, today=TODAY)
    kinds = set(Declaration.objects.values_list("kind", flat=True))
    assert {Kind.INTEREST, Kind.NIL} <= kinds
    senate = Senate.objects.get(slug="south-west")
    statuses = {row.status for row in due_rows(senate, today=TODAY)}
    assert Status.NEVER in statuses  # the demo Assembly sign-in has yet to declare
    assert public_register(senate, on=TODAY).entries
