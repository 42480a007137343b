"""Invitations at their edges: roles of members who left the panel, withdrawing, reminders past the
deadline, an invitation's own answer window, and specifications asked for before work can start."""

import datetime as dt

import pytest

from senate.core.models import AuditEvent
from senate.notifications.models import Email
from senate.panels import invitations
from senate.panels.models import PanelMember
from senate.panels.specs import Rule, may_invite, panel_open, spec_errors
from senate.panels.tests.factories import member, ready_request, seat, spec

TODAY = dt.date.today()


def test_a_member_who_declined_cannot_be_given_a_role(cast):
    declined = seat(ready_request(), member("Dee Clined"), status=PanelMember.Status.DECLINED)
    with pytest.raises(invitations.AnswerRefused, match="Dee Clined is no longer on this panel"):
        invitations.set_role(declined, role="chair", by=cast["manager"])


def test_withdrawing_a_member_takes_them_off_the_final_panel_and_is_audited(cast):
    request = ready_request()
    staying, going = seat(request, member("Stay")), seat(request, member("Go"))
    invitations.withdraw(going, by=cast["manager"])
    assert invitations.final_panel(request) == [staying]
    assert AuditEvent.objects.filter(action="panels.withdrawn", object_id=str(going.pk)).exists()


def test_no_reminder_is_sent_once_the_answer_date_has_passed(cast, senate):
    late = seat(ready_request(), member("Late"), status=PanelMember.Status.INVITED)
    PanelMember.objects.filter(pk=late.pk).update(respond_by=TODAY - dt.timedelta(days=1))
    assert invitations.send_invitation_reminders(senate, today=TODAY) == 0


def test_no_reminder_is_sent_while_the_answer_date_is_far_off(cast, senate):
    early = seat(ready_request(), member("Early"), status=PanelMember.Status.INVITED)
    PanelMember.objects.filter(pk=early.pk).update(respond_by=TODAY + dt.timedelta(days=10))
    assert invitations.send_invitation_reminders(senate, today=TODAY) == 0


def test_an_invitation_gives_the_days_to_answer_the_specification_allows(cast):
    request = ready_request()
    spec(request, by=cast["manager"], respond_within_days=5)
    request.refresh_from_db()
    invited = invitations.invite(request, member("Ann Swer"), role="clinical", by=cast["manager"], on=TODAY)
    assert invited.respond_by == TODAY + dt.timedelta(days=5)
    email = Email.objects.get(kind="panels.invitation")
    assert f"{invited.respond_by:%-d %B %Y}" in email.body


def test_a_member_without_a_decline_reason_is_asked_for_one_in_their_own_words(cast):
    invited = seat(ready_request(), member("Ivy"), status=PanelMember.Status.INVITED)
    with pytest.raises(invitations.AnswerRefused, match="Enter why you cannot join this panel"):
        invitations.respond(invited, accept=False, reason="  ", by=invited.profile.user)


def test_the_rule_of_a_specification_needs_at_least_one_member():
    errors = spec_errors(
        min_size=3,
        max_size=6,
        min_out_of_region=0,
        out_of_region_only=False,
        starts_on=None,
        ends_on=None,
        rules=[Rule("ppv", 0)],
    )
    assert errors == {"rule_1_minimum": "Enter how many panel members must hold this expertise, 1 or more"}


@pytest.mark.parametrize("stage", ["draft", "received", "paused", "closed"])
def test_no_panel_work_before_acceptance_while_paused_or_once_finished(cast, stage):
    request = ready_request(stage=stage)
    assert not panel_open(request)
    allowed, why = may_invite(request)
    assert not allowed and why.startswith("Panels cannot be changed while the request is")


def test_panel_work_starts_once_the_request_is_accepted_but_invitations_wait(cast):
    request = ready_request(stage="accepted")
    assert panel_open(request)
    assert may_invite(request) == (False, "Invitations can only be sent once the terms of reference are approved.")
