"""When declarations are due: on appointment, on change of role, and every year. Dates are fixed;
the Senate's annual declaration is in April (the default)."""

import datetime as dt

from django.utils import timezone

from senate.accounts.models import Role, RoleAssignment
from senate.interests.conflict_policy import conflict_policy_for
from senate.interests.declaring import confirm_register
from senate.interests.due import Status, annual_cycle, due_rows
from senate.interests.tests.factories import declared
from senate.members.models import Body, MembershipRole
from senate.members.tests.factories import MembershipFactory

D = dt.date
START = D(2025, 1, 6)


def _member(senate, start=START, body=Body.ASSEMBLY, **profile):
    membership = MembershipFactory(
        senate=senate,
        body=body,
        term_start=start,
        term_end=D(2028, 1, 5),
        **{f"profile__{k}": v for k, v in profile.items()},
    )
    return membership.profile


def _declared_on(profile, day):
    at = timezone.make_aware(dt.datetime.combine(day, dt.time(10)))
    return declared(profile, recorded_at=at, started_on=day - dt.timedelta(days=5))


def _row(senate, profile, today):
    (row,) = due_rows(senate, today=today, profile=profile)
    return row


def test_someone_who_has_never_declared_is_listed_as_never(senate):
    profile = _member(senate, start=D(2026, 11, 1))
    row = _row(senate, profile, D(2026, 11, 20))
    assert row.status == Status.NEVER
    assert row.due_on == D(2026, 11, 29) and "On appointment to the Assembly" in row.obligations[0].what


def test_the_annual_declaration_is_due_in_its_month_then_overdue(senate):
    profile = _member(senate)
    _declared_on(profile, D(2025, 6, 1))
    assert _row(senate, profile, D(2026, 3, 31)).status == Status.UP_TO_DATE
    due = _row(senate, profile, D(2026, 4, 10))
    assert due.status == Status.DUE and due.obligations[0].what == "Annual declaration for 2026"
    assert due.due_on == D(2026, 4, 30)
    assert _row(senate, profile, D(2026, 5, 1)).status == Status.OVERDUE


def test_confirming_the_register_is_the_annual_return(senate, cast):
    profile = _member(senate)
    _declared_on(profile, D(2025, 6, 1))
    confirm_register(profile, by=profile.user)
    assert _row(senate, profile, dt.date.today()).status == Status.UP_TO_DATE


def test_a_change_of_role_is_due_within_28_days(senate):
    profile = _member(senate)
    _declared_on(profile, D(2026, 6, 1))
    granted = timezone.make_aware(dt.datetime(2026, 10, 1, 9))
    RoleAssignment.objects.create(user=profile.user, senate=senate, role=Role.VICE_CHAIR, granted_at=granted)
    row = _row(senate, profile, D(2026, 10, 10))
    assert row.status == Status.DUE and row.obligations[0].what.startswith("Change of role: Vice-chair")
    assert _row(senate, profile, D(2026, 11, 20)).status == Status.OVERDUE


def test_moving_from_the_assembly_to_the_council_is_a_change_of_role(senate):
    profile = _member(senate)
    _declared_on(profile, D(2026, 5, 1))
    MembershipFactory(
        profile=profile,
        senate=senate,
        body=Body.COUNCIL,
        role=MembershipRole.CLINICAL,
        term_start=D(2026, 11, 1),
        term_end=D(2029, 10, 31),
    )
    row = _row(senate, profile, D(2026, 11, 20))
    assert row.status == Status.DUE
    assert [o.what for o in row.obligations] == ["Change of role: Clinical member of the Council from 1 November 2026"]


def test_a_declaration_made_just_before_appointment_counts(senate):
    profile = _member(senate, start=D(2026, 11, 1))
    _declared_on(profile, D(2026, 10, 20))
    assert _row(senate, profile, D(2026, 11, 20)).status == Status.UP_TO_DATE


def test_the_annual_month_is_a_setting(senate):
    rules = conflict_policy_for(senate)
    rules.annual_month = 10
    rules.save()
    profile = _member(senate)
    _declared_on(profile, D(2026, 5, 1))
    assert _row(senate, profile, D(2026, 11, 20)).status == Status.OVERDUE
    assert annual_cycle(D(2026, 11, 20), 10) == (D(2026, 10, 1), D(2026, 10, 31))


def test_the_manager_sees_who_is_due_with_counts_and_filters(client, cast, senate):
    declared(_member(senate, user__full_name="Una Uptodate"))
    _member(senate, user__full_name="Nev Neverdeclared", start=dt.date.today() - dt.timedelta(days=100))
    client.force_login(cast["manager"])
    page = client.get("/south-west/interests/due/").content.decode()
    assert "Nev Neverdeclared" in page and "Una Uptodate" not in page
    assert 'data-count="never"' in page
    only_never = client.get("/south-west/interests/due/?status=never&body=assembly").content.decode()
    assert "Nev Neverdeclared" in only_never and "Priya Council" not in only_never
    everyone = client.get("/south-west/interests/due/?status=all").content.decode()
    assert "Una Uptodate" in everyone


def test_every_senates_counts_at_once_agree_with_each_senates_rows(senate, other_senate):
    """`counted_in` (the dashboards: every Senate at once, dates only) counts each standing exactly as
    the rows of `due_rows` do, Senate by Senate: never declared, due, overdue, up to date, a change of
    role, a move between bodies, another annual month."""
    from senate.interests.due import counted_in, counts

    today = D(2026, 11, 20)
    rules = conflict_policy_for(other_senate)
    rules.annual_month = 10
    rules.save()
    _member(senate, start=D(2026, 11, 1))  # never declared
    _declared_on(_member(senate), D(2025, 6, 1))  # annual overdue
    _declared_on(_member(senate, start=D(2026, 11, 1)), D(2026, 10, 20))  # up to date
    chair = _member(senate)
    _declared_on(chair, D(2026, 6, 1))
    RoleAssignment.objects.create(user=chair.user, senate=senate, role=Role.VICE_CHAIR, granted_at=timezone.make_aware(dt.datetime(2026, 11, 10, 9)))  # fmt: skip
    mover = _member(other_senate)
    _declared_on(mover, D(2026, 10, 5))
    MembershipFactory(profile=mover, senate=other_senate, body=Body.COUNCIL, role=MembershipRole.CLINICAL, term_start=D(2026, 11, 15), term_end=D(2029, 10, 31))  # fmt: skip
    _declared_on(_member(other_senate), D(2026, 5, 1))  # October's annual return overdue
    found = counted_in([senate, other_senate], today=today)
    for s in (senate, other_senate):
        assert found[s.pk] == counts(due_rows(s, today=today))
    assert found[senate.pk] == {"never": 1, "overdue": 1, "due": 1, "up_to_date": 1}
    assert found[other_senate.pk] == {"never": 0, "overdue": 1, "due": 1, "up_to_date": 0}
