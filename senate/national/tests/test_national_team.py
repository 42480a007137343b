"""NHS England's national team: given by a system administrator (audited), sees every Senate side by
side and the advice each has issued, and nothing else of a Senate's."""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from senate.accounts.granting import RoleRefused, grant_national_role, withdraw_national_role
from senate.accounts.models import NationalRole, NationalRoleAssignment
from senate.accounts.tests.factories import UserFactory
from senate.core.models import AuditEvent
from senate.national.queries import senate_figures
from senate.national.tests.factories import issued_request
from senate.reports.tests.factories import draft
from senate.reviews import lifecycle
from senate.reviews.tests.factories import RequestFactory

TEAM = NationalRole.NATIONAL_TEAM


def test_a_system_administrator_gives_the_national_role_with_an_audit_event(cast):
    person = UserFactory(full_name="Nina England")
    given = grant_national_role(person=person, role=TEAM, by=cast["admin"], reason="Joined the national team")
    event = AuditEvent.objects.get(action="role.national_given")
    assert event.actor == cast["admin"] and event.senate is None and event.object_id == str(given.pk)
    assert event.data["changed"] == {"role": ["", "NHS England national team"]}


@pytest.mark.parametrize("who", ["manager", "chair", "national"])
def test_no_one_but_a_system_administrator_gives_the_national_role(cast, who):
    with pytest.raises(RoleRefused, match="Only a system administrator"):
        grant_national_role(person=UserFactory(), role=TEAM, by=cast[who])
    assert not AuditEvent.objects.filter(action="role.national_given").exists()


def test_the_national_role_is_not_given_twice(cast):
    with pytest.raises(RoleRefused, match="Nadia National is already in the NHS England national team"):
        grant_national_role(person=cast["national"], role=TEAM, by=cast["admin"])


def test_withdrawing_the_national_role_needs_a_reason_and_is_audited(cast, client):
    assignment = NationalRoleAssignment.objects.get(user=cast["national"])
    with pytest.raises(RoleRefused, match="Say why"):
        withdraw_national_role(assignment=assignment, by=cast["admin"], reason=" ")
    withdraw_national_role(assignment=assignment, by=cast["admin"], reason="Moved to another team")
    assert AuditEvent.objects.get(action="role.national_withdrawn").data["reason"] == "Moved to another team"
    client.force_login(cast["national"])
    assert client.get("/national/").status_code == 403


def test_the_administration_page_gives_the_national_role(client, cast):
    person = UserFactory(full_name="Nina England")
    client.force_login(cast["admin"])
    page = client.get(f"/admin/accounts/user/{person.pk}/change/")
    assert "Roles across every Senate" in page.content.decode()
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k not in ("last_login", "date_joined")}
    data |= {"email": person.email, "full_name": person.full_name, "is_active": "on"}
    data |= {"roles-TOTAL_FORMS": 0, "roles-INITIAL_FORMS": 0}
    data |= {"national_roles-TOTAL_FORMS": 1, "national_roles-INITIAL_FORMS": 0, "national_roles-0-role": TEAM}
    response = client.post(f"/admin/accounts/user/{person.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert NationalRoleAssignment.objects.filter(user=person, role=TEAM).exists()
    assert AuditEvent.objects.filter(action="role.national_given", actor=cast["admin"]).exists()


def test_every_senate_side_by_side(cast, other_senate):
    issued_request(cast, sent_days_before_issue=30)
    issued_request(cast, sent_days_before_issue=50)
    issued_request(cast, sent_days_before_issue=100)
    RequestFactory(created_by=cast["requester"], stage="panel_meeting")
    RequestFactory(created_by=cast["requester"], stage="paused", stage_before_pause="fieldwork")
    RequestFactory(created_by=cast["requester"], stage="withdrawn")
    RequestFactory(created_by=cast["requester"], stage="draft", submitted_at=None)
    RequestFactory(created_by=cast["requester"], stage="received", senate=other_senate)
    figures = {f.senate.slug: f for f in senate_figures()}
    assert len(figures) == 9
    south_west = figures["south-west"]
    assert (south_west.received, south_west.issued, south_west.in_progress) == (6, 3, 2)
    assert south_west.median_days == 50
    assert (figures["london"].received, figures["london"].issued, figures["london"].median_days) == (1, 0, None)


def test_the_national_page_shows_every_senate_and_links_issued_advice(client, cast):
    request = issued_request(cast, title="Issued advice on stroke")
    client.force_login(cast["national"])
    page = client.get("/national/").content.decode()
    assert "South West Clinical Senate" in page and "London Clinical Senate" in page
    assert f"/national/south-west/issued/{request.pk}/" in page
    assert "Issued advice on stroke" in client.get(f"/national/south-west/issued/{request.pk}/").content.decode()


def test_the_national_team_is_refused_advice_not_yet_issued_and_draft_reports(client, cast):
    approved = RequestFactory(created_by=cast["requester"], stage="approved")
    drafting = RequestFactory(created_by=cast["requester"], stage="draft_report")
    version = draft(drafting, by=cast["manager"])
    client.force_login(cast["manager"])
    assert client.get(f"/south-west/reports/requests/{drafting.pk}/report/v{version.version}/").status_code == 200
    client.force_login(cast["national"])
    assert client.get(f"/national/south-west/issued/{approved.pk}/").status_code == 404
    assert client.get(f"/south-west/reports/requests/{drafting.pk}/report/v{version.version}/").status_code in (
        403,
        404,
    )
    assert client.get(f"/south-west/requests/{drafting.pk}/").status_code == 403


def test_issued_advice_is_found_only_in_the_senate_the_address_names(client, cast):
    request = issued_request(cast)
    client.force_login(cast["national"])
    assert client.get(f"/national/london/issued/{request.pk}/").status_code == 404


def test_the_header_leads_the_national_team_to_the_national_view(client, cast):
    client.force_login(cast["national"])
    assert 'href="/national/"' in client.get("/?all=1").content.decode()
    client.force_login(cast["manager"])
    assert 'href="/national/"' not in client.get("/?all=1").content.decode()


def test_turnaround_counts_from_the_request_being_sent(cast):
    request = issued_request(cast, sent_days_before_issue=0)
    request.submitted_at = timezone.now() - dt.timedelta(days=12, hours=2)
    request.save()
    assert {f.senate.slug: f.median_days for f in senate_figures()}["south-west"] == 12


def test_the_kept_national_page_shows_advice_issued_and_a_request_withdrawn_at_once(client, cast, look):
    """The figures and the advice issued are kept until the next act (as a page served in autocommit
    keeps them once it commits): advice issued, or a request withdrawn, shows on the very next look."""
    approved = RequestFactory(created_by=cast["requester"], stage="approved", title="Advice on hyperacute stroke")
    in_progress = RequestFactory(created_by=cast["requester"], stage="panel_meeting")
    client.force_login(cast["national"])

    def south_west(page: str, column: str) -> str:
        row = re.search(r"South West Clinical Senate</th>(.*?)</tr>", page, re.S)
        assert row is not None
        return re.search(rf"{column} </span>([^<]*)</td>", row.group(1)).group(1)  # type: ignore[union-attr]

    cache.clear()
    first, page = look(client, "/national/")
    again, page = look(client, "/national/")
    assert again < first and "Advice on hyperacute stroke" not in page
    assert (south_west(page, "Advice issued"), south_west(page, "In progress")) == ("0", "2")
    with lifecycle.reviews_rules_only():
        lifecycle.perform("issue", approved, by=cast["manager"])
    page = look(client, "/national/")[1]
    assert f"/national/south-west/issued/{approved.pk}/" in page and "Advice on hyperacute stroke" in page
    assert (south_west(page, "Advice issued"), south_west(page, "In progress")) == ("1", "1")
    lifecycle.perform("withdraw", in_progress, by=cast["requester"], reason="The ICB paused the programme")
    assert south_west(look(client, "/national/")[1], "In progress") == "0"
