"""The decisive property: for every indexed document and every kind of viewer, search finds the
document exactly when the viewer may open the page its result links to, asked as that page asks
(`user.has_perm(...)` on the record it serves, and for evidence the tier rule `can_open`)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import resolve

from senate.accounts.models import User
from senate.council.models import Minutes, Paper
from senate.council.permission_names import CouncilPermission
from senate.evidence.access import can_open
from senate.evidence.models import EvidenceItem, Fieldwork
from senate.evidence.permission_names import EvidencePermission
from senate.interests.models import Attestation
from senate.reports.models import ReportDraft
from senate.reports.permission_names import ReportsPermission
from senate.reviews.models import Recommendation, Request, TermsOfReference
from senate.reviews.permission_names import ReviewsPermission
from senate.search.models import Document
from senate.search.query import parse
from senate.search.searching import permitted, search
from senate.search.tests import world

# What each kind of result links to: the record the page serves and the permission it declares.
PAGES = {
    "request": (Request, ReviewsPermission.VIEW_REQUEST, lambda r: r),
    "terms": (TermsOfReference, ReviewsPermission.VIEW_REQUEST, lambda t: t.request),
    "report": (ReportDraft, ReportsPermission.VIEW_VERSION, lambda d: d),
    "recommendation": (Recommendation, ReviewsPermission.VIEW_REQUEST, lambda r: r.request),
    "evidence": (EvidenceItem, EvidencePermission.VIEW, lambda i: i.request),
    "fieldwork": (Fieldwork, EvidencePermission.VIEW_FIELDWORK, lambda f: f.request),
    "paper": (Paper, CouncilPermission.VIEW_MEETINGS, lambda p: p.meeting),
    "minutes": (Minutes, CouncilPermission.VIEW_MEETINGS, lambda m: m.meeting),
}
# Pages declared public: published minutes and the register of interests.
PUBLIC = {"declaration", "minutes:published"}
# What the page then asks before it shows this record on it.
SHOWN = {
    "recommendation": lambda user, rec: user.has_perm(str(ReviewsPermission.VIEW_RECOMMENDATIONS), rec.request),
    "evidence": can_open,
}


def _public(document):
    if document.kind == "minutes":
        return Minutes.objects.get(pk=document.ref.split(":")[1]).status == "published"
    return document.kind == "declaration"


def may_open_page(user, document):
    if _public(document):
        return True
    model, permission, subject = PAGES[document.kind]
    record = model.objects.get(pk=document.ref.split(":")[1])
    if user is None:  # not signed in: none of these pages is public (the login middleware)
        return False
    allowed = user.has_perm(str(permission), subject(record))
    return allowed and SHOWN.get(document.kind, lambda u, r: True)(user, record)


def _mismatches(viewers):
    problems = []
    documents = list(Document.objects.order_by("pk"))
    for name, viewer in viewers.items():
        user = User.objects.get(pk=viewer.pk) if viewer else None  # fresh: no roles read before
        found = set(permitted(user).values_list("pk", flat=True))
        for document in documents:
            expected = may_open_page(user, document)
            if (document.pk in found) != expected:
                problems.append(
                    f"{name} {'finds' if document.pk in found else 'misses'} {document.ref} ({document.title})"
                )
    return problems


@pytest.fixture
def built(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        requests, viewers = world.build(cast)
    return requests, viewers


def test_every_viewer_finds_exactly_what_they_may_open(built):
    requests, viewers = built
    kinds = set(Document.objects.values_list("kind", flat=True))
    assert kinds == {*PAGES, "declaration"}
    assert Document.objects.count() == (
        len(requests) * 13
        + TermsOfReference.objects.count()
        + ReportDraft.objects.count()
        + Recommendation.objects.count()
        + Fieldwork.objects.count()
        + Paper.objects.count()
        + Minutes.objects.count()
        + 1  # the one published declaration: the withheld one and the one not for publication are left out
    )
    assert not _mismatches(viewers)
    # Someone not signed in finds only what is public; nobody finds everything.
    counts = {n: permitted(User.objects.get(pk=v.pk) if v else None).count() for n, v in viewers.items()}
    assert counts["anonymous"] == counts["admin"] == 3 and counts["other_manager"] > 3
    assert 3 < counts["requester"] < counts["manager"] < Document.objects.count()


def test_published_declarations_only_are_found(built):
    found = " ".join(Document.objects.filter(kind="declaration").values_list("body", flat=True))
    assert "zqxdeclpub" in found
    assert "zqxdeclprivate" not in found and "zqxdeclwithheld" not in found


def test_withholding_a_declaration_takes_it_out_of_search(built, cast, django_capture_on_commit_callbacks):
    from senate.interests.models import Declaration
    from senate.interests.publication import withhold_declaration

    published = Declaration.objects.get(versions__nature__contains="zqxdeclpub")
    assert search(None, parse("zqxdeclpub")).total == 1
    with django_capture_on_commit_callbacks(execute=True):
        withhold_declaration(published, grounds="privacy", reason="Family safety", by=cast["manager"])
    assert search(None, parse("zqxdeclpub")).total == 0


def test_publishing_minutes_lets_everyone_find_them(built, cast, django_capture_on_commit_callbacks):
    draft = Minutes.objects.filter(status="draft").first()
    marker = f"zqxmin{draft.meeting_id}q"
    assert search(None, parse(marker)).total == 0
    assert search(cast["council"], parse(marker)).total == 1
    with django_capture_on_commit_callbacks(execute=True):
        Minutes.objects.filter(pk=draft.pk).update(status="published")
        Minutes.objects.get(pk=draft.pk).save()
    [found] = search(None, parse(marker)).documents
    assert found.url == f"/{draft.meeting.senate.slug}/council/public/minutes/{draft.pk}/"


def test_attesting_changes_what_a_panel_member_finds(built, django_capture_on_commit_callbacks):
    requests, viewers = built
    assembly = viewers["assembly"]
    request = requests[3]
    before = set(permitted(assembly).filter(kind="evidence", request=request).values_list("pk", flat=True))
    assert not before
    with django_capture_on_commit_callbacks(execute=True):
        Attestation.objects.create(request=request, profile=assembly.profile, statement="My register is up to date.")
    after = set(
        permitted(User.objects.get(pk=assembly.pk))
        .filter(kind="evidence", request=request)
        .values_list("pk", flat=True)
    )
    assert len(after) == 12
    assert not _mismatches(viewers)


def test_a_stage_change_changes_who_finds_the_advice(built, django_capture_on_commit_callbacks):
    requests, viewers = built
    request = requests[3]  # at draft report: the requester has not seen the advice
    requester = viewers["requester"]
    assert not permitted(requester).filter(kind="recommendation", request=request).exists()
    with django_capture_on_commit_callbacks(execute=True):
        moved = Request.objects.get(pk=request.pk)
        moved.stage = "issued"
        moved.save()
    assert permitted(User.objects.get(pk=requester.pk)).filter(kind="recommendation", request=request).exists()
    assert not _mismatches(viewers)


def test_each_link_is_the_page_whose_permission_was_asked(built):
    for document in Document.objects.all():
        match = resolve(document.url.split("#")[0])
        if _public(document):
            assert match.func.senate_access == "public", document.url
        else:
            assert match.func.senate_access == f"permission:{PAGES[document.kind][1]}", document.url


def test_opening_the_result_agrees_with_search(built):
    """The pages themselves, fetched: each result opens (200, and a recommendation shows on its page)
    exactly when search finds it (every fifth evidence item, for time)."""
    _requests, viewers = built
    documents = [d for i, d in enumerate(Document.objects.order_by("pk")) if d.kind != "evidence" or i % 5 == 0]
    for name in ("requester", "other_requester", "assembly", "panel_restricted", "council", "manager"):
        client = Client()
        client.force_login(viewers[name])
        found = set(permitted(viewers[name]).values_list("pk", flat=True))
        for document in documents:
            response = client.get(document.url.split("#")[0])
            opened = response.status_code == 200
            if document.kind == "recommendation":  # the page opens; the recommendation shows or not
                opened = opened and f"zqxrec{document.request_id}q" in response.content.decode()
            assert opened == (document.pk in found), (name, document.ref, response.status_code)


def test_someone_not_signed_in_finds_nothing_confidential(built):
    found = permitted(AnonymousUser())
    assert set(found.values_list("kind", flat=True)) == {"declaration", "minutes"}
    assert all("/public/" in d.url or d.kind == "declaration" for d in found)


def test_a_joint_review_is_found_by_the_partner_senate_and_by_no_third_senate(
    built, django_capture_on_commit_callbacks
):
    """Issue 15: the partner Senate's team and Council find the joint review (its request, terms and draft
    report), its invited manager the request and its terms; London, which takes no part, finds nothing of it."""
    from senate.accounts.models import Role
    from senate.accounts.tests.factories import UserFactory, give_role
    from senate.organisations.models import Senate
    from senate.reviews import joint

    requests, viewers = built
    south_east, london = Senate.objects.get(slug="south-east"), Senate.objects.get(slug="london")
    for role in (Role.MANAGER, Role.CHAIR, Role.COUNCIL_MEMBER, Role.ASSEMBLY_MEMBER):
        viewers[f"partner_{role}"] = give_role(UserFactory(full_name=f"South East {role}"), south_east, role)
    viewers["london_council"] = give_role(UserFactory(full_name="London Council"), london, Role.COUNCIL_MEMBER)
    request = requests[3]  # at draft report, with terms and a draft
    with django_capture_on_commit_callbacks(execute=True):
        invitation = joint.invite(request, south_east, by=viewers["manager"])
    partner_manager = User.objects.get(pk=viewers["partner_manager"].pk)
    # Before answering, the invited manager reads the request and its terms of reference, not the draft.
    assert set(permitted(partner_manager).filter(request=request).values_list("kind", flat=True)) == {
        "request",
        "terms",
    }
    assert not permitted(User.objects.get(pk=viewers["partner_council_member"].pk)).filter(request=request).exists()
    with django_capture_on_commit_callbacks(execute=True):
        joint.answer(invitation, accept=True, by=viewers["partner_manager"])
    council = User.objects.get(pk=viewers["partner_council_member"].pk)
    assert {"request", "terms", "report"} <= set(
        permitted(council).filter(request=request).values_list("kind", flat=True)
    )
    assert not permitted(User.objects.get(pk=viewers["partner_assembly_member"].pk)).filter(request=request).exists()
    for name in ("other_manager", "london_council"):
        assert not permitted(User.objects.get(pk=viewers[name].pk)).filter(request=request).exists(), name
    assert not _mismatches(viewers)
