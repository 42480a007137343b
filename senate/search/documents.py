"""The searchable documents of one request, of one Council meeting, and of a Senate's published
register, each with the page its result links to and that page's own check (`may_open`): the
permission the page declares, asked of the record it serves, and for an evidence item also whether its
tier lets the person open it (evidence.access.can_open). A page declared public (published minutes,
the register of interests) is `public` and opens to everyone."""

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.timezone import localdate

from senate.accounts.models import User
from senate.council.models import Meeting, Minutes, Paper
from senate.council.permission_names import CouncilPermission
from senate.evidence.access import can_open
from senate.evidence.models import EvidenceItem, Fieldwork
from senate.evidence.permission_names import EvidencePermission
from senate.organisations.models import Senate
from senate.reports.models import ReportDraft
from senate.reports.permission_names import ReportsPermission
from senate.reviews.models import Recommendation, Request
from senate.reviews.permission_names import ReviewsPermission

PDF = "application/pdf"


@dataclass
class Source:
    ref: str
    kind: str
    title: str
    body: str
    url: str
    dated: Any
    may_open: Callable[[Any], bool]
    no_text: bool = False
    public: bool = False  # the page is declared public (core.access.public)


def of_request(request: Request) -> Iterator[Source]:
    yield _request(request)
    yield from _terms(request)
    yield from _reports(request)
    yield from _recommendations(request)
    yield from _evidence(request)
    yield from _fieldwork(request)
    yield from _published(request)


def of_meeting(meeting: Meeting) -> Iterator[Source]:
    """A Council meeting's papers and minutes, found by those who may open its pages (the Senate team
    and the Council); minutes once published are on the public page and found by everyone."""
    slug = meeting.senate.slug
    may_open = _asks(CouncilPermission.VIEW_MEETINGS, meeting)
    for paper in Paper.objects.filter(meeting=meeting).select_related("item"):
        item = f"Item {paper.item.number}: {paper.item.title}" if paper.item else ""
        yield Source(
            ref=f"paper:{paper.pk}",
            kind="paper",
            title=f"{paper.title} ({meeting})",
            body="\n".join(filter(None, [paper.title, item, meeting.place])),
            url=reverse("council:paper_file", args=[slug, meeting.pk, paper.pk]),
            dated=paper.sent_on,
            may_open=may_open,
        )
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is not None:
        published = minutes.status == Minutes.Status.PUBLISHED
        yield Source(
            ref=f"minutes:{minutes.pk}",
            kind="minutes",
            title=f"Minutes of the {meeting}",
            body=minutes.text,
            url=(
                reverse("council:public_minutes", args=[slug, minutes.pk])
                if published
                else reverse("council:minutes", args=[slug, meeting.pk])
            ),
            dated=meeting.date,
            may_open=(lambda user: True) if published else may_open,
            public=published,
        )


def of_register(senate: Senate, *, today: dt.date) -> Iterator[Source]:
    """The entries of a Senate's published register of interests as the public page shows them today
    (interests.register.public_register: never a withheld entry or one its member asked not to publish)."""
    from senate.interests.register import public_register

    url = reverse("interests:register", args=[senate.slug])
    for number, entry in enumerate(public_register(senate, on=today).entries, start=1):
        yield Source(
            ref=f"declaration:{senate.pk}:{number}",
            kind="declaration",
            title=f"{entry.member}: {entry.kind}",
            body="\n".join(filter(None, [entry.role, entry.body, entry.nature])),
            url=url,
            dated=entry.declared_on,
            may_open=lambda user: True,
            public=True,
        )


def _asks(permission: str, obj: object) -> Callable[[Any], bool]:
    return lambda user: bool(user.has_perm(str(permission), obj))


def _url(name: str, request: Request, *args: object) -> str:
    return reverse(name, args=[request.senate.slug, request.pk, *args])


def _request(request: Request) -> Source:
    body = "\n".join(filter(None, [request.reference or "", request.questions, request.background, request.places]))
    return Source(
        ref=f"request:{request.pk}",
        kind="request",
        title=request.title,
        body=body,
        url=_url("reviews:detail", request),
        dated=localdate(request.submitted_at or request.created_at),
        may_open=_asks(ReviewsPermission.VIEW_REQUEST, request),
    )


def _terms(request: Request) -> Iterator[Source]:
    may_open = _asks(ReviewsPermission.VIEW_REQUEST, request)
    for terms in request.terms.all():
        parts = [terms.scope, terms.exclusions, terms.questions, terms.criteria, terms.method_notes, terms.deliverables]
        yield Source(
            ref=f"terms:{terms.pk}",
            kind="terms",
            title=f"Terms of reference v{terms.version}: {request.title}",
            body="\n".join(filter(None, parts)),
            url=_url("reviews:terms", request) + f"#terms-v{terms.version}",
            dated=localdate(terms.created_at),
            may_open=may_open,
        )


def _reports(request: Request) -> Iterator[Source]:
    for draft in ReportDraft.objects.filter(request=request).order_by("version"):
        texts = [v for v in draft.sections.values() if isinstance(v, str)]
        yield Source(
            ref=f"report:{draft.pk}",
            kind="report",
            title=f"{draft.get_kind_display()} v{draft.version}: {request.title}",
            body="\n".join([draft.overall_opinion, *texts]),
            url=_url("reports:version", request, draft.version),
            dated=localdate(draft.created_at),
            may_open=_asks(ReportsPermission.VIEW_VERSION, draft),
        )


def _recommendations(request: Request) -> Iterator[Source]:
    # The page opens with VIEW_REQUEST and shows the recommendations only with VIEW_RECOMMENDATIONS.
    page, shown = _asks(ReviewsPermission.VIEW_REQUEST, request), _asks(ReviewsPermission.VIEW_RECOMMENDATIONS, request)

    def may_open(user: User) -> bool:
        return page(user) and shown(user)

    for rec in Recommendation.objects.filter(request=request).prefetch_related("responses"):
        responses = [f"{r.get_decision_display()}: {r.narrative}" for r in rec.responses.all()]
        yield Source(
            ref=f"recommendation:{rec.pk}",
            kind="recommendation",
            title=f"Recommendation {rec.number}: {request.title}",
            body="\n".join([rec.theme, rec.text, rec.addressee, *responses]),
            url=_url("reviews:recommendations", request) + f"#recommendation-{rec.number}",
            dated=localdate(request.stage_entered_at or request.created_at),
            may_open=may_open,
        )


def _evidence(request: Request) -> Iterator[Source]:
    for item in EvidenceItem.objects.filter(request=request).select_related("request__senate"):
        latest = item.latest_version()
        text = latest.extracted_text if latest else ""
        yield Source(
            ref=f"evidence:{item.pk}",
            kind="evidence",
            title=item.title,
            body="\n".join(filter(None, [item.provenance, text])),
            url=_url("evidence:item", request, item.pk),
            dated=localdate(latest.uploaded_at if latest else item.added_at),
            may_open=_evidence_check(item),
            no_text=bool(latest and latest.content_type == PDF and not text.strip()),
        )


def _evidence_check(item: EvidenceItem) -> Callable[[Any], bool]:
    def may_open(user: User) -> bool:
        return bool(user.has_perm(str(EvidencePermission.VIEW), item.request) and can_open(user, item))

    return may_open


def _fieldwork(request: Request) -> Iterator[Source]:
    may_open = _asks(EvidencePermission.VIEW_FIELDWORK, request)
    for visit in Fieldwork.objects.filter(request=request):
        yield Source(
            ref=f"fieldwork:{visit.pk}",
            kind="fieldwork",
            title=f"{visit}: {request.title}",
            body="\n".join(filter(None, [visit.place, visit.notes])),
            url=_url("evidence:fieldwork", request),
            dated=visit.held_on,
            may_open=may_open,
        )


def _published(request: Request) -> Iterator[Source]:
    """Advice the public may read (council.publication.public_requests: ratified, issued and permitted
    from today), as the public page shows it: the version the Council signed off, with the agreed
    redactions made."""
    from django.utils import timezone

    from senate.council.publication import public_requests, redact
    from senate.reports.publication import final_version

    if not public_requests(request.senate, today=timezone.localdate()).filter(pk=request.pk).exists():
        return
    final = final_version(request)
    phrases = request.publication_permission.redaction_list()
    texts = [v for v in (final.sections.values() if final else []) if isinstance(v, str)]
    recommendations = [rec.text for rec in Recommendation.objects.filter(request=request)]
    yield Source(
        ref=f"advice:{request.pk}",
        kind="advice",
        title=redact(f"Published advice: {request.title}", phrases),
        body=redact("\n".join([request.questions, *texts, *recommendations]), phrases),
        url=reverse("council:public_report", args=[request.senate.slug, request.pk]),
        dated=request.publication_permission.publish_from or request.publication_permission.given_on,
        may_open=lambda user: True,
        public=True,
    )
