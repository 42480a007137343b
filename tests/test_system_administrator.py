"""Issue 13, leak 5: the system administrator bypassed every object rule (Django grants a superuser
every permission). Administration is for administering, not for reading case files: a superuser gets
no permission on requests, reports, evidence, declarations or meetings unless they also hold a Senate
role that grants it. They keep Django admin for accounts and organisations."""

import pytest

from senate.accounts.models import Role
from senate.accounts.tests.factories import give_role
from senate.reports.tests.factories import draft, request_at
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.tests.factories import RequestFactory


@pytest.fixture
def unsent(cast):
    return RequestFactory(
        stage="draft", reference="", submitted_at=None, title="Unsent ICB plan", created_by=cast["requester"]
    )


def test_the_administrator_cannot_read_or_withdraw_a_requesters_unsent_draft(client, cast, unsent):
    client.force_login(cast["admin"])
    response = client.get(f"/south-west/requests/{unsent.pk}/")
    assert response.status_code == 403 and b"Unsent ICB plan" not in response.content
    assert client.post(f"/south-west/requests/{unsent.pk}/act/withdraw/", {"reason": "Tidy up"}).status_code == 403
    unsent.refresh_from_db()
    assert unsent.stage == "draft"


def test_the_administrator_opens_no_submitted_request_nor_its_draft_report(client, cast):
    request = request_at("panel_meeting", by=cast["requester"], title="Submitted stroke review")
    draft(request, by=cast["manager"], summary="CONFIDENTIAL DRAFT")
    client.force_login(cast["admin"])
    for url in (
        f"/south-west/requests/{request.pk}/",
        f"/south-west/requests/{request.pk}/triage/",
        f"/south-west/reports/requests/{request.pk}/report/",
        f"/south-west/reports/requests/{request.pk}/report/v1/",
        f"/south-west/reports/requests/{request.pk}/report/v1.pdf",
        f"/south-west/evidence/requests/{request.pk}/",
        f"/south-west/panels/requests/{request.pk}/",
        "/south-west/interests/manage/",
        "/south-west/council/",
        "/south-west/requests/",
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"CONFIDENTIAL DRAFT" not in response.content and b"Submitted stroke review" not in response.content


def test_the_administrator_keeps_django_admin_and_a_real_role_grants_what_it_grants(client, cast, senate):
    admin = cast["admin"]
    assert admin.has_perm("accounts.change_user") and admin.has_perm("organisations.change_organisation")
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200
    request = request_at("panel_meeting", by=cast["requester"])
    assert not admin.has_perm(ReviewsPermission.VIEW_REQUEST, request)
    give_role(admin, senate, Role.MANAGER)
    del admin._senate_roles  # the roles are cached for the length of a request
    assert admin.has_perm(ReviewsPermission.VIEW_REQUEST, request) and admin.has_perm(ReviewsPermission.TRIAGE, request)
