"""Invitations: answering, replacements after a decline, reminders, the lifecycle check."""

import datetime as dt

import pytest

from senate.members.models import Profession
from senate.notifications.models import Email
from senate.panels import invitations, runs
from senate.panels.models import PanelMember
from senate.panels.tests.factories import member, ready_request, seat, spec
from senate.reviews import lifecycle


@pytest.fixture
def deployed(cast):
    people = [member("Pat Voice", profession=Profession.PPV)] + [
        member(f"Doc {n}", expertise=["emergency-medicine"]) for n in "ABCDE"
    ]
    request = ready_request()
    spec(request, by=cast["manager"], rules=[("ppv", 1), ("emergency-medicine", 2)])
    run = runs.run_optimiser(request.senate, [request], by=cast["manager"])
    runs.deploy(run, by=cast["manager"])
    return request, people


def test_a_member_accepts_and_joins_the_final_panel(cast, deployed):
    request, _ = deployed
    s = PanelMember.objects.filter(request=request).first()
    invitations.respond(s, accept=True, by=s.profile.user)
    assert [x.profile for x in invitations.final_panel(request)] == [s.profile]
    with pytest.raises(invitations.AnswerRefused, match="already answered"):
        invitations.respond(s, accept=False, reason="Changed my mind", by=s.profile.user)


def test_a_decline_needs_a_reason_and_offers_a_replacement_holding_the_same_expertise(cast, deployed):
    request, people = deployed
    doctor = PanelMember.objects.filter(request=request, profile__profession=Profession.DOCTOR).first()
    with pytest.raises(invitations.AnswerRefused, match="Enter why"):
        invitations.respond(doctor, accept=False, reason=" ", by=doctor.profile.user)
    invitations.respond(doctor, accept=False, reason="On leave", by=doctor.profile.user)
    offer = runs.replacement_for(doctor)
    invited = set(PanelMember.objects.filter(request=request).values_list("profile_id", flat=True))
    assert offer is not None and offer["profile"] not in invited
    assert "emergency-medicine" in offer["skills"]
    assert Email.objects.filter(kind="panels.declined", to=cast["manager"].email).exists()


def test_two_declines_are_offered_two_different_replacements(cast, deployed):
    request, _ = deployed
    doctors = list(PanelMember.objects.filter(request=request, profile__profession=Profession.DOCTOR)[:2])
    for d in doctors:
        invitations.respond(d, accept=False, reason="On leave", by=d.profile.user)
    offers = [offer for _, offer in runs.replacements_for(doctors)]
    assert offers[0] is not None and offers[1] is not None
    assert offers[0]["profile"] != offers[1]["profile"]
    assert runs.replacement_for(doctors[1])["profile"] == offers[0]["profile"]  # alone, both would get the same


def test_reminders_go_once_shortly_before_the_deadline(cast, deployed):
    request, _ = deployed
    due = PanelMember.objects.filter(request=request).first().respond_by
    assert invitations.send_invitation_reminders(request.senate, today=due - dt.timedelta(days=5)) == 0
    count = PanelMember.objects.filter(request=request).count()
    assert invitations.send_invitation_reminders(request.senate, today=due - dt.timedelta(days=2)) == count
    assert invitations.send_invitation_reminders(request.senate, today=due - dt.timedelta(days=1)) == 0


def test_panel_recruited_needs_the_minimum_of_accepted_members(cast):
    request = ready_request()
    with pytest.raises(lifecycle.TransitionRefused, match="specification"):
        lifecycle.perform("record_panel_recruited", request, by=cast["manager"])
    spec(request, by=cast["manager"], min_size=2, max_size=3, rules=())
    seat(request, member("One"))
    with pytest.raises(lifecycle.TransitionRefused, match="at least 2 members who have accepted; 1"):
        lifecycle.perform("record_panel_recruited", request, by=cast["manager"])
    seat(request, member("Two"))
    lifecycle.perform("record_panel_recruited", request, by=cast["manager"])
    request.refresh_from_db()
    assert request.stage == "panel_recruited"


def test_panel_recruited_needs_the_composition_not_only_the_size(cast):
    """Issue 13: a formal review went ahead after its only patient and public voice member declined."""
    request = ready_request()
    spec(request, by=cast["manager"], min_size=2, max_size=4, min_out_of_region=1, rules=(("ppv", 1),))
    seat(request, member("One"))
    seat(request, member("Two"))
    seat(request, member("Pat Voice", profession=Profession.PPV), status=PanelMember.Status.DECLINED)
    with pytest.raises(lifecycle.TransitionRefused) as refused:
        lifecycle.perform("record_panel_recruited", request, by=cast["manager"])
    assert "The panel needs 1 (Patient and public voice) among those who have accepted; it has 0" in str(refused.value)
    assert "The panel needs 1 members from outside the region; it has 0" in str(refused.value)
    seat(request, member("Lee Voice", profession=Profession.PPV))
    with pytest.raises(lifecycle.TransitionRefused, match="outside the region"):
        lifecycle.perform("record_panel_recruited", request, by=cast["manager"])
    seat(request, member("Out Of Region", senate="north-west"))
    lifecycle.perform("record_panel_recruited", request, by=cast["manager"])
    request.refresh_from_db()
    assert request.stage == "panel_recruited"


def test_the_daily_run_sends_panel_reminders(cast, deployed):
    from io import StringIO

    from django.core.management import call_command

    request, _ = deployed
    PanelMember.objects.filter(request=request).update(respond_by=dt.date.today() + dt.timedelta(days=1))
    out = StringIO()
    call_command("daily", stdout=out)
    count = PanelMember.objects.filter(request=request).count()
    assert f"South West Clinical Senate: {count} panel reminders queued" in out.getvalue()
    assert Email.objects.filter(kind="panels.reminder").count() == count


def test_a_panel_has_one_chair(cast):
    request = ready_request()
    first, second = seat(request, member("One"), role="chair"), seat(request, member("Two"))
    invitations.set_role(second, role="chair", by=cast["manager"])
    first.refresh_from_db()
    assert (first.role, second.role) == ("clinical", "chair")
    assert [s.role for s in invitations.final_panel(request)] == ["chair", "clinical"]
    with pytest.raises(invitations.AnswerRefused, match="Select a role"):
        invitations.set_role(first, role="king", by=cast["manager"])
