"""Issue 13, leak 2: an unsent draft belongs to the requester's organisation alone. The Senate team
was refused its page but read it through triage, evidence, reports and issue pages, and could save
terms of reference and ask the requester for evidence. Every permission asked of a request now starts
with reviews.permissions.may_see_request, so every page and post that takes a request refuses them."""

import datetime as dt

import pytest
import rules

from senate.accounts.permission_names import Permission
from senate.evidence.permission_names import EvidencePermission
from senate.notifications.models import Email
from senate.panels.permission_names import PanelsPermission
from senate.participation.permission_names import ParticipationPermission
from senate.recruitment.permission_names import RecruitmentPermission
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.tests.factories import RequestFactory
from senate.statistics.permission_names import StatisticsPermission

SECRET_TITLE = "Unsent plan to close the Torbay stroke unit"


@pytest.fixture
def draft(cast):
    return RequestFactory(
        stage="draft", reference="", submitted_at=None, title=SECRET_TITLE, created_by=cast["requester"]
    )


def _pages(pk):
    """Every page that takes a request, in every app."""
    return [
        f"/south-west/requests/{pk}/triage/",
        f"/south-west/requests/{pk}/terms/",
        f"/south-west/requests/{pk}/terms/edit/",
        f"/south-west/requests/{pk}/recommendations/",
        f"/south-west/requests/{pk}/history/",
        f"/south-west/panels/requests/{pk}/",
        f"/south-west/panels/requests/{pk}/specification/",
        f"/south-west/panels/requests/{pk}/candidates/",
        f"/south-west/interests/requests/{pk}/screening/",
        f"/south-west/evidence/requests/{pk}/",
        f"/south-west/evidence/requests/{pk}/ask/",
        f"/south-west/evidence/requests/{pk}/add/",
        f"/south-west/evidence/requests/{pk}/access-log/",
        f"/south-west/evidence/requests/{pk}/fieldwork/",
        f"/south-west/beds/requests/{pk}/",
        f"/south-west/reports/requests/{pk}/",
        f"/south-west/reports/requests/{pk}/criteria/",
        f"/south-west/reports/requests/{pk}/report/",
        f"/south-west/reports/requests/{pk}/report/write/",
        f"/south-west/council/requests/{pk}/issue/",
        f"/south-west/council/requests/{pk}/publication/",
    ]


@pytest.mark.parametrize("who", ["manager", "chair", "council", "assembly", "assurance", "admin", "other_manager"])
def test_nobody_but_the_requester_opens_any_page_of_an_unsent_draft(client, cast, draft, who):
    client.force_login(cast[who])
    for url in [f"/south-west/requests/{draft.pk}/", *_pages(draft.pk)]:
        response = client.get(url)
        assert response.status_code in (403, 404), f"{who} opened {url}"
        assert SECRET_TITLE.encode() not in response.content, f"{who} read the title at {url}"


def test_the_requester_still_opens_their_draft(client, cast, draft):
    client.force_login(cast["requester"])
    assert SECRET_TITLE in client.get(f"/south-west/requests/{draft.pk}/").content.decode()


def test_the_senate_team_cannot_change_an_unsent_draft(client, cast, draft):
    client.force_login(cast["manager"])
    base = f"/south-west/requests/{draft.pk}"
    terms = {"scope": "Stroke units", "questions": "Is it safe?", "desktop_review": "on"}
    assert client.post(f"{base}/terms/edit/", terms).status_code == 403
    assert client.post(f"{base}/terms/share/").status_code == 403
    assert client.post(f"{base}/act/withdraw/", {"reason": "Not for us"}).status_code == 403
    assert client.post(f"{base}/triage/", {"decision": "accept", "reason": "Fine"}).status_code == 403
    due = dt.date.today() + dt.timedelta(days=14)
    ask = {"title": "Business case", "kind": "business_case", "detail": ""}
    ask |= {"due_on[day]": due.day, "due_on[month]": due.month, "due_on[year]": due.year}
    assert client.post(f"/south-west/evidence/requests/{draft.pk}/ask/", ask).status_code == 403
    draft.refresh_from_db()
    assert draft.stage == "draft" and not draft.terms.exists()
    assert not Email.objects.exists()  # nothing was sent to the requester in the Senate's name
    assert not draft.evidence_requests.exists()


def test_every_permission_asked_of_a_request_refuses_the_senate_team_on_a_draft(cast, draft):
    """The rule, not the views: whatever the manager may do with a sent request, they may not do
    with an unsent draft (apart from Senate-wide permissions, which are asked of the Senate)."""
    sent = RequestFactory(created_by=cast["requester"], stage="received")
    asked_of_the_senate = {
        ReviewsPermission.SUBMIT_REQUEST, ReviewsPermission.VIEW_REQUESTS, ReviewsPermission.VIEW_WORK_QUEUE,
        ReviewsPermission.SET_SERVICE_LEVELS, PanelsPermission.DECIDE_LOANS, PanelsPermission.OWN,
        Permission.VIEW_AUDIT_TRAIL, ParticipationPermission.MANAGE_PARTICIPATION, ParticipationPermission.TAKE_PART,
        RecruitmentPermission.MANAGE, RecruitmentPermission.VIEW_VACANCY, StatisticsPermission.VIEW_STATISTICS,
    }  # fmt: skip
    leaks = []
    for name in sorted(rules.permissions.permissions):
        if name.split(".")[0] in {"members", "api", "council"} or name in asked_of_the_senate:
            continue
        if name.startswith(("interests.", "reports.")) and name.split(".")[1] in {
            "declare", "view_due", "send_reminders", "view_register_admin", "withhold", "edit_rules",
            "view_framework", "edit_framework", "view_version",
        }:  # fmt: skip
            continue
        for who in ("manager", "chair"):
            if cast[who].has_perm(name, draft):
                leaks.append(f"{who}: {name}")
    assert leaks == []
    assert cast["manager"].has_perm(ReviewsPermission.TRIAGE, sent)
    assert cast["manager"].has_perm(EvidencePermission.ASK, sent)
