"""The demo's assurance records (issue 21): the Senate's partners, the place of the stroke review in
NHS England's assurance (feeding stage 2, notifiable to the Secretary of State), minor injuries units
reviewed in parallel with consultation and a call-in requested, the urgent temporary change with its
review date, and honest-broker work on the Isles of Scilly urgent treatment centre. Built through
the same functions as the pages, after requests_world."""

import datetime as dt
import random

from senate.accounts.models import Role, RoleAssignment, User
from senate.assurance import brokering, partners, recording
from senate.organisations.models import Organisation, OrganisationType
from senate.reviews.models import Request

PARTNERS = [
    ("South West Cardiovascular and Stroke Clinical Network", OrganisationType.CLINICAL_NETWORK, "sw.stroke.network"),
    ("Health Innovation South West", OrganisationType.HEALTH_INNOVATION_NETWORK, "hin.sw"),
    ("Devon Health and Wellbeing Board", OrganisationType.HEALTH_AND_WELLBEING_BOARD, "devon.hwb"),
    ("Healthwatch Devon", OrganisationType.HEALTHWATCH, "healthwatch.devon"),
    ("Devon Health and Adult Care Scrutiny Committee", OrganisationType.OVERVIEW_AND_SCRUTINY, "devon.hosc"),
    (
        "Cornwall Health and Adults Overview and Scrutiny Committee",
        OrganisationType.OVERVIEW_AND_SCRUTINY,
        "cornwall.hosc",
    ),
]


def build(rng: random.Random, *, today: dt.date) -> None:
    manager = (
        RoleAssignment.objects.filter(senate__slug="south-west", role=Role.MANAGER).order_by("user__email").first()
    )
    if manager is None:
        return
    by = manager.user
    orgs = {
        name: Organisation.objects.get_or_create(
            name=name, type=kind, defaults={"is_synthetic": True, "contact_email": f"{local}@demo.partner.example"}
        )[0]
        for name, kind, local in PARTNERS
    }
    _stroke(_find("hyperacute stroke proposals"), orgs, by, today)
    _minor_injuries(_find("Minor injuries units"), by, today)
    _temporary(_find("Urgent temporary suspension"), by, today)
    _scilly(_find("Isles of Scilly"), by, today)


def _find(title: str) -> Request | None:
    return Request.objects.filter(senate__slug="south-west", title__contains=title).first()


def _day(today: dt.date, days: int) -> dt.date:
    return today + dt.timedelta(days=days)


def _stroke(request: Request | None, orgs: dict[str, Organisation], by: User, today: dt.date) -> None:
    if request is None:
        return
    recording.set_context(
        request=request, by=by, informs="checkpoint", capital_involved=True, substantial_variation=True, notifiable=True
    )
    steps = [
        ("sense_check", -300, "NHS England South West", "External clinical assurance by the Senate needed."),
        ("pcbc", -120, "NHS Devon ICB", "Draft pre-consultation business case shared with the Senate."),
        ("hosc_view", -60, "Devon Health and Adult Care Scrutiny Committee", "A substantial variation."),
        ("sos_notified", -45, "NHS Devon ICB", "Notification form sent to DHSC."),
        ("checkpoint", 35, "NHS England South West", ""),
    ]
    for step, days, body, outcome in steps:
        recording.record_step(request=request, step=step, on=_day(today, days), body=body, outcome=outcome, by=by)
    recording.set_deadline(request=request, by=by)
    for name, how, note in [
        ("South West Cardiovascular and Stroke Clinical Network", "evidence", "Stroke audit (SSNAP) data and pathways"),
        ("Health Innovation South West", "panel", "Digital telestroke lead on the panel"),
        ("Devon Health and Wellbeing Board", "briefing", ""),
        ("Healthwatch Devon", "evidence", "Patient and carer experience survey"),
    ]:
        partners.record_engagement(request=request, organisation=orgs[name], how=how, note=note, by=by)


def _minor_injuries(request: Request | None, by: User, today: dt.date) -> None:
    if request is None:
        return
    recording.set_context(request=request, by=by, informs="decision", substantial_variation=True, notifiable=True)
    for step, days, outcome in [
        ("checkpoint", -150, "Proceed to consultation, with the Senate reviewing in parallel."),
        ("consultation_start", -100, ""),
        ("sos_notified", -110, ""),
        ("consultation_end", 20, ""),
        ("call_in_request", -30, "A campaign group asked the Secretary of State to call the proposal in."),
        ("decision", 90, ""),
    ]:
        recording.record_step(request=request, step=step, on=_day(today, days), outcome=outcome, by=by)
    recording.set_deadline(request=request, by=by)


def _temporary(request: Request | None, by: User, today: dt.date) -> None:
    if request is None:
        return
    recording.set_context(
        request=request, by=by, informs="none", notifiable=False, temporary_review_date=_day(today, 5)
    )


def _scilly(request: Request | None, by: User, today: dt.date) -> None:
    if request is None:
        return
    icb = request.requesting_organisation
    trust = Organisation.objects.filter(icb=icb, type=OrganisationType.TRUST).order_by("name").first()
    if trust is None:
        return
    gps = brokering.add_party(request=request, organisation=icb, name="Isles of Scilly GPs and the ICB", by=by)
    acute = brokering.add_party(request=request, organisation=trust, name=f"Emergency consultants, {trust.name}", by=by)
    lead = RoleAssignment.objects.filter(organisation=icb, role=Role.REQUESTER).select_related("user").first()
    author = lead.user if lead else by
    shared = brokering.submit_position(
        party=gps,
        title="A GP-led urgent treatment centre on St Mary's",
        summary="Most attendances are minor; GPs with extended skills and a retrieval protocol can see them safely.",
        by=author,
    )
    brokering.share(submission=shared, by=by)
    brokering.submit_position(
        party=acute,
        title="Consultant oversight of the island's urgent care",
        summary="Major trauma and stroke need transfer within the golden hour; telemedicine must be consultant-led.",
        by=by,
    )
    brokering.record_session(
        request=request,
        on=_day(today, -40),
        attended="Isles of Scilly GP lead\nEmergency medicine consultant\nSenate Chair (facilitator)",
        notes="Agreed to compare retrieval times before the next session.",
        by=by,
    )
    brokering.record_point(request=request, text="A single retrieval protocol for both islands", status="agreed", by=by)
    brokering.record_point(request=request, text="Who leads the overnight telemedicine rota", status="disputed", by=by)
    statement = "Both parties agree a GP-led urgent treatment centre with consultant telemedicine support."
    brokering.write_statement(request=request, text=statement, by=by)
    brokering.confirm(party=gps, by=author)
