"""Demo requests for advice in the South West Senate: five programmes and one request in every stage
of the lifecycle, walked there by real acts (so the timelines, emails and audit trail are real), then
dated back over the past months.

Later apps add preconditions to acts (a panel before "panel recruited", a report draft before "draft
report ready"). Their demo parts run after this one and fill in those records, so the walk here runs
with the other apps' checks and consequences suspended (`lifecycle.reviews_rules_only`)."""

import datetime as dt
import random
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from senate.accounts import granting
from senate.accounts.models import Role, RoleAssignment, User
from senate.members.models import Expertise
from senate.organisations.models import Organisation, Senate
from senate.reviews import follow_up, intake, lifecycle, terms
from senate.reviews.intake import notice_is_short
from senate.reviews.models import Programme, Request
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.stages import Stage

# The acts that take a formal review from sending to closure, in order; each demo request stops after
# the act that puts it in its stage.
FORMAL = [
    "submit",
    "accept",
    "draft_terms",
    "agree_terms",
    "approve_terms",
    "record_panel_recruited",
    "record_evidence_received",
    "start_desktop_review",
    "start_fieldwork",
    "record_panel_meeting",
    "record_draft_report",
    "send_for_factual_accuracy",
    "record_report_revised",
    "approve_advice",
    "issue",
    "record_publication",
    "record_response",
    "start_follow_up",
    "close",
]
EARLY = ["submit", "accept", "record_advice_drafted", "approve_advice", "issue", "record_response", "close"]

REASONS = {
    "accept": "Within the Senate's remit; a formal review fits the NHS England assurance timetable.",
    "ask_for_information": "Please send the options appraisal and name a sponsoring commissioner.",
    "redirect": "This is a question for the South West Cardiac Clinical Network, which has agreed to advise.",
    "decline": "The decision has already been taken; the Senate cannot add value at this point.",
    "record_publication": "Published on the Senate's website with the ICB's written permission.",
    "close": "Recommendations followed up; nothing further is asked of the Senate.",
    "pause": "Paused at the ICB's request while the public consultation is re-planned.",
    "withdraw": "Withdrawn by the ICB: the proposal will not go ahead.",
}


@dataclass
class Demo:
    title: str
    kind: str
    org: str
    areas: list[str]
    stage: str
    programme: str | None = None
    places: str = ""
    beds: bool = False
    contentious: bool = False
    started_days_ago: int = 120
    extra: list[str] = field(default_factory=list)


PROGRAMMES = {
    "stroke": ("Acute stroke services in Devon", "QJK"),
    "maternity": ("Maternity and neonatal services in Bath, Swindon and Wiltshire", "QOX"),
    "uec": ("Urgent and emergency care in Cornwall and the Isles of Scilly", "QT6"),
    "community": ("Community hospital beds in Somerset", "QSL"),
    "frailty": ("Frailty across the South West", "QJK"),
}

# One request per stage. Devon ICB (the demo requester's organisation) has about half of them.
REQUESTS = [
    Demo(
        "Early advice on options for hyperacute stroke units",
        "early_advice",
        "QJK",
        ["stroke"],
        Stage.CLOSED,
        "stroke",
        "Exeter, Plymouth, Barnstaple, Torbay",
        started_days_ago=420,
    ),
    Demo(
        "Independent clinical review of the hyperacute stroke proposals",
        "formal_review",
        "QJK",
        ["stroke"],
        Stage.FACTUAL_ACCURACY,
        "stroke",
        "Exeter, Plymouth, Barnstaple, Torbay",
        contentious=True,
        started_days_ago=260,
    ),
    Demo(
        "Post-consultation support on stroke rehabilitation",
        "post_consultation",
        "QJK",
        ["stroke"],
        Stage.RECEIVED,
        "stroke",
        "North Devon",
        started_days_ago=10,
    ),
    Demo(
        "Review of the proposed consolidation of obstetric units",
        "formal_review",
        "QOX",
        ["maternity", "maternity-newborn"],
        Stage.PANEL_RECRUITED,
        "maternity",
        "Swindon, Salisbury, Bath",
        beds=True,
        started_days_ago=150,
    ),
    Demo(
        "Early advice on midwife-led units",
        "early_advice",
        "QOX",
        ["maternity"],
        Stage.ISSUED,
        "maternity",
        "Chippenham, Frome, Trowbridge",
        started_days_ago=200,
    ),
    Demo(
        "Emergency department overnight opening at West Cornwall Hospital",
        "temporary_change",
        "QT6",
        ["emergency-medicine", "urgent-care"],
        Stage.TOR_AGREED,
        "uec",
        "Penzance, Truro",
        contentious=True,
        started_days_ago=90,
    ),
    Demo(
        "Minor injuries units across Cornwall",
        "formal_review",
        "QT6",
        ["urgent-care"],
        Stage.FIELDWORK,
        "uec",
        "Bodmin, Liskeard, St Austell, Newquay",
        started_days_ago=170,
    ),
    Demo(
        "Urgent treatment centre model for the Isles of Scilly",
        "honest_broker",
        "QT6",
        ["urgent-care"],
        Stage.PAUSED,
        "uec",
        "St Mary's",
        started_days_ago=110,
    ),
    Demo(
        "Consolidation of community hospital inpatient beds",
        "formal_review",
        "QSL",
        ["community"],
        Stage.EVIDENCE_RECEIVED,
        "community",
        "Wellington, Crewkerne, Shepton Mallet",
        beds=True,
        contentious=True,
        started_days_ago=140,
    ),
    Demo(
        "Community nursing model for Somerset",
        "formal_review",
        "QSL",
        ["community-nursing"],
        Stage.TOR_DRAFTED,
        "community",
        "Somerset",
        started_days_ago=60,
    ),
    Demo(
        "Thematic review of frailty pathways",
        "thematic",
        "QJK",
        ["community"],
        Stage.PANEL_MEETING,
        "frailty",
        "Devon, Cornwall, Somerset",
        started_days_ago=190,
    ),
    Demo(
        "Frailty virtual wards: early advice",
        "early_advice",
        "QJK",
        ["community"],
        Stage.ADVICE_DRAFTED,
        "frailty",
        "Devon",
        started_days_ago=45,
    ),
    Demo(
        "Stroke early supported discharge: formal review",
        "formal_review",
        "QJK",
        ["stroke"],
        Stage.FOLLOW_UP,
        "stroke",
        "Torbay, South Devon",
        started_days_ago=380,
    ),
    Demo(
        "Children's inpatient services at North Devon District Hospital",
        "formal_review",
        "QJK",
        ["camhs"],
        Stage.DRAFT_REPORT,
        None,
        "Barnstaple",
        started_days_ago=220,
    ),
    Demo(
        "Adult mental health crisis beds",
        "formal_review",
        "QJK",
        ["mental-health"],
        Stage.REPORT_REVISED,
        None,
        "Exeter, Plymouth",
        beds=True,
        started_days_ago=240,
    ),
    Demo(
        "Vascular surgery hub and spoke",
        "formal_review",
        "QUY",
        ["emergency-medicine"],
        Stage.APPROVED,
        None,
        "Bristol, Weston-super-Mare",
        started_days_ago=250,
    ),
    Demo(
        "Elective orthopaedic centre",
        "formal_review",
        "QUY",
        ["community"],
        Stage.PUBLISHED,
        None,
        "Bristol, Yate",
        started_days_ago=300,
    ),
    Demo(
        "Ophthalmology outpatient model",
        "formal_review",
        "QR1",
        ["community"],
        Stage.RESPONSE_RECEIVED,
        None,
        "Gloucester, Cheltenham",
        started_days_ago=330,
    ),
    Demo(
        "Cardiac catheter laboratory provision",
        "other",
        "QVV",
        ["emergency-medicine"],
        Stage.REDIRECTED,
        None,
        "Poole, Dorchester",
        started_days_ago=70,
    ),
    Demo(
        "Closure of a rural dispensing practice",
        "other",
        "QVV",
        ["community"],
        Stage.DECLINED,
        None,
        "Purbeck",
        started_days_ago=80,
    ),
    Demo(
        "Diabetes foot care pathway",
        "formal_review",
        "QJK",
        ["community"],
        Stage.MORE_INFORMATION,
        None,
        "Plymouth",
        started_days_ago=25,
    ),
    Demo(
        "Hospital at home for older people",
        "thematic",
        "QJK",
        ["community"],
        Stage.TOR_APPROVED,
        "frailty",
        "Devon",
        started_days_ago=100,
    ),
    Demo(
        "Acute medical take at Torbay Hospital",
        "formal_review",
        "QJK",
        ["emergency-medicine"],
        Stage.DESKTOP_REVIEW,
        None,
        "Torquay",
        started_days_ago=160,
    ),
    Demo(
        "Stroke thrombectomy out of hours",
        "formal_review",
        "QJK",
        ["stroke"],
        Stage.ACCEPTED,
        "stroke",
        "Plymouth",
        started_days_ago=20,
    ),
    Demo(
        "Podiatry service redesign",
        "formal_review",
        "QUY",
        ["community"],
        Stage.WITHDRAWN,
        None,
        "Bristol",
        started_days_ago=130,
    ),
    Demo(
        "Neonatal intensive care cots",
        "formal_review",
        "QJK",
        ["maternity-newborn"],
        Stage.DRAFT,
        None,
        "Exeter",
        started_days_ago=3,
    ),
    # Added last, so the references of the requests above do not change.
    Demo(
        "Urgent temporary suspension of overnight births at Tiverton midwife-led unit",
        "urgent_temporary",
        "QJK",
        ["maternity"],
        Stage.ACCEPTED,
        None,
        "Tiverton",
        started_days_ago=20,
    ),
]


def build(rng: random.Random, *, today: dt.date) -> None:
    senate = Senate.objects.get(slug="south-west")
    team = _team(senate)
    programmes = {
        key: Programme.objects.create(senate=senate, title=title, lead_organisation=Organisation.objects.get(code=code))
        for key, (title, code) in PROGRAMMES.items()
    }
    with lifecycle.reviews_rules_only():
        for number, demo in enumerate(REQUESTS):
            requester = _requester(senate, demo.org)
            request = _draft(senate, demo, requester, programmes.get(demo.programme or ""), today)
            _walk(request, demo, team | {"requester": requester}, rng)
            _backdate(request, demo, today, number)


def _team(senate: Senate) -> dict[str, User]:
    def one(role: str) -> User:
        found = User.objects.filter(roles__senate=senate, roles__role=role).order_by("email").first()
        if found is None:
            raise LookupError(f"The demo {senate.name} has no {role}; build the sign-ins first.")
        return found

    return {"manager": one(Role.MANAGER), "chair": one(Role.CHAIR)}


def _requester(senate: Senate, code: str) -> User:
    """The demo requester for Devon ICB, and a programme lead for each other organisation."""
    existing = RoleAssignment.objects.filter(senate=senate, role=Role.REQUESTER, organisation__code=code).first()
    if existing:
        return existing.user
    org = Organisation.objects.get(code=code)
    user = User.objects.create(
        email=f"requester.{code.lower()}@demo.senate.example",
        full_name=f"Programme lead, {org.name.removeprefix('NHS ').removesuffix(' Integrated Care Board')}",
        password=make_password(None),
    )
    granting.grant_role(
        person=user, senate=senate, role=Role.REQUESTER, organisation=org, by=None, reason="The demo world"
    )
    return user


def _draft(senate: Senate, demo: Demo, requester: User, programme: Programme | None, today: dt.date) -> Request:
    org = Organisation.objects.get(code=demo.org)
    request = intake.start_draft(senate=senate, organisation=org, by=requester)
    affected = [org, *Organisation.objects.filter(code__startswith=demo.org).exclude(pk=org.pk)[:2]]
    return intake.save_draft(
        request,
        changes={
            "title": demo.title,
            "kind": demo.kind,
            "programme": programme,
            "places": demo.places,
            "assurance_stage": "checkpoint" if demo.kind == "formal_review" else "sense_check",
            "substantial_variation": demo.kind in ("formal_review", "temporary_change"),
            "significant_bed_reduction": demo.beds,
            "contentious": demo.contentious,
            "background": f"{org.name} is developing proposals for {demo.title.lower()}.",
            "questions": "Is there a clear clinical evidence base for the proposed model?\n"
            "What are the risks to quality, safety and access, and how could they be mitigated?",
            "decision_date": today + dt.timedelta(days=60 + demo.started_days_ago % 150),
            "service_areas": list(Expertise.objects.filter(code__in=demo.areas)),
            "affected_organisations": affected,
        },
        by=requester,
    )


def _path(demo: Demo) -> list[str]:
    """The acts that lead to the demo's stage."""
    special: dict[str, list[str]] = {
        Stage.DRAFT: [],
        Stage.MORE_INFORMATION: ["submit", "ask_for_information"],
        Stage.REDIRECTED: ["submit", "redirect"],
        Stage.DECLINED: ["submit", "decline"],
        Stage.PAUSED: ["submit", "accept", "pause"],
        Stage.WITHDRAWN: ["submit", "accept", "withdraw"],
    }
    if demo.stage in special:
        return special[demo.stage]
    acts = EARLY if demo.kind == "early_advice" else FORMAL
    for i, name in enumerate(acts):
        target = lifecycle.ACTS[name].target
        if target == demo.stage:
            return acts[: i + 1]
    raise ValueError(f"No path to {demo.stage} for {demo.title}")


def _walk(request: Request, demo: Demo, people: dict[str, User], rng: random.Random) -> None:
    who = {
        ReviewsPermission.MANAGE_REQUEST: "manager",
        ReviewsPermission.TRIAGE: "manager",
        ReviewsPermission.APPROVE: "chair",
        ReviewsPermission.ACT_AS_REQUESTER: "requester",
        ReviewsPermission.WITHDRAW: "manager",
    }
    for name in _path(demo):
        _prepare(name, request, people, rng)
        act = lifecycle.ACTS[name]
        request = lifecycle.perform(name, request, by=people[who[act.permission]], reason=REASONS.get(name, ""))


def _prepare(name: str, request: Request, people: dict[str, User], rng: random.Random) -> None:
    """What reviews itself needs before some acts: terms of reference, recommendations, responses."""
    request.refresh_from_db()
    if name == "draft_terms":
        values = terms.draft_from_request(request) | {"timetable": "Panel day in about ten weeks."}
        terms.save_version(request, values=values, by=people["manager"])
    elif name == "agree_terms":
        current = terms.current(request)
        assert current is not None
        terms.add_comment(
            current, text="Please include the ambulance service among the interviews.", by=people["requester"]
        )
        terms.share(current, by=people["manager"])
    elif name in ("record_draft_report", "record_advice_drafted"):
        for n, (theme, text) in enumerate(RECOMMENDATIONS[: rng.randint(2, 4)]):
            follow_up.add_recommendation(
                request,
                text=text,
                theme=theme,
                addressee=request.requesting_organisation.name,
                priority=["high", "medium", "low"][n % 3],
                by=people["manager"],
            )
    elif name == "record_response":
        decisions = ["accepted", "partly", "accepted", "not_accepted"]
        for n, rec in enumerate(request.recommendations.all()):
            follow_up.respond(
                rec,
                decision=decisions[n % 4],
                narrative="The ICB board considered this at its meeting.",
                planned_date=dt.date.today() + dt.timedelta(days=90),
                by=people["requester"],
            )
    elif name == "close" and request.stage == Stage.FOLLOW_UP:
        follow_up.record_follow_up(
            request, note="Progress reported to the Council.", recommendation=None, by=people["manager"]
        )
    if name in ("start_follow_up", "close") and not request.recommendations.filter(implementations__isnull=False):
        _implementation(request, people)


def _implementation(request: Request, people: dict[str, User]) -> None:
    """Follow-up continues to implementation: the requester reports where the recommendations stand."""
    today = dt.date.today()
    for rec, status in zip(request.recommendations.order_by("number"), ["implemented", "in_progress"], strict=False):
        follow_up.record_implementation(
            rec,
            status=status,
            on=today,
            evidence="Reported to the ICB board's quality committee, with the service's own audit.",
            by=people["requester"],
            today=today,
        )


RECOMMENDATIONS = [
    (
        "Workforce",
        "Set out a workforce plan that shows how the proposed rotas will be staffed safely, "
        "including consultant presence seven days a week.",
    ),
    (
        "Access and inequalities",
        "Model travel times by public transport for the most deprived communities "
        "and set out how the impact will be mitigated.",
    ),
    ("Beds", "Show that the alternative provision and its workforce are in place before beds close."),
    ("Interdependencies", "Agree with the ambulance service how conveyance times will be monitored."),
]


def _backdate(request: Request, demo: Demo, today: dt.date, number: int) -> None:
    """Spread the timeline over the months the request has been with the Senate."""
    events = list(request.events.order_by("id"))
    # Mid-morning on the Senate's own calendar, so that each event falls on the day counted for it
    # whatever the hour the world is built (an hour from "now" in UTC is the next day in summer time).
    start = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=demo.started_days_ago), dt.time(10)))
    step = dt.timedelta(days=max(1, demo.started_days_ago // max(1, len(events) + 1)))
    now = timezone.now()
    for i, event in enumerate(events):
        type(event).objects.filter(pk=event.pk).update(at=min(start + step * (i + 1), now))
    last = min(start + step * max(1, len(events)), now)
    sent = Request.objects.filter(pk=request.pk, submitted_at__isnull=False).exists()  # `request` may be stale
    Request.objects.filter(pk=request.pk).update(
        created_at=start - dt.timedelta(days=2),
        submitted_at=start + step if sent else None,  # the day of the first event, the request being sent
        stage_entered_at=last,
    )
    if sent:  # the notice is measured from the day it was sent, as the intake rule measures it
        moved = Request.objects.select_related("senate").get(pk=request.pk)
        Request.objects.filter(pk=request.pk).update(short_notice=notice_is_short(moved))
