"""The pages that list a Senate's people and work take the same number of database queries whether
they list a handful of rows or many: a page that asked once per row would slow down as a Senate grows
(and with nine Senates on one PostgreSQL). Each test counts a page's queries with a few rows, adds
more rows of the same kind, and counts again."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from senate.interests.tests.factories import declared
from senate.members.models import Body
from senate.members.tests.factories import MembershipFactory
from senate.reviews.tests.factories import RequestFactory

pytestmark = pytest.mark.django_db


MARK = "Rowan Marker"  # in every added row's name or title, to check the rows are on the page


def _queries(client, url: str) -> tuple[int, int]:
    """The page's number of queries, and how many added rows it shows."""
    with CaptureQueriesContext(connection) as seen:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(seen.captured_queries), response.content.decode().count(MARK)


def _steady(client, url: str, add_rows, *, few: int = 2, many: int = 10) -> tuple[int, int]:
    add_rows(few)
    client.get(url)  # warm caches (sessions, content types) before counting
    cache.clear()  # count the work, not the copy kept until the next act (senate.core.cache)
    before, shown_before = _queries(client, url)
    add_rows(many)
    cache.clear()
    after, shown_after = _queries(client, url)
    assert shown_before >= few and shown_after >= shown_before + many, "the added rows are not on the page"
    return before, after


_counter = iter(range(1, 10_000))


def _next() -> int:
    return next(_counter)


def _members(n: int, *, declare: bool = False) -> None:
    for _ in range(n):
        profile = MembershipFactory(body=Body.ASSEMBLY, profile__user__full_name=f"{MARK} {_next()}").profile
        profile.expertise.set([])
        if declare:
            declared(profile, organisation_name="Acme Medical Devices Ltd")


def _requests(requester):
    def add(n: int) -> None:
        for _ in range(n):
            RequestFactory(
                created_by=requester, title=f"{MARK} {_next()}", decision_date=dt.date.today() + dt.timedelta(days=60)
            )

    return add


def test_the_work_queue_does_not_ask_once_per_request(client, cast):
    client.force_login(cast["manager"])
    before, after = _steady(client, "/south-west/requests/work-queue/", _requests(cast["requester"]))
    assert after == before


def test_the_requesters_list_does_not_ask_once_per_request(client, cast):
    client.force_login(cast["requester"])
    before, after = _steady(client, "/south-west/requests/", _requests(cast["requester"]))
    assert after == before


def test_the_member_directory_does_not_ask_once_per_member(client, cast):
    client.force_login(cast["manager"])
    before, after = _steady(client, "/south-west/members/", _members)
    assert after == before


def test_the_public_register_does_not_ask_once_per_member(client, cast):
    before, after = _steady(client, "/south-west/interests/register/", lambda n: _members(n, declare=True))
    assert after == before


def test_the_teams_register_does_not_ask_once_per_entry(client, cast):
    """One entry, then many: the page of entries and their count are one query whatever their number."""
    client.force_login(cast["manager"])
    before, after = _steady(client, "/south-west/interests/manage/", lambda n: _members(n, declare=True), few=1)
    assert after == before
    page = client.get("/south-west/interests/manage/?page=2").content.decode()
    assert "entries</caption>" in page


def test_who_is_due_to_declare_does_not_ask_once_per_member(client, cast):
    client.force_login(cast["manager"])
    before, after = _steady(client, "/south-west/interests/due/", _members)
    assert after == before


def test_the_panel_candidates_do_not_ask_once_per_member(client, cast):
    """Each candidate carries expertise, screened conflicts, decisions, load and loans."""
    from senate.panels.tests.factories import member, ready_request, spec

    request = ready_request()
    spec(request, by=cast["manager"], rules=[("ppv", 1), ("emergency-medicine", 1)])

    def add(n: int) -> None:
        for _ in range(n):
            profile = member(f"{MARK} {_next()}", expertise=["emergency-medicine"])
            declared(profile, organisation_name="Devon ICB")

    client.force_login(cast["manager"])
    before, after = _steady(client, f"/south-west/panels/requests/{request.pk}/candidates/", add)
    assert after == before


def test_conflict_screening_does_not_ask_once_per_flagged_member(client, cast):
    """Every added member is flagged (employed by the affected trust, with a declared interest in it);
    every other one is already decided. The page orders and filters them all, then shows a page."""
    from senate.interests.decisions import decide_for_members
    from senate.interests.tests.factories import make_request, trust

    torbay = trust()
    request = make_request(affected=[torbay], created_by=cast["requester"])

    def add(n: int) -> None:
        for i in range(n):
            name = f"{MARK} {_next()}"
            profile = MembershipFactory(body=Body.ASSEMBLY, profile__user__full_name=name, profile__employer=torbay)
            declared(profile.profile, category="professional", organisation=torbay, organisation_name="")
            if i % 2:
                decide_for_members([profile.profile], request, outcome="exclude", rationale="x", by=cast["manager"])

    client.force_login(cast["manager"])
    url = f"/south-west/interests/requests/{request.pk}/screening/?severity=high&kind=role&kind=professional"
    before, after = _steady(client, url, add)
    assert after == before


def test_the_dashboard_does_not_ask_once_per_request_or_member(client, cast, senate):
    """Each added row is a piece of advice issued this year with a recommendation, its response and its
    implementation, and a Council member present at a meeting this year: every table of the dashboard grows."""
    from senate.council.models import Attendance, Meeting
    from senate.reviews import lifecycle
    from senate.reviews.models import Implementation, Recommendation, RecommendationResponse

    def add(n: int) -> None:
        meeting = Meeting.objects.create(senate=senate, date=dt.date.today(), created_by=cast["manager"])
        for _ in range(n):
            name = f"{MARK} {_next()}"
            r = RequestFactory(created_by=cast["requester"], title=name, kind="early_advice")
            with lifecycle.reviews_rules_only():
                for act, who in [("accept", "manager"), ("record_advice_drafted", "manager"), ("approve_advice", "chair"), ("issue", "manager")]:  # fmt: skip
                    lifecycle.perform(act, r, by=cast[who], reason="Recorded for the test")
            rec = Recommendation.objects.create(request=r, number=1, text="Do it")
            RecommendationResponse.objects.create(recommendation=rec, decision="accepted", narrative="Yes", by=cast["requester"])  # fmt: skip
            Implementation.objects.create(recommendation=rec, status="implemented", on=dt.date.today(), evidence="Live", by=cast["requester"])  # fmt: skip
            profile = MembershipFactory(body=Body.COUNCIL, profile__user__full_name=name).profile
            Attendance.objects.create(meeting=meeting, profile=profile, name=name, status=Attendance.Status.PRESENT)

    client.force_login(cast["chair"])
    before, after = _steady(client, "/south-west/statistics/", add)
    assert after == before


def test_the_national_advice_log_does_not_ask_once_per_piece_of_advice(client, cast):
    from senate.council.tests.factories import published_request

    def add(n: int) -> None:
        for _ in range(n):
            published_request(cast, title=f"{MARK} {_next()}").service_areas.set([])

    before, after = _steady(client, "/national/advice/", add)
    assert after == before


def test_the_national_view_does_not_ask_once_per_request(client, cast):
    from senate.national.tests.factories import issued_request

    def add(n: int) -> None:
        for _ in range(n):
            issued_request(cast, title=f"{MARK} {_next()}")

    client.force_login(cast["national"])
    before, after = _steady(client, "/national/", add)
    assert after == before


def test_the_forward_plan_does_not_ask_once_per_item(client, cast):
    from senate.programme import planning

    year = planning.plan_year_of(dt.date.today())

    def add(n: int) -> None:
        for _ in range(n):
            request = RequestFactory(created_by=cast["requester"], title=f"{MARK} {_next()}")
            planning.add_to_plan(senate=request.senate, year=year, request=request, by=cast["manager"],
                                 expected_start=dt.date(year, 5, 1), advice_due=dt.date(year, 11, 1))  # fmt: skip

    client.force_login(cast["manager"])
    before, after = _steady(client, f"/south-west/programme/?year={year}", add)
    assert after == before


def test_a_vacancys_record_does_not_ask_once_per_application(client, cast, icb):
    from senate.recruitment.tests.factories import apply, open_vacancy, panel_of

    vacancy = open_vacancy(cast["manager"])
    panel_of(vacancy, cast["council"], cast["assembly"])

    def add(n: int) -> None:
        for _ in range(n):
            apply(vacancy, f"{MARK} {_next()}", email=f"applicant{_next()}@example.org", organisation=icb.code)

    client.force_login(cast["manager"])
    before, after = _steady(client, f"/south-west/recruitment/{vacancy.pk}/", add)
    assert after == before


def test_assurance_across_requests_does_not_ask_once_per_request(client, cast):
    from senate.assurance import recording

    def add(n: int) -> None:
        for _ in range(n):
            request = RequestFactory(title=f"{MARK} {_next()}")
            recording.set_context(request=request, by=cast["manager"], informs="checkpoint", notifiable=True)
            recording.record_step(request=request, step="checkpoint", on=dt.date.today(), by=cast["manager"])
            recording.record_step(request=request, step="call_in_request", on=dt.date.today(), by=cast["manager"])

    client.force_login(cast["assurance"])
    before, after = _steady(client, "/south-west/assurance/", add)
    assert after == before


def _terms_ending_with_inductions(n: int) -> None:
    from senate.participation.induction import start_induction

    for _ in range(n):
        m = MembershipFactory(
            body=Body.ASSEMBLY,
            profile__user__full_name=f"{MARK} {_next()}",
            term_end=dt.date.today() + dt.timedelta(days=40),
        )
        start_induction(m)


def test_terms_ending_and_induction_do_not_ask_once_per_member(client, cast):
    client.force_login(cast["manager"])
    before, after = _steady(client, "/south-west/participation/", _terms_ending_with_inductions)
    assert after == before
    before, after = _steady(client, "/south-west/participation/induction/", _terms_ending_with_inductions)
    assert after == before


def test_the_claims_list_does_not_ask_once_per_claim(client, cast):
    from senate.participation.tests.factories import ClaimFactory

    def add(n: int) -> None:
        for _ in range(n):
            ClaimFactory(profile__user__full_name=f"{MARK} {_next()}")

    client.force_login(cast["manager"])
    before, after = _steady(client, "/south-west/participation/claims/", add)
    assert after == before


def test_the_national_dashboard_does_not_ask_once_per_request(client, cast, senate, other_senate):
    """Each added row is a piece of advice issued this year, in one Senate or another, with a
    recommendation and its response: the requests, turnaround and recommendations tables grow."""
    from senate.reviews.models import Implementation, Recommendation, RecommendationResponse, RequestEvent

    def add(n: int) -> None:
        for i in range(n):
            r = RequestFactory(senate=(senate, other_senate)[i % 2], created_by=cast["requester"], stage="issued")
            RequestEvent.objects.create(request=r, action="accept", from_stage="received", to_stage="accepted")
            RequestEvent.objects.create(request=r, action="issue", from_stage="approved", to_stage="issued")
            rec = Recommendation.objects.create(request=r, number=1, text="Do it")
            RecommendationResponse.objects.create(recommendation=rec, decision="partly", narrative="Some", by=cast["requester"])  # fmt: skip
            Implementation.objects.create(recommendation=rec, status="implemented", on=dt.date.today(), evidence="Live", by=cast["requester"])  # fmt: skip

    def count() -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as seen:
            response = client.get("/national/dashboard/")
        assert response.status_code == 200
        return len(seen.captured_queries)

    client.force_login(cast["national"])
    add(2)
    client.get("/national/dashboard/")
    before = count()
    add(10)
    after = count()
    assert after == before


def test_assurance_across_every_senate_does_not_ask_once_per_request(client, cast, senate, other_senate):
    from senate.assurance import recording

    def add(n: int) -> None:
        for i in range(n):
            r = RequestFactory(senate=(senate, other_senate)[i % 2], created_by=cast["requester"], title=f"{MARK} {_next()}")  # fmt: skip
            recording.set_context(request=r, by=cast["manager"], notifiable=True)
            recording.record_step(request=r, step="call_in_request", on=dt.date.today(), by=cast["manager"])

    client.force_login(cast["national"])
    before, after = _steady(client, "/national/assurance/", add)
    assert after == before
