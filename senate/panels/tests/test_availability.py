"""A member records as many times away as they need; a member away on any day of a panel's dates is
shown as unavailable and never proposed; bad dates are refused where they were entered."""

import datetime as dt

from django.utils import timezone

from senate.core.models import AuditEvent
from senate.members.models import MemberProfile, Profession
from senate.panels import availability, candidates, runs
from senate.panels.models import PanelAbsence
from senate.panels.tests.factories import member, ready_request, spec

TODAY = timezone.localdate()
MINE = "/south-west/panels/mine/"


def _day(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def _date(prefix: str, day: dt.date | None) -> dict[str, str]:
    if day is None:
        return {f"{prefix}[day]": "", f"{prefix}[month]": "", f"{prefix}[year]": ""}
    return {f"{prefix}[day]": str(day.day), f"{prefix}[month]": str(day.month), f"{prefix}[year]": str(day.year)}


def test_a_member_adds_two_times_away_and_removes_one(client, cast):
    client.force_login(cast["assembly"])
    for first, last in ((_day(10), _day(14)), (_day(40), None)):
        response = client.post(MINE + "away/", _date("away_from", first) | _date("away_until", last))
        assert response.status_code == 302
    page = client.get(MINE).content.decode()
    assert f"{_day(10):%-d %B %Y} to {_day(14):%-d %B %Y}" in page and f"{_day(40):%-d %B %Y}" in page
    profile = MemberProfile.objects.get(user=cast["assembly"])
    one_day = PanelAbsence.objects.get(profile=profile, away_from=_day(40))
    assert one_day.away_until == _day(40)
    assert client.post(MINE + f"away/{one_day.pk}/remove/").status_code == 302
    assert list(PanelAbsence.objects.filter(profile=profile).values_list("away_from", flat=True)) == [_day(10)]
    assert AuditEvent.objects.filter(action="panels.absence_removed").exists()


def test_bad_dates_are_refused_where_they_were_entered_and_nothing_is_saved(client, cast):
    client.force_login(cast["assembly"])
    backwards = client.post(MINE + "away/", _date("away_from", _day(10)) | _date("away_until", _day(5)))
    assert backwards.status_code == 400
    html = backwards.content.decode()
    assert "nhsuk-error-summary" in html and "The last day away must be the same as or after the first day" in html
    missing = client.post(MINE + "away/", _date("away_from", None) | _date("away_until", _day(5))).content.decode()
    assert "Enter the first day you are away" in missing
    past = client.post(MINE + "away/", _date("away_from", _day(-9)) | _date("away_until", _day(-2))).content.decode()
    assert "The last day away must be today or in the future" in past
    assert not PanelAbsence.objects.exists()


def test_nobody_removes_another_members_time_away(client, cast):
    profile = MemberProfile.objects.get(user=cast["assembly"])
    absence = availability.add_absence(
        profile, away_from=_day(3), away_until=_day(4), by=cast["assembly"], senate=None, today=TODAY
    )
    client.force_login(cast["council"])
    assert client.post(MINE + f"away/{absence.pk}/remove/").status_code == 404
    assert PanelAbsence.objects.filter(pk=absence.pk).exists()


def test_a_member_away_on_any_panel_day_is_blocked_and_never_proposed(cast):
    request = ready_request()
    spec(
        request, by=cast["manager"], rules=[("emergency-medicine", 2)], min_size=2, max_size=2,
        starts_on=_day(30), ends_on=_day(32),
    )  # fmt: skip
    away = member("Anna Away", expertise=["emergency-medicine"])
    after = member("Bob Back-in-time", expertise=["emergency-medicine"])
    free = member("Cleo Clear", expertise=["emergency-medicine"])
    member("Pat Voice", profession=Profession.PPV)
    for who, first, last in ((away, _day(5), _day(8)), (away, _day(32), _day(40)), (after, _day(33), _day(50))):
        availability.add_absence(who, away_from=first, away_until=last, by=who.user, senate=None, today=TODAY)
    found = {c.profile.pk: c for c in candidates.candidates_for(request, on=TODAY, spec=request.panel_spec)}
    assert found[away.pk].blocked == "Away during the panel dates"
    assert not found[after.pk].blocked and not found[free.pk].blocked
    run = runs.run_optimiser(request.senate, [request], by=cast["manager"])
    chosen = {seat["profile"] for seat in run.for_request(request.pk)["panel"]}
    assert chosen == {after.pk, free.pk}


def test_members_find_their_panels_in_the_header_and_others_do_not(client, cast):
    client.force_login(cast["assembly"])
    assert 'href="/south-west/panels/mine/"' in client.get("/south-west/").content.decode()
    for who in ("manager", "requester"):
        client.force_login(cast[who])
        assert "My panels" not in client.get("/south-west/").content.decode(), who


def test_only_members_record_times_away(client, cast):
    data = _date("away_from", _day(10)) | _date("away_until", _day(12))
    assert client.post(MINE + "away/", data).status_code in (302, 403)  # signed out: to the sign-in page
    assert not PanelAbsence.objects.exists()
    for who in ("manager", "requester", "assurance", "no_role", "other_manager"):
        client.force_login(cast[who])
        assert client.post(MINE + "away/", data).status_code in (403, 404), who
    assert not PanelAbsence.objects.exists()
    client.force_login(cast["assembly"])
    assert client.get(MINE + "away/").status_code == 405
