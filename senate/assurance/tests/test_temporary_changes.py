"""Urgent temporary changes take the short path (a letter of advice) and are looked at again: the
daily run reminds the Senate team and the requester once, a week before the review date."""

import datetime as dt

from django.core.management import call_command

from senate.assurance import recording
from senate.notifications.models import Email
from senate.reviews.tests.factories import RequestFactory


def test_an_urgent_temporary_change_takes_the_short_path(cast):
    assert RequestFactory(kind="urgent_temporary").is_short_path


def test_the_daily_run_reminds_once_when_the_review_date_is_near(cast):
    urgent = RequestFactory(kind="urgent_temporary", created_by=cast["requester"])
    later = RequestFactory(kind="urgent_temporary")
    today = dt.date.today()
    recording.set_context(request=urgent, by=cast["manager"], temporary_review_date=today + dt.timedelta(days=5))
    recording.set_context(request=later, by=cast["manager"], temporary_review_date=today + dt.timedelta(days=40))
    call_command("daily", stdout=open("/dev/null", "w"))
    call_command("daily", stdout=open("/dev/null", "w"))
    reminders = Email.objects.filter(kind="assurance.temporary_review")
    assert sorted(e.to for e in reminders) == sorted([cast["manager"].email, cast["requester"].email])
    assert all(urgent.reference in e.subject for e in reminders)


def test_the_front_page_asks_the_team_and_the_requester_to_look_again(client, cast):
    urgent = RequestFactory(kind="urgent_temporary", created_by=cast["requester"])
    recording.set_context(request=urgent, by=cast["manager"], temporary_review_date=dt.date.today())
    for who, sees in (("manager", True), ("requester", True), ("council", False)):
        client.force_login(cast[who])
        page = client.get("/south-west/").content.decode()
        assert (f"{urgent.reference}: look again at the urgent temporary change" in page) == sees, who
