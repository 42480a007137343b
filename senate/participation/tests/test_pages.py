"""What members and the Senate team see and do on the participation pages."""

import datetime as dt

from senate.members.models import Membership
from senate.participation import induction
from senate.participation.models import InductionStep

SW = "/south-west/participation"


def test_a_member_marks_an_induction_item_complete(client, cast):
    m = Membership.objects.get(profile__user=cast["council"])
    step = induction.start_induction(m, by=cast["manager"])[0]
    client.force_login(cast["council"])
    response = client.post(f"{SW}/mine/induction/{step.pk}/complete/", follow=True)
    assert "Marked complete: Read the code of conduct" in response.content.decode()
    assert InductionStep.objects.get(pk=step.pk).completed_at is not None


def test_a_member_cannot_tick_someone_elses_induction(client, cast):
    m = Membership.objects.get(profile__user=cast["council"])
    step = induction.start_induction(m, by=cast["manager"])[0]
    client.force_login(cast["assembly"])
    assert client.post(f"{SW}/mine/induction/{step.pk}/complete/").status_code == 404
    assert InductionStep.objects.get(pk=step.pk).completed_at is None


def test_the_team_is_refused_a_renewal_beyond_the_maximum_on_the_form(client, cast, senate):
    m = Membership.objects.get(profile__user=cast["council"])
    m.term_number = senate.council_max_terms
    m.save()
    client.force_login(cast["manager"])
    url = f"{SW}/renewals/{m.profile_id}/memberships/{m.pk}/"
    response = client.post(url, {"outcome": "renew", "reason": "Valued member"})
    assert response.status_code == 200
    assert f"this Senate allows at most {senate.council_max_terms} terms on the Council" in response.content.decode()
    assert Membership.objects.filter(profile=m.profile).count() == 1


def test_the_member_statement_downloads_as_a_pdf(client, cast):
    m = Membership.objects.get(profile__user=cast["council"])
    year = m.term_start.year if m.term_start.month >= 4 else m.term_start.year - 1
    client.force_login(cast["council"])
    response = client.get(f"{SW}/mine/statement.pdf?year={year}")
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert client.get(f"{SW}/mine/statement.pdf?year={year - 5}").status_code == 404


def test_a_member_whose_term_is_ending_is_asked_whether_to_continue(client, cast):
    m = Membership.objects.get(profile__user=cast["council"])
    m.term_end = dt.date.today() + dt.timedelta(days=40)
    m.save()
    client.force_login(cast["council"])
    page = client.get(f"{SW}/mine/").content.decode()
    assert "Tell us whether you wish to continue" in page
    client.post(f"{SW}/mine/memberships/{m.pk}/continue/", {"wishes_to_continue": "True", "note": ""})
    assert "You told the team you wish to continue" in client.get(f"{SW}/mine/").content.decode()
