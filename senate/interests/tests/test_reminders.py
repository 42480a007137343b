import datetime as dt

from django.core.management import call_command

from senate.interests.reminders import send_declaration_reminders
from senate.interests.tasks import send_reminders_for_all_senates
from senate.interests.tests.factories import declared
from senate.members.models import MemberProfile
from senate.notifications.models import Email

TODAY = dt.date.today()


def test_everyone_who_owes_a_declaration_is_reminded_once(cast, senate, council_profile):
    declared(council_profile)
    assert send_declaration_reminders(senate, today=TODAY) == 1  # the Assembly member has never declared
    email = Email.objects.get()
    assert email.to == cast["assembly"].email and email.kind == "interests.reminder"
    assert "/declarations/" in email.body and "declaration of interests" in email.subject
    assert send_declaration_reminders(senate, today=TODAY) == 0
    assert Email.objects.count() == 1


def test_a_reminder_goes_again_when_a_due_declaration_becomes_overdue(cast, senate):
    profile = MemberProfile.objects.get(user=cast["assembly"])
    membership = profile.memberships.get()
    membership.term_start = TODAY - dt.timedelta(days=5)
    membership.save()
    send_declaration_reminders(senate, today=TODAY)
    send_declaration_reminders(senate, today=TODAY + dt.timedelta(days=30))
    subjects = sorted(Email.objects.filter(to=cast["assembly"].email).values_list("subject", flat=True))
    assert [s.split(":")[0] for s in subjects] == ["Due", "Overdue"]


def test_the_daily_command_and_task_remind_every_senate(cast, senate):
    call_command("interests_reminders")
    assert Email.objects.filter(kind="interests.reminder").count() == 2
    assert send_reminders_for_all_senates.call() == 0  # nothing new to send the same day


def test_the_manager_sends_reminders_from_the_due_page(client, cast):
    client.force_login(cast["assembly"])
    assert client.post("/south-west/interests/due/remind/").status_code == 403
    client.force_login(cast["manager"])
    response = client.post("/south-west/interests/due/remind/", follow=True)
    assert "2 reminders queued" in response.content.decode()
