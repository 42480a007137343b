"""Every page about a record, as every person with no relation to the record: generated from the URL
patterns, so a new page cannot be left out.

Each URL pattern (but Django admin's and the API's) that takes more than its Senate takes a record.
`FILL` says how each of its keys is filled, by the kind of record the page is served (its `Served`
name, see senate.core.access) or, for a page that finds its record itself (a person's own, a public
page, a Senate-wide one), by the page's name. A pattern with a key `FILL` cannot fill fails
`test_every_page_about_a_record_can_be_filled`, naming the pattern and the key.

The world is the tiny demo, built once for the module. Each page is opened about records that are
confidential to someone: a request for advice both as an unsent draft (its requester's alone) and
at the draft report stage (SW-2026-014: the Senate team and its panel), restricted evidence, a draft
report version, a Council meeting with undecided items and unpublished minutes, a declaration, a
seat on a panel, a loan, and so on. Then every unrelated person (`UNRELATED`) asks for it, by GET and
by an empty POST: anonymous visitors are sent to sign in, everyone else is refused (403 or 404), no
refused page holds the record's title, and no refused POST writes anything to the database. Public
pages may answer anyone, but never with a confidential record's title. `MAY_OPEN` lists, with the
reason, the few unrelated-looking people a rule lets in on purpose."""

import html
import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import Value
from django.db.models.functions import Concat
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from senate.accounts.models import ApiToken, Role, RoleAssignment, User
from senate.accounts.tests.factories import UserFactory, give_role
from senate.council.models import Action, Meeting, MeetingDeclaration, Minutes, Paper
from senate.demo import world as demo_world
from senate.evidence.models import EvidenceItem, Tier
from senate.interests.models import Attestation, Declaration
from senate.members.models import Body, MemberProfile, MembershipRole
from senate.members.tests.factories import MembershipFactory
from senate.organisations.models import Organisation, Senate
from senate.panels.models import Loan, OptimiserRun, PanelAbsence, PanelMember
from senate.reviews.lifecycle import ACTS
from senate.reviews.models import Programme, Request
from senate.reviews.permission_names import ReviewsPermission

SENATE = "south-west"
KEY = re.compile(r"<(?:\w+:)?(\w+)>")
SIGN_IN = "/account/sign-in/"
ISSUED = {"issued", "published", "response_received", "follow_up", "closed"}

# Everyone with no relation to the records crawled (who they are: `_people`). The assurance viewer reads
# every submitted request's page and stage, so on the reviewed request (not the draft) they may open
# the pages in MAY_OPEN["assurance"]; everything else there (evidence, panels, the unissued report) is
# refused them, as is every other record.
UNRELATED = [
    "anonymous",
    "other_requester",  # a requester of another ICB (Somerset) in the same Senate
    "assembly_elsewhere",  # an Assembly member seated and attested on another review's panel (SW-2026-011)
    "other_council",  # a Council member of another Senate
    "other_manager",  # the manager of another Senate
    "admin",  # the system administrator: administers, reads no case file
    "assurance",  # NHS England's assurance viewer
    "national",  # NHS England's national team: issued advice and figures of every Senate, nothing else
]
# People unrelated to some records only: this Senate's team and Council to an unsent draft, and its
# manager to someone's seat on a panel (the member's own) and to a loan asked of another Senate.
EXTRA = {"draft": ["manager", "chair", "council"], "seat": ["manager"], "loan": ["manager"]}

# (page, person): why this person may open the page although unrelated to its record in the sense above.
# Their answers are still checked for `Target.withheld` (the recommendations before the advice is issued)
# and for writes.
MAY_OPEN = {
    ("members:detail", "admin"): "a system administrator administers people (the directory is no case file)",
    ("reviews:programme", "assurance"): "lists only the submitted requests, which the assurance viewer reads",
    ("reviews:detail", "assurance"): "the assurance viewer reads every submitted request's page and stage",
    ("reviews:terms", "assurance"): "the terms of reference are part of the request NHS England assures",
    ("reviews:recommendations", "assurance"): "the page of a request they read; the recommendations once issued",
    ("council:publication", "assurance"): "whether the advice is issued and published, for a request they read",
    ("reviews:act", "assurance"): "the request's page: the act itself is refused by its own permission (400)",
    ("assurance:request", "assurance"): "where the advice sits in NHS England's assurance, for a request they read",
    ("search:similar", "assurance"): "similar past reviews of a request they read, among the reviews they may see",
}
# A person's own pages that find their record among the signed-in person's own: someone else's number
# finds nothing of theirs, and the page says so by going back to their own list instead of refusing.
ANSWERS_WITH_OWN_LIST = {"accounts:revoke_api_token"}


@dataclass
class Target:
    """One record a page is crawled with: what fills its keys, what must never show when refused."""

    label: str
    record: Any
    secrets: list[str]
    extra: list[str] = field(default_factory=list)  # EXTRA people also unrelated to this record
    assurance_reads: bool = False  # a submitted request (or its programme): MAY_OPEN's assurance pages
    withheld: list[str] = field(default_factory=list)  # never shown even to MAY_OPEN's readers
    owners: list[Any] = field(default_factory=list)  # people whose own record it is (they may open it)


# --- the URL patterns ---------------------------------------------------------------------------


def _routes(resolver=None, namespace="", prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _routes(entry, ns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern), entry.callback


def object_pages() -> list[tuple[str, str, Any]]:
    """(name, route, view) of every page whose address names more than its Senate."""
    return [
        (name, route, view)
        for name, route, view in _routes()
        if not name.startswith(("admin:", "api:")) and set(KEY.findall(route)) - {"senate"}
    ]


def kind_of(name: str, view: Any) -> str:
    """How a page's keys are filled: by the record it is served, or (finding its own) by its name."""
    served = getattr(view, "senate_serves", None)
    return served.name if served is not None else name


def keys_of(route: str) -> list[str]:
    return [k for k in KEY.findall(route) if k != "senate"]


# --- how each key is filled: (kind, key) -> fill(world, target record) ---------------------------
# The target record is the one the page is about (for a request's pages, the draft or the review);
# keys of records within it are filled from it, so each page is asked about something that exists.


def _first(queryset: Any) -> Any:
    found = queryset.order_by("pk").first()
    assert found is not None, f"the world has no {queryset.model.__name__} here"
    return found


def _act_from(request: Request) -> str:
    return next(name for name, act in ACTS.items() if request.stage in act.sources)


FILL: dict[tuple[str, str], Any] = {
    # A request for advice, and records within it.
    ("request", "pk"): lambda w, r: r.pk,
    ("request", "step"): lambda w, r: "about",
    ("request", "name"): lambda w, r: _act_from(r),
    ("request", "number"): lambda w, r: _first(w.review.recommendations).number,
    ("request", "profile_id"): lambda w, r: w.seat.profile_id,
    ("request", "seat_pk"): lambda w, r: w.seat.pk,
    ("request", "model_id"): lambda w, r: _first(w.review_with_models.bed_models).pk,
    ("request", "criterion_id"): lambda w, r: w.criterion_id,
    ("request", "comment_id"): lambda w, r: w.comment.pk,
    # The request is checked before the view looks for the submission: any number is refused alike.
    ("request", "submission_id"): lambda w, r: 1,
    # (keys of records within a request name those of the review the page is crawled with, see REVIEW_FOR;
    # on the draft, which has none, the same: the draft is refused before they are looked for)
    # An evidence item within its request, and its version.
    ("item", "pk"): lambda w, r: r.request_id,
    ("item", "item_id"): lambda w, r: r.pk,
    ("item", "number"): lambda w, r: r.latest_version().number,
    # A version of a request's report.
    ("draft", "pk"): lambda w, r: r.request_id,
    ("draft", "version"): lambda w, r: r.version,
    ("draft", "fmt"): lambda w, r: "pdf",
    # A Council meeting and records within it.
    ("meeting", "pk"): lambda w, r: r.pk,
    ("meeting", "number"): lambda w, r: _first(r.items.filter(decision__isnull=True)).number,
    ("meeting", "paper_id"): lambda w, r: _first(w.next_meeting.papers).pk,
    ("meeting", "declaration_id"): lambda w, r: w.meeting_declaration.pk,
    ("made", "pk"): lambda w, r: r.pk,  # an optimiser run
    ("loan", "pk"): lambda w, r: r.pk,
    ("loan", "senate"): lambda w, r: r.lender.slug,  # a loan is decided in the lending Senate
    ("seat", "pk"): lambda w, r: r.pk,
    ("plan_item", "pk"): lambda w, r: r.pk,  # an item in the forward plan
    ("declaration", "pk"): lambda w, r: r.pk,
    # Pages that find their own record.
    ("declarations:history", "pk"): lambda w, r: r.pk,
    ("declarations:change", "pk"): lambda w, r: r.pk,
    ("declarations:end", "pk"): lambda w, r: r.pk,
    ("members:detail", "profile_id"): lambda w, r: r.pk,
    # A member, and their memberships and roles, on the Senate team's pages.
    ("profile", "profile_id"): lambda w, r: r.pk,
    ("membership", "profile_id"): lambda w, r: r.profile_id,
    ("membership", "membership_id"): lambda w, r: r.pk,
    ("assignment", "profile_id"): lambda w, r: r.user.profile.pk,
    ("assignment", "role_id"): lambda w, r: r.pk,
    # A member's participation: their induction, claims and development, on their own and the team's pages.
    ("step", "step_id"): lambda w, r: r.pk,
    ("claim", "claim_id"): lambda w, r: r.pk,
    ("development", "development_id"): lambda w, r: r.pk,
    # An invited witness, within its request.
    ("witness", "pk"): lambda w, r: r.request_id,
    ("witness", "witness_id"): lambda w, r: r.pk,
    ("reviews:programme", "programme_id"): lambda w, r: r.pk,
    ("council:action_done", "action_id"): lambda w, r: r.pk,
    ("panels:remove_absence", "absence_id"): lambda w, r: r.pk,
    ("accounts:revoke_api_token", "token_id"): lambda w, r: r.pk,
    ("accounts:password_reset_confirm", "uidb64"): lambda w, r: urlsafe_base64_encode(force_bytes(r.pk)),
    ("accounts:password_reset_confirm", "token"): lambda w, r: "cbx-not-a-token",
    ("council:public_report", "pk"): lambda w, r: r.pk,
    ("council:public_report_document", "pk"): lambda w, r: r.pk,
    ("council:public_report_pdf", "pk"): lambda w, r: r.pk,
    ("council:public_minutes", "pk"): lambda w, r: r.minutes.pk,
    # A vacancy, an application within it, the public form and the appointed person's letter.
    ("vacancy", "pk"): lambda w, r: r.pk,
    ("application", "pk"): lambda w, r: r.vacancy_id,
    ("application", "application_id"): lambda w, r: r.pk,
    ("recruitment:apply", "vacancy_id"): lambda w, r: r.pk,
    ("recruitment:letter", "letter_id"): lambda w, r: r.pk,
}


def unfilled(pages: list[tuple[str, str, Any]]) -> list[str]:
    return [
        f"{name} ({route}): no FILL[({kind_of(name, view)!r}, {key!r})]"
        for name, route, view in pages
        for key in keys_of(route)
        if (kind_of(name, view), key) not in FILL
    ]


def test_every_page_about_a_record_can_be_filled():
    """A new page about a record fails here, by name, until FILL says how to fill its keys (and
    `_targets` which records to crawl it with)."""
    missing = unfilled(object_pages())
    assert not missing, "pages about a record the crawl cannot fill:\n" + "\n".join(missing)


def test_a_new_page_about_a_record_is_named_until_it_can_be_filled():
    from senate.core.access import requires
    from senate.reviews.served import REQUEST

    @requires(ReviewsPermission.VIEW_REQUEST, on=REQUEST)
    def widget(http, senate, request, widget_id):
        raise AssertionError("never called")

    new = [("reviews:widget", "<slug:senate>/requests/<int:pk>/widgets/<int:widget_id>/", widget)]
    assert unfilled(new) == [
        "reviews:widget (<slug:senate>/requests/<int:pk>/widgets/<int:widget_id>/): no FILL[('request', 'widget_id')]"
    ]


def test_the_crawl_finds_the_pages_about_records():
    names = {name for name, _, _ in object_pages()}
    assert len(names) > 90
    assert {"reviews:detail", "evidence:download", "council:decide", "panels:invitation", "reports:version"} <= names


# --- the world -----------------------------------------------------------------------------------


class World:
    """The tiny demo world, the unrelated people and the records pages are crawled with."""

    def __init__(self) -> None:
        demo_world.build(scale="tiny", seed=7, today=demo_world.dt.date(2026, 11, 23))
        here = Senate.objects.get(slug=SENATE)
        requests = Request.objects.filter(senate=here)
        self.draft = requests.get(stage="draft")
        self.review = requests.get(reference="SW-2026-014")  # at the draft report, its panel seated
        assert self.draft.requesting_organisation.code == self.review.requesting_organisation.code == "QJK"
        unissued = requests.exclude(stage__in=["draft", "issued", "published", "response_received", "follow_up"])
        self.review_with_models = _first(unissued.filter(bed_models__isnull=False).distinct())
        self.seat = _first(PanelMember.objects.filter(request=self.review))
        from senate.reports import assessment
        from senate.reports.models import AccuracyComment

        self.criterion_id = assessment.criteria_for(self.review)[0].pk
        self.comment = _first(AccuracyComment.objects.filter(round__request__senate=here))
        # Council meetings: the next one, whose undecided items name open reviews (with a paper added),
        # and the last one held, with declarations made at it and its minutes still in draft.
        meetings = Meeting.objects.filter(senate=here).order_by("-date")
        self.next_meeting = _first(meetings.filter(minutes__isnull=True, items__decision__isnull=True).distinct())
        self.held_meeting = _first(meetings.filter(minutes__status=Minutes.Status.DRAFT))
        self.meeting_declaration = _first(MeetingDeclaration.objects.filter(item__meeting=self.held_meeting))
        self.draft_minutes = " zqx-draft-minutes-of-the-council"
        Minutes.objects.filter(meeting=self.held_meeting).update(text=Concat("text", Value(self.draft_minutes)))
        Paper.objects.create(
            meeting=self.next_meeting,
            title="Paper for the Council: options appraisal in confidence",
            file=ContentFile(b"%PDF-1.4 a paper", name="paper.pdf"),
            sent_on=self.next_meeting.date,
            added_by=self.next_meeting.created_by,
        )
        self.loan = _first(Loan.objects.filter(borrower=here))
        self.other_senate = _first(Senate.objects.exclude(pk__in=[here.pk, self.loan.lender_id]))
        self.lender = give_role(UserFactory(full_name="Lou Lender"), self.loan.lender, Role.MANAGER)
        self.people = self._people(here)
        self.clients = {name: self._client(user) for name, user in self.people.items()}

    def _people(self, here: Senate) -> dict[str, User | None]:
        demo = {k: User.objects.get(email=f"{k}@demo.senate.example") for k in ("manager", "chair", "council")}
        somerset = Organisation.objects.get(code="QSL")
        other_requester = give_role(
            UserFactory(full_name="Robin Otherorg"), here, Role.REQUESTER, organisation=somerset
        )
        assembly = give_role(UserFactory(full_name="Ash Elsewhere"), here, Role.ASSEMBLY_MEMBER)
        MembershipFactory(profile__user=assembly, senate=here, body=Body.ASSEMBLY, role=MembershipRole.RECRUITED)
        elsewhere = Request.objects.get(senate=here, reference="SW-2026-011")  # a panel no page is crawled about
        assert elsewhere not in (self.review, self.review_with_models, self.comment.round.request)
        profile = MemberProfile.objects.get(user=assembly)
        PanelMember.objects.create(request=elsewhere, profile=profile, status=PanelMember.Status.ACCEPTED)
        Attestation.objects.create(request=elsewhere, profile=profile, statement="My register is up to date.")
        other_council = give_role(UserFactory(full_name="Lee Othercouncil"), self.other_senate, Role.COUNCIL_MEMBER)
        MembershipFactory(
            profile__user=other_council, senate=self.other_senate, body=Body.COUNCIL, role=MembershipRole.CLINICAL
        )
        return {
            "anonymous": None,
            "other_requester": other_requester,
            "assembly_elsewhere": assembly,
            "other_council": other_council,
            "other_manager": give_role(UserFactory(full_name="Kim Othermanager"), self.other_senate, Role.MANAGER),
            "admin": UserFactory(full_name="Sys Admin", is_staff=True, is_superuser=True),
            "assurance": User.objects.get(email="assurance@demo.senate.example"),
            "national": User.objects.get(email="national@demo.senate.example"),
            **demo,
            "requester": User.objects.get(email="requester@demo.senate.example"),
            "seat_holder": self.seat.profile.user,
        }

    @staticmethod
    def _client(user: User | None) -> Client:
        return _client(user) if user is not None else Client()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module in a transaction rolled back at its end; each test runs within it."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        yield World()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder():
    """The world's files stay where the module's world put them (see `world`)."""


# --- the records each page is crawled with -------------------------------------------------------


def _title(request: Request) -> list[str]:
    return [request.title]


# The reviewed request a page is crawled with, when it is not SW-2026-014: one with the records the page
# is about (bed models; factual-accuracy comments). Each is submitted but its advice not yet issued.
REVIEW_FOR = {
    "model_id": lambda w: w.review_with_models,
    "comment_id": lambda w: w.comment.round.request,
    "reports:accuracy": lambda w: w.comment.round.request,
}


def _review_for(w: World, name: str, route: str) -> Request:
    for key in (name, *keys_of(route)):
        if key in REVIEW_FOR:
            return REVIEW_FOR[key](w)
    return w.review


def _targets(w: World, name: str, route: str, view: Any) -> list[Target]:
    kind = kind_of(name, view)
    if kind == "request":
        review = _review_for(w, name, route)
        assert review.stage not in ISSUED and review.requesting_organisation.code == "QJK", review
        withheld = [rec.text[:80] for rec in review.recommendations.all()]
        return [
            Target("the unsent draft", w.draft, _title(w.draft), extra=EXTRA["draft"], withheld=withheld),
            Target(
                f"{review.reference} at {review.stage}", review, _title(review), assurance_reads=True, withheld=withheld
            ),
        ]
    if kind == "item":
        item = _first(EvidenceItem.objects.filter(request=w.review, tier=Tier.OFFICIAL_SENSITIVE))
        return [Target(f"official-sensitive evidence of {w.review.reference}", item, [item.title, w.review.title])]
    if kind == "draft":
        draft = _first(w.review.report_drafts)
        return [Target(f"report v{draft.version} of {w.review.reference}", draft, _title(w.review))]
    if kind == "meeting":
        undecided = [i.title for i in w.next_meeting.items.filter(decision__isnull=True) if i.request_id]
        paper = [p.title for p in w.next_meeting.papers.all()]
        return [
            Target(f"the {w.next_meeting} (items undecided)", w.next_meeting, undecided + paper),
            Target(f"the {w.held_meeting} (minutes in draft)", w.held_meeting, [w.draft_minutes]),
        ]
    if kind == "council:public_minutes":
        return [Target(f"the draft minutes of the {w.held_meeting}", w.held_meeting, [w.draft_minutes])]
    if kind == "made":
        run = _first(OptimiserRun.objects.filter(senate__slug=SENATE))
        return [Target(f"optimiser run {run.pk}", run, [r.title for r in run.requests.all()])]
    if kind == "loan":
        loan = w.loan
        return [
            Target(
                f"loan {loan.pk} asked of {loan.lender}", loan, _title(loan.request), EXTRA["loan"], owners=[w.lender]
            )
        ]
    if kind == "seat":
        seat = w.seat
        return [Target(f"{seat.profile}'s seat on {w.review.reference}", seat, _title(w.review), EXTRA["seat"])]
    if kind in ("declaration", "declarations:history", "declarations:change", "declarations:end"):
        declaration = _first(Declaration.objects.filter(profile__memberships__senate__slug=SENATE).distinct())
        nature = [v.nature for v in declaration.versions.all() if len(v.nature) >= 20]
        owner = [declaration.profile.user]
        return [Target(f"declaration {declaration.pk} of {declaration.profile}", declaration, nature, owners=owner)]
    if kind == "members:detail":
        profile = w.seat.profile
        return [Target(f"{profile}'s member page", profile, [profile.user.email])]
    if kind == "profile":
        profile = w.seat.profile
        return [Target(f"{profile}'s memberships and roles", profile, [profile.user.email])]
    if kind == "membership":
        membership = _first(w.seat.profile.memberships.filter(senate__slug=SENATE))
        owner = [membership.profile.user]  # their own pages: the wish to continue, stepping down
        return [Target(f"{membership}", membership, [membership.profile.user.email], owners=owner)]
    if kind in ("step", "claim", "development"):
        return [_participation_target(w, kind)]
    if kind == "witness":
        from senate.participation.witnesses import record_witness

        manager = User.objects.get(email="manager@demo.senate.example")
        witness = record_witness(
            request=w.review, name="Dr Zqx Witness", organisation="", kind="clinician", spoke_to="zqx-witness-evidence",
            heard_on=w.review.created_at.date(), declared=[], nothing_to_declare=True, by=manager,
        )  # fmt: skip
        return [Target(f"a witness to {w.review.reference}", witness, [witness.spoke_to, w.review.title])]
    if kind == "assignment":
        council = User.objects.get(email="council@demo.senate.example")
        assignment = _first(RoleAssignment.objects.filter(user=council, senate__slug=SENATE))
        return [Target(f"{assignment}", assignment, [council.email])]
    if kind == "reviews:programme":
        programme = _first(Programme.objects.filter(senate__slug=SENATE, lead_organisation__code="QJK"))
        return [Target(f"programme {programme}", programme, [programme.title], assurance_reads=True)]
    if kind == "plan_item":
        from senate.programme.models import PlanItem

        item = _first(PlanItem.objects.filter(senate__slug=SENATE, request__origin="senate"))
        return [Target(f"the forward plan's {item}", item, [item.request.title])]
    if kind == "council:action_done":
        action = _first(Action.objects.filter(meeting__senate__slug=SENATE, done_on__isnull=True))
        return [Target(f"Council action {action.pk}", action, [action.description])]
    if kind == "panels:remove_absence":
        day = w.review.created_at.date()
        absence = PanelAbsence.objects.create(profile=w.seat.profile, away_from=day, away_until=day)
        return [
            Target(
                f"{absence.profile}'s time away", absence, [absence.profile.user.email], owners=[w.seat.profile.user]
            )
        ]
    if kind == "accounts:revoke_api_token":
        token, _key = ApiToken.issue(user=w.seat.profile.user, name="Panel member's reporting token")
        return [Target(f"{token.user}'s API token", token, [token.name], owners=[token.user])]
    if kind == "accounts:password_reset_confirm":
        user = w.seat.profile.user
        return [Target(f"{user}'s password reset link", user, [user.email])]
    if kind in ("council:public_report", "council:public_report_document", "council:public_report_pdf"):
        return [Target("SW-2026-014 (not published)", w.review, _title(w.review))]
    if kind in ("vacancy", "application", "recruitment:apply", "recruitment:letter"):
        return _recruitment_targets(kind)
    raise AssertionError(f"{name}: no records to crawl it with (add them to _targets)")


def _recruitment_targets(kind: str) -> list[Target]:
    """The demo's vacancy whose panel is scoring: its applicants' statements are confidential to the team
    and the panel (the chair and the council member); the public form shows the vacancy, never them."""
    from senate.recruitment.models import AppointmentLetter, Statement, Vacancy

    vacancy = Vacancy.objects.get(senate__slug=SENATE, stage="scoring")
    statements = [s.text for s in Statement.objects.filter(application__vacancy=vacancy)]
    if kind == "application":
        application = _first(vacancy.applications)
        return [Target(f"application {application.reference}", application, statements)]
    if kind == "recruitment:letter":
        letter = _first(AppointmentLetter.objects.filter(vacancy__senate__slug=SENATE))
        return [Target(f"{letter.user}'s appointment letter", letter, [letter.user.email], owners=[letter.user])]
    return [Target(f"vacancy {vacancy.title}", vacancy, statements)]


def _participation_target(w: World, kind: str) -> Target:
    from senate.participation.induction import start_induction
    from senate.participation.models import Claim, Development

    profile, here = w.seat.profile, Senate.objects.get(slug=SENATE)
    if kind == "step":
        step = start_induction(_first(profile.memberships.filter(senate=here)))[0]
        return Target(f"{profile}'s induction", step, [profile.user.email], owners=[profile.user])
    if kind == "claim":
        claim = Claim.objects.create(
            senate=here,
            profile=profile,
            activity_on=w.review.created_at.date(),
            activity="zqx-claimed-activity",
            involvement="full_day",
            payment=150,
            expenses=9,
        )
        return Target(f"{profile}'s claim", claim, [claim.activity])
    offer = Development.objects.create(
        senate=here, profile=profile, kind="mentoring", status="offered", offer="zqx-mentoring-offer"
    )
    return Target(f"{profile}'s development offer", offer, [offer.offer], owners=[profile.user])


def _url(w: World, name: str, route: str, view: Any, record: Any) -> str:
    kind = kind_of(name, view)
    kwargs = {key: FILL[(kind, key)](w, record) for key in keys_of(route)}
    if "<slug:senate>" in route:
        kwargs["senate"] = FILL[(kind, "senate")](w, record) if (kind, "senate") in FILL else SENATE
    return reverse(name, kwargs=kwargs)


# --- the crawl -----------------------------------------------------------------------------------

PAGES = object_pages()
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
# Who may open a page about the records crawled, to show each page is asked about something that exists.
INSIDERS = ["manager", "chair", "council", "requester", "seat_holder"]
# Pages whose record exists only in a state the tiny demo's two meetings are not in. The unrelated are
# still refused by the meeting's own rule before the page looks for it; the page's own tests open it.
OPENED_ELSEWHERE = {
    "council:confirm_changes": "only an item approved with changes has one (council/tests/test_ratification.py)",
    "national:issued": "only NHS England's national team opens it, once advice is issued (national/tests)",
    "programme:feedback": "only issued advice has one; the crawl's review is not issued (programme/tests/test_views.py)",
    "programme:board_decision": "only issued advice has one (programme/tests/test_feedback.py, the journey)",
    **{
        f"assurance:{page}": "only an honest-broker request has it (senate/assurance/tests/access.py opens it)"
        for page in ("broker", "add_party", "record_session", "record_point", "write_statement", "submit_position")
    },
}


def _writes_a_record(sql: str) -> bool:
    """A statement that changes a row, other than the visitor's own session (renewed on each request)."""
    return sql.lstrip().upper().startswith(WRITES) and '"django_session"' not in sql


def _body(response: Any) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return html.unescape(content.decode(errors="ignore"))


@pytest.mark.parametrize("name,route,view", PAGES, ids=[p[0] for p in PAGES])
def test_no_unrelated_person_opens_a_page_about_a_record(world, db, name, route, view):
    public = getattr(view, "senate_access", None) == "public"
    problems, opened = [], []
    for target in _targets(world, name, route, view):
        url = _url(world, name, route, view, target.record)
        post_only = world.clients["admin"].get(url).status_code == 405  # refused a GET before any rule
        for who in UNRELATED + target.extra:
            may_open = (name, who) in MAY_OPEN and (who != "assurance" or target.assurance_reads)
            problems += _refused(world, name, who, url, target, public=public, may_open=may_open, post=post_only)
        insiders = [world.clients[who] for who in INSIDERS] + [_client(owner) for owner in target.owners]
        opened += [url] if post_only or any(c.get(url).status_code not in (403, 404) for c in insiders) else []
    assert not problems, f"{name}: {len(problems)} problems:\n" + "\n".join(problems)
    assert opened or public or name in OPENED_ELSEWHERE, (
        f"{name}: nobody opens it, so the crawl asked about nothing that exists"
    )


def _refused(
    w: World, name: str, who: str, url: str, target: Target, *, public: bool, may_open: bool, post: bool
) -> list[str]:
    """What is wrong with how `who` is answered at `url`: a GET, and for a page that takes only a POST,
    an empty POST, which must write nothing."""
    client = w.clients[who]
    problems = []
    answers = [("GET", client.get(url))]
    if post:
        with CaptureQueriesContext(connection) as queries:
            answers.append(("POST", client.post(url)))
        if writes := [q["sql"] for q in queries.captured_queries if _writes_a_record(q["sql"])]:
            problems.append(f"{who}'s empty POST to {url} wrote to the database: {writes[0][:160]}")
    for method, response in answers:
        said = f"{who} {method} {url} ({target.label}) answered {response.status_code}"
        body = _body(response)
        hidden = target.withheld + ([] if may_open else target.secrets)
        if leaked := [s for s in hidden if s and s in body]:
            problems.append(f"{said} with {leaked[0]!r}")
        if public or may_open:
            continue
        if who == "anonymous":
            if not (response.status_code == 302 and response["Location"].startswith(SIGN_IN)):
                problems.append(f"{said}, not sent to sign in")
        elif name in ANSWERS_WITH_OWN_LIST and response.status_code == 302:
            continue
        elif response.status_code not in ((403, 404, 405) if method == "GET" and post else (403, 404)):
            problems.append(f"{said}, not refused")
    return problems


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client
