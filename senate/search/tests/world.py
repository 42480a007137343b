"""A small world for the search tests: two Senates, requests at many stages (an unsent draft, draft
reports, a factual-accuracy round, issued advice, a short-path letter), evidence at every tier from
every source, a panel with a member before attesting, one attested and one restricted by a conflict
decision, fieldwork notes, Council meetings with papers and minutes (draft and published), declarations
(published, withheld and not for publication), and every kind of viewer."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.council.models import Meeting, Minutes, Paper
from senate.evidence.models import EvidenceItem, EvidenceVersion, Fieldwork, Kind, Source, Tier
from senate.interests.models import Attestation, ConflictDecision
from senate.members.models import MemberProfile
from senate.members.tests.factories import MemberProfileFactory
from senate.organisations.models import Organisation, Senate
from senate.panels.models import PanelMember
from senate.reports.models import AccuracyRound, ReportDraft
from senate.reviews.models import Recommendation, RecommendationResponse, Request, TermsOfReference
from senate.reviews.tests.factories import RequestFactory

STAGES = ["draft", "received", "tor_drafted", "draft_report", "factual_accuracy", "report_revised", "issued"]


def build(cast):
    """The requests, and the viewers by name (None: someone not signed in)."""
    senate, london = Senate.objects.get(slug="south-west"), Senate.objects.get(slug="london")
    somerset = Organisation.objects.get(code="QSL")
    viewers = dict(cast, anonymous=None)
    viewers["other_requester"] = give_role(
        UserFactory(full_name="Robin Otherorg"), senate, Role.REQUESTER, organisation=somerset
    )
    viewers["council_and_requester"] = give_role(
        give_role(UserFactory(full_name="Dual Role"), senate, Role.COUNCIL_MEMBER),
        senate,
        Role.REQUESTER,
        organisation=somerset,
    )
    for name in ("panel_attested", "panel_restricted", "panel_lent"):
        viewers[name] = give_role(UserFactory(full_name=name.replace("_", " ").title()), senate, Role.ASSEMBLY_MEMBER)
    viewers["panel_lent"].roles.all().delete()
    give_role(viewers["panel_lent"], london, Role.ASSEMBLY_MEMBER)
    requests = [_request(stage, by=cast["requester"]) for stage in STAGES]
    requests.append(
        _request("approved", by=cast["requester"], kind="early_advice", title="Early advice on maternity MLU")
    )
    requests.append(_request("received", by=viewers["other_requester"], requesting_organisation=somerset))
    requests.append(_request("draft_report", by=UserFactory(), senate=london, title="London hyperacute stroke unit"))
    for request in requests[3:]:
        for name in ("assembly", "panel_attested", "panel_restricted", "panel_lent"):
            _seat(viewers[name], request, attested=name != "assembly")
        _restrict(viewers["panel_restricted"], request, by=cast["manager"])
        _fieldwork(request, by=cast["manager"])
    _council(senate, by=cast["manager"])
    _council(london, by=cast["other_manager"])
    _declarations(cast)
    return requests, viewers


def _fieldwork(request, *, by):
    Fieldwork.objects.create(
        request=request, kind=Fieldwork.Kind.SITE_VISIT, held_on=dt.date.today(), place="Stroke unit",
        notes=f"Stroke ward visit zqxfw{request.pk}q", recorded_by=by,
    )  # fmt: skip


def _council(senate, *, by):
    """A past meeting with published minutes, and the latest with a paper and draft minutes."""
    past, latest = (
        Meeting.objects.create(senate=senate, date=dt.date.today() - dt.timedelta(days=d), created_by=by)
        for d in (60, 30)
    )
    Minutes.objects.create(
        meeting=past, text=f"Stroke minutes published zqxpub{past.pk}q", status="published", updated_by=by,
        published_on=dt.date.today(),
    )  # fmt: skip
    Minutes.objects.create(meeting=latest, text=f"Stroke minutes draft zqxmin{latest.pk}q", updated_by=by)
    Paper.objects.create(
        meeting=latest, title=f"Stroke paper zqxpaper{latest.pk}q", file=SimpleUploadedFile("paper.pdf", b"%PDF-1.4"),
        sent_on=dt.date.today(), added_by=by,
    )  # fmt: skip


def _declarations(cast):
    from senate.interests.publication import withhold_declaration
    from senate.interests.tests.factories import declared

    council, assembly = (MemberProfile.objects.get(user=cast[n]) for n in ("council", "assembly"))
    declared(council, nature="Stroke charity trustee zqxdeclpub")
    declared(council, nature="Stroke rival bidder zqxdeclprivate", may_publish=False)
    withheld = declared(assembly, nature="Stroke secret address zqxdeclwithheld")
    withhold_declaration(withheld, grounds="safety", reason="Address must stay private", by=cast["manager"])


def _request(stage, *, by, **fields):
    fields.setdefault("title", f"Stroke services review at {stage}")
    submitted = None if stage == "draft" else timezone.now()
    request = RequestFactory(
        stage=stage, created_by=by, submitted_at=submitted, stage_entered_at=timezone.now(), **fields
    )  # fmt: skip
    if stage == "draft":
        Request.objects.filter(pk=request.pk).update(reference=None)
    request.background = f"Background zqxbg{request.pk}q overnight emergency department cover"
    request.save()
    _evidence(request)
    if stage not in ("draft", "received"):
        TermsOfReference.objects.create(
            request=request, version=1, scope=f"Scope of stroke pathway zqxtor{request.pk}q", questions="Is it safe?",
            created_by=by,
        )  # fmt: skip
    if stage in ("draft_report", "factual_accuracy", "report_revised", "issued", "approved"):
        _drafts(request, by=by)
    return request


def _evidence(request):
    for tier in Tier.values:
        for source in Source.values:
            item = EvidenceItem.objects.create(
                request=request, title=f"Evidence {tier} {source} zqxev{request.pk}{tier}{source}q", kind=Kind.BUSINESS_CASE,
                tier=tier, source=source, added_by=request.created_by,
            )  # fmt: skip
            EvidenceVersion.objects.create(
                item=item, number=1, file="evidence/x.pdf", original_name="x.pdf", content_type="application/pdf",
                size=1, sha256="0" * 64, extracted_text="" if source == Source.PANEL else "Stroke thrombolysis audit",
                uploaded_by=request.created_by,
            )  # fmt: skip


def _drafts(request, *, by):
    kind = "letter" if request.is_short_path else "report"
    first, _second = (
        ReportDraft.objects.create(
            request=request,
            version=v,
            kind=kind,
            overall_opinion="supported",
            created_by=by,
            sections={"summary": f"Stroke advice draft zqxdraft{request.pk}v{v}q"},
        )  # fmt: skip
        for v in (1, 2)
    )
    if request.stage in ("factual_accuracy", "report_revised", "issued"):
        AccuracyRound.objects.create(request=request, draft=first, opened_by=by, closes_on=dt.date.today())
    rec = Recommendation.objects.create(request=request, number=1, text=f"Keep the stroke unit zqxrec{request.pk}q")
    if request.stage == "issued":
        RecommendationResponse.objects.create(recommendation=rec, decision="accepted", narrative="Agreed", by=by)


def _seat(user, request, *, attested):
    profile = MemberProfile.objects.filter(user=user).first() or MemberProfileFactory(user=user)
    PanelMember.objects.create(request=request, profile=profile, status=PanelMember.Status.ACCEPTED)
    if attested:
        Attestation.objects.create(request=request, profile=profile, statement="My register is up to date.")


def _restrict(user, request, *, by):
    ConflictDecision.objects.create(
        request=request, profile=user.profile, outcome="restrict", no_tiers=[Tier.OFFICIAL_SENSITIVE],
        rationale="Works for the trust", conflicts=[{"key": "k", "rule": "r", "severity": "s", "reason": "x"}], by=by,
    )  # fmt: skip
