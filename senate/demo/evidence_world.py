"""Evidence for the demo world: on the South West's formal reviews past panel recruitment, the Senate
team's requests for evidence, the requester's uploads (small generated PDF, DOCX, XLSX and CSV files,
some with a second version), the panel's and the team's own items at every confidentiality tier, and
fieldwork with papers circulated (one set late). Requests at "panel recruited" have requests for
evidence still outstanding, so the reminders and the "Evidence pack received" check can be seen."""

import csv
import datetime as dt
import io
import random
from typing import Any

from django.utils import timezone

from senate.accounts.models import Role, RoleAssignment
from senate.evidence import fieldwork, library
from senate.evidence.models import EvidenceItem, EvidenceRequest, EvidenceVersion, Fieldwork, Kind, Source, Tier
from senate.reviews.models import Request
from senate.reviews.stages import Stage

AFTER_EVIDENCE = [
    Stage.EVIDENCE_RECEIVED,
    Stage.DESKTOP_REVIEW,
    Stage.FIELDWORK,
    Stage.PANEL_MEETING,
    Stage.DRAFT_REPORT,
    Stage.FACTUAL_ACCURACY,
    Stage.REPORT_REVISED,
    Stage.APPROVED,
    Stage.ISSUED,
    Stage.PUBLISHED,
    Stage.RESPONSE_RECEIVED,
    Stage.FOLLOW_UP,
    Stage.CLOSED,
]
AFTER_FIELDWORK = set(AFTER_EVIDENCE[AFTER_EVIDENCE.index(Stage.FIELDWORK) :])

ASKS = [
    (Kind.BUSINESS_CASE, "Pre-consultation business case", Tier.OFFICIAL),
    (Kind.MODELLING, "Activity and bed modelling", Tier.OFFICIAL_SENSITIVE),
    (Kind.WORKFORCE, "Workforce plan", Tier.OFFICIAL),
    (Kind.EQUALITY, "Equality and health inequalities impact assessment", Tier.PUBLIC),
    (Kind.ENGAGEMENT, "Engagement report", Tier.PUBLIC),
]


def build(rng: random.Random, *, today: dt.date) -> dict[str, int]:
    requests = Request.objects.filter(senate__slug="south-west").select_related("senate").order_by("pk")
    made = 0
    for request in requests:
        if request.is_short_path:
            continue
        if request.stage == Stage.PANEL_RECRUITED:
            _ask(request, today, outstanding=True)
        elif request.stage in AFTER_EVIDENCE:
            made += _library(request, rng, today)
            if request.stage in AFTER_FIELDWORK:
                _fieldwork(request, rng, today)
    return {"evidence_items": made}


def _manager(request: Request) -> Any:
    found = RoleAssignment.objects.filter(senate=request.senate, role=Role.MANAGER).select_related("user")
    first = found.order_by("pk").first()
    return first.user if first else request.created_by


def _requester(request: Request) -> Any:
    contacts = library.requester_contacts(request)
    return contacts[0] if contacts else request.created_by


def _ask(request: Request, today: dt.date, *, outstanding: bool) -> list[EvidenceRequest]:
    manager = _manager(request)
    asks = []
    for n, (kind, title, _tier) in enumerate(ASKS):
        due = today + dt.timedelta(days=(5 + 7 * n) if outstanding else -(40 - 5 * n))
        asks.append(library.ask_for_evidence(request=request, kind=kind, title=title, due_on=due, by=manager))
    return asks


def _library(request: Request, rng: random.Random, today: dt.date) -> int:
    asks = _ask(request, today, outstanding=False)
    requester, manager = _requester(request), _manager(request)
    made = 0
    for asked, (kind, title, tier) in zip(asks, ASKS, strict=True):
        name, data = _file(kind, title, request, version=1)
        item = library.add_item(
            request=request,
            title=title,
            kind=kind,
            tier=tier,
            source=Source.REQUESTER,
            provenance=f"{request.requesting_organisation.name}, programme team",
            asked_for=asked,
            by=requester,
            name=name,
            data=data,
        )
        made += 1
        if rng.random() < 0.4:
            name, data = _file(kind, title, request, version=2)
            library.add_version(item=item, by=requester, name=name.replace(".", "-v2.", 1), data=data)
    extras = [
        ("Royal College service standards summary", Kind.CLINICAL, Tier.PUBLIC, Source.PANEL),
        ("Panel chair's notes on the options appraisal", Kind.OTHER, Tier.DRAFT, Source.PANEL),
        ("Comparable reviews in other Senates", Kind.CLINICAL, Tier.OFFICIAL, Source.SENATE_TEAM),
    ]
    for title, kind, tier, source in extras:
        name, data = _file(kind, title, request, version=1)
        library.add_item(
            request=request,
            title=title,
            kind=kind,
            tier=tier,
            source=source,
            by=manager,
            name=name,
            data=data,
            provenance="Gathered by the panel" if source == Source.PANEL else "Senate team",
        )
        made += 1
    _backdate(request, today)
    return made


def _backdate(request: Request, today: dt.date) -> None:
    when = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=45), dt.time(10)))
    EvidenceItem.objects.filter(request=request).update(added_at=when)
    EvidenceVersion.objects.filter(item__request=request, number=1).update(uploaded_at=when)
    EvidenceVersion.objects.filter(item__request=request, number__gt=1).update(uploaded_at=when + dt.timedelta(days=10))


def _fieldwork(request: Request, rng: random.Random, today: dt.date) -> None:
    manager = _manager(request)
    members = _panel_users(request)
    visit = fieldwork.record_fieldwork(
        request=request,
        kind=Fieldwork.Kind.SITE_VISIT,
        held_on=today - dt.timedelta(days=30),
        place=(request.places or "the main hospital site").split(",")[0][:200],
        attendees=members[:3],
        others_attending="Divisional director\nWard manager\nTwo patient representatives",
        notes="The panel walked the pathway from the front door to discharge and met staff on the wards.",
        by=manager,
    )
    meeting = fieldwork.record_fieldwork(
        request=request,
        kind=Fieldwork.Kind.PANEL_MEETING,
        held_on=today - dt.timedelta(days=14),
        place="Online (Microsoft Teams)",
        attendees=members,
        notes="The panel agreed its judgements against each test and the recommendations to draft.",
        by=manager,
    )
    late = rng.random() < 0.5
    fieldwork.record_papers(
        fieldwork=visit, description="Site visit briefing", sent_on=visit.held_on - dt.timedelta(days=21), by=manager
    )
    fieldwork.record_papers(
        fieldwork=meeting,
        description="Evidence pack and draft key lines of enquiry",
        sent_on=meeting.held_on - dt.timedelta(days=12 if late else 24),
        by=manager,
    )


def _panel_users(request: Request) -> list[Any]:
    from django.apps import apps

    if not apps.is_installed("senate.panels"):
        return []
    PanelMember = apps.get_model("panels", "PanelMember")  # noqa: N806
    seats = PanelMember.objects.filter(request=request, status="accepted").select_related("profile__user")
    return [seat.profile.user for seat in seats]


def _file(kind: str, title: str, request: Request, *, version: int) -> tuple[str, bytes]:
    """A small real file whose content suits the kind of evidence."""
    stem = title.lower().replace(" ", "-").replace("'", "")[:60]
    if kind == Kind.MODELLING:
        return f"{stem}.xlsx", _xlsx(request, version)
    if kind in (Kind.WORKFORCE, Kind.ENGAGEMENT):
        return f"{stem}.docx", _docx(title, request, version)
    if kind == Kind.CLINICAL:
        return f"{stem}.csv", _csv()
    return f"{stem}.pdf", _pdf(f"{title} - {request.title} - version {version}")


def _pdf(text: str) -> bytes:
    safe = text.replace("(", "[").replace(")", "]").encode("latin-1", errors="replace")
    stream = b"BT /F1 14 Tf 72 760 Td (" + safe + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{n} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _docx(title: str, request: Request, version: int) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, 0)
    document.add_paragraph(f"{request.title}. Version {version}. Synthetic demonstration document.")
    document.add_paragraph("Summary: the programme team's account of this area, prepared for the Clinical Senate.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx(request: Request, version: int) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Bed model"
    sheet.append(["Year", "Admissions", "Average length of stay", "Beds at 92% occupancy"])
    for n, year in enumerate(range(2026, 2031)):
        admissions = 4200 + 150 * n + 20 * version
        sheet.append([year, admissions, 6.1 - 0.1 * n, round(admissions * (6.1 - 0.1 * n) / 365 / 0.92)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Standard", "Source", "Met now"])
    writer.writerow(["Thrombolysis within 60 minutes of arrival", "National clinical guideline", "Partly"])
    writer.writerow(["Seven-day consultant review", "NHS services standards", "Yes"])
    return out.getvalue().encode()
