"""Similar past reviews (search.similar): the closest earlier requests across Senates among those the
viewer may find, with why each is similar, its outcome, and its key recommendations and whether they
were accepted only where the viewer may read its advice."""

import datetime as dt

import pytest
from django.utils import timezone

from senate.accounts.models import Role
from senate.accounts.tests.factories import give_role
from senate.members.models import Expertise
from senate.organisations.models import Organisation, Senate
from senate.reports.models import ReportDraft
from senate.reviews.models import Recommendation, RecommendationResponse
from senate.reviews.tests.factories import RequestFactory
from senate.search.similar import similar_reviews

LONG_AGO = timezone.now() - dt.timedelta(days=400)


def _past(title, *, services=(), stage="closed", **fields):
    fields.setdefault("submitted_at", LONG_AGO)
    request = RequestFactory(title=title, stage=stage, **fields)
    request.service_areas.set(Expertise.objects.filter(code__in=services))
    return request


@pytest.fixture
def reviews(cast, django_capture_on_commit_callbacks):
    london = Senate.objects.get(slug="london")
    with django_capture_on_commit_callbacks(execute=True):
        stroke_london = _past(
            "Hyperacute stroke unit consolidation", senate=london, services=["stroke"],
            background="Overnight thrombolysis at one hyperacute stroke unit", created_by=cast["other_manager"],
        )  # fmt: skip
        ReportDraft.objects.create(
            request=stroke_london,
            version=1,
            overall_opinion="supported_with_conditions",
            created_by=cast["other_manager"],
        )
        first = Recommendation.objects.create(request=stroke_london, number=1, text="Keep a thrombectomy rota")
        Recommendation.objects.create(request=stroke_london, number=2, text="Publish door-to-needle times")
        RecommendationResponse.objects.create(
            recommendation=first, decision="accepted", narrative="Agreed", by=cast["other_manager"]
        )
        same_icb = _past(
            "Community hospital beds in Devon", background="Fewer inpatient beds", created_by=cast["requester"]
        )
        unrelated = _past(
            "Paediatric audiology", senate=london, created_by=cast["other_manager"], questions="Hearing tests",
            requesting_organisation=Organisation.objects.get(code="QMJ"),
        )  # fmt: skip
        later = _past("Stroke thrombolysis overnight", submitted_at=timezone.now() + dt.timedelta(days=5))
        current = RequestFactory(
            title="Overnight stroke thrombolysis", background="Moving overnight stroke care to one hyperacute unit",
            created_by=cast["requester"],
        )  # fmt: skip
        current.service_areas.set(Expertise.objects.filter(code="stroke"))
    return {"london": stroke_london, "icb": same_icb, "unrelated": unrelated, "later": later, "current": current}


def _both_senates(cast):
    """The South West manager, also an assurance viewer in London (who sees London's issued advice)."""
    return give_role(cast["manager"], Senate.objects.get(slug="london"), Role.ASSURANCE_VIEWER)


def test_the_closest_earlier_reviews_across_senates_come_first_with_why(reviews, cast):
    found = similar_reviews(_both_senates(cast), reviews["current"])
    titles = [s.request.title for s in found]
    assert titles[0] == "Hyperacute stroke unit consolidation"  # another Senate's, shared words and service line
    assert "Paediatric audiology" not in titles  # nothing in common
    assert "Stroke thrombolysis overnight" not in titles  # not earlier
    top = found[0]
    assert any(r.startswith("Shares the terms") and "thrombolysis" in r for r in top.reasons)
    assert "Same service line: Stroke medicine" in top.reasons
    devon = next(s for s in found if s.request == reviews["icb"])
    assert devon.reasons == [
        "Same ICB: " + Organisation.objects.get(code="QJK").name,
        "Same kind of advice: " + devon.request.get_kind_display(),
    ]


def test_the_outcome_key_recommendations_and_whether_accepted(reviews, cast):
    london = next(s for s in similar_reviews(_both_senates(cast), reviews["current"]) if s.request == reviews["london"])
    assert london.advice_shown
    assert [(r.number, r.text, r.response) for r in london.recommendations] == [
        (1, "Keep a thrombectomy rota", "Accepted"),
        (2, "Publish door-to-needle times", "No response yet"),
    ]
    assert london.outcome.startswith("Closed")
    assert london.url == f"/london/requests/{reviews['london'].pk}/"


def test_advice_not_yet_shared_shows_the_stage_only(reviews, cast):
    """The requester sees their organisation's earlier request, but not its draft advice."""
    from senate.search.indexing import index_request

    draft = _past("Stroke thrombolysis pathway draft", stage="draft_report", created_by=cast["requester"])
    Recommendation.objects.create(request=draft, number=1, text="Secret draft recommendation")
    index_request(draft)
    found = next(s for s in similar_reviews(cast["requester"], reviews["current"]) if s.request == draft)
    assert not found.advice_shown and found.recommendations == []
    assert found.outcome == draft.get_stage_display()


def test_a_viewer_finds_no_similar_review_they_may_not_see(reviews, cast):
    found = similar_reviews(cast["requester"], reviews["current"])
    assert found and all(s.request.requesting_organisation.code == "QJK" for s in found)
    assert reviews["london"] not in [s.request for s in found]  # another Senate's, not published
    assert reviews["london"] not in [s.request for s in similar_reviews(cast["manager"], reviews["current"])]


def test_the_page_lists_them_and_the_request_page_and_triage_link_to_it(client, reviews, cast):
    client.force_login(_both_senates(cast))
    current = reviews["current"]
    page = client.get(f"/search/south-west/requests/{current.pk}/similar/").content.decode()
    assert "Hyperacute stroke unit consolidation" in page and "Why it is similar" in page
    assert "Same service line: Stroke medicine" in page and "Keep a thrombectomy rota" in page
    assert "Paediatric audiology" not in page
    link = f'href="/search/south-west/requests/{current.pk}/similar/"'
    assert link in client.get(f"/south-west/requests/{current.pk}/").content.decode()
    assert link in client.get(f"/south-west/requests/{current.pk}/triage/").content.decode()


def test_the_kept_similar_reviews_show_a_newly_indexed_review_and_a_new_role_at_once(client, reviews, cast, look):
    """The page's reading is kept until the next act or the index's next change (as a page served in
    autocommit keeps it once it commits): looking again asks less, and a past review indexed since, or a
    role given since, shows on the very next look."""
    from senate.accounts.granting import grant_role
    from senate.search.indexing import index_request

    client.force_login(cast["manager"])
    url = f"/search/south-west/requests/{reviews['current'].pk}/similar/"
    first, page = look(client, url)
    again, page = look(client, url)
    assert again < first
    assert "Community hospital beds in Devon" in page and "Hyperacute stroke unit consolidation" not in page
    newer = _past("Overnight stroke thrombolysis rota", services=["stroke"], created_by=cast["requester"])
    index_request(newer)  # as the worker does after the act that made it
    assert "Overnight stroke thrombolysis rota" in look(client, url)[1]
    london = Senate.objects.get(slug="london")
    grant_role(person=cast["manager"], senate=london, role=Role.ASSURANCE_VIEWER, by=cast["admin"])
    assert "Hyperacute stroke unit consolidation" in look(client, url)[1]
