"""At the meeting: starting it, declarations (members confirm and add their own; the chair records
the action), an acting chair for an item the Chair and Vice-chair cannot take, and deciding each item."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from senate.accounts.people import SignedInRequest
from senate.core.access import check, requires
from senate.council import chairing, decisions, declarations, queries
from senate.council.forms import (
    ActingChairForm,
    ActionOnDeclarationForm,
    AddDeclarationForm,
    DecisionForm,
    MeetingDeclarationsForm,
)
from senate.council.meetings import MeetingRefused
from senate.council.models import AgendaItem, Meeting, MeetingDeclaration
from senate.council.permission_names import CouncilPermission as P
from senate.council.served import MEETING
from senate.council.views.common import load_item_to_decide, meeting_crumbs, posted
from senate.organisations.models import Senate


@require_POST
@requires(P.MANAGE_MEETINGS, on=MEETING)
def start(http: SignedInRequest, senate: Senate, meeting: Meeting) -> HttpResponse:
    try:
        declarations.start_meeting(meeting, by=http.user)
    except MeetingRefused as refused:
        messages.error(http, str(refused))
    else:
        messages.success(http, "The meeting has started. Take declarations before the first item.")
    return redirect("council:declarations", senate.slug, meeting.pk)


def _mine(http: HttpRequest, meeting: Meeting) -> list:
    """The attendance rows the signed-in person may declare for: everyone present for the Senate
    team, only themselves for a member."""
    attending = declarations.members_attending(meeting)
    if http.user.has_perm(P.MANAGE_MEETINGS, meeting.senate):
        return attending
    return [a for a in attending if a.profile and a.profile.user_id == http.user.pk]


@requires(P.VIEW_MEETINGS, on=MEETING)
def declarations_page(http: SignedInRequest, senate: Senate, meeting: Meeting) -> HttpResponse:
    """The meeting's declarations on one page. The Senate team records attendance first, then confirms
    every known conflict (ticked from screening) and the chair's actions in one post; a member confirms
    their own. Anyone allowed may add a declaration made at the meeting."""
    can_manage = http.user.has_perm(P.MANAGE_MEETINGS, senate)
    bulk_posted = http.method == "POST" and "record_all" in http.POST
    if bulk_posted:
        check(http, P.MANAGE_MEETINGS, senate)
    if http.method != "POST":  # a post records attendance: what follows it must read the list afresh
        queries.read_attendance(meeting)  # every question below asks the one list
    agenda = list(meeting.items.all())
    allowed = _mine(http, meeting)
    form = AddDeclarationForm(posted(http) if not bulk_posted else None, items=agenda, attendees=allowed)
    if http.method == "POST" and not bulk_posted and form.is_valid():
        try:
            declarations.add_declaration(by=http.user, **form.cleaned_data)
        except MeetingRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(http, "The declaration has been recorded.")
            return redirect("council:declarations", senate.slug, meeting.pk)
    rows = queries.declarations_at(meeting)
    bulk = None
    if can_manage:
        bulk = MeetingDeclarationsForm(
            http.POST if bulk_posted else None, attendance=list(meeting.attendance.all()), declarations=rows
        )
        if bulk_posted and bulk.is_valid():
            added = declarations.record_declarations(
                meeting, statuses=bulk.statuses(), entries=bulk.entries(), by=http.user
            )
            more = f" {added} more known conflicts for members now present: confirm them below." if added else ""
            messages.success(http, "Attendance and declarations recorded." + more)
            return redirect("council:declarations", senate.slug, meeting.pk)
    else:
        rows = [d for d in rows if d.attendee in allowed]
    known = []
    if not meeting.started_at:
        names = {a.pk: a.name for a in meeting.attendance.all()}
        items = {i.pk: i for i in agenda}
        found = declarations.kept_known_conflicts(meeting)
        known = [
            (items[item_id], names[a], conflict.reason)
            for item_id, members in found.items()
            for a, conflicts in members.items()
            for conflict in conflicts
        ]
    context = {
        "meeting": meeting,
        "rows": rows,
        "form": form,
        "bulk": bulk,
        "known": known,
        "allowed": allowed,
        "can_manage": can_manage,
        "page_title": "Declarations of interest",
        "breadcrumbs": meeting_crumbs(meeting),
    }
    return render(http, "council/declarations.jinja", context, status=400 if bulk_posted else 200)


def _declaration(meeting: Meeting, declaration_id: int) -> MeetingDeclaration:
    return queries.declaration(meeting, declaration_id)


@require_POST
@requires(P.VIEW_MEETINGS, on=MEETING)
def confirm(http: SignedInRequest, senate: Senate, meeting: Meeting, declaration_id: int) -> HttpResponse:
    declaration = _declaration(meeting, declaration_id)
    if declaration.attendee not in _mine(http, meeting):
        raise Http404("You can only confirm your own declarations.")
    declarations.confirm_declaration(declaration, by=http.user)
    messages.success(http, f"Declaration by {declaration.attendee} confirmed.")
    return redirect("council:declarations", senate.slug, meeting.pk)


@require_POST
@requires(P.MANAGE_MEETINGS, on=MEETING)
def declaration_action(http: SignedInRequest, senate: Senate, meeting: Meeting, declaration_id: int) -> HttpResponse:
    declaration = _declaration(meeting, declaration_id)
    form = ActionOnDeclarationForm(http.POST)
    if not form.is_valid():
        messages.error(http, "Choose the chair's action on the declaration.")
    else:
        try:
            declarations.record_action(declaration, by=http.user, **form.cleaned_data)
        except MeetingRefused as refused:
            messages.error(http, str(refused))
        else:
            messages.success(http, f"{declaration.attendee}: {declaration.get_action_display()}.")
    return redirect("council:declarations", senate.slug, meeting.pk)


def _decision_form(item: AgendaItem, data: QueryDict | None = None) -> DecisionForm:
    members = declarations.members_attending(item.meeting)
    needs = item.kind in decisions.CONFIRMED_KINDS and item.request_id is not None
    return DecisionForm(data, versions=decisions.versions_for(item), members=members, needs_confirmer=needs)


@requires(P.VIEW_MEETINGS, on=MEETING)
def decide(http: SignedInRequest, senate: Senate, meeting: Meeting, number: int) -> HttpResponse:
    """One item: who is recused, who chairs it, whether it is quorate and why not, and the decision form."""
    item = load_item_to_decide(meeting, number)
    form = _decision_form(item, posted(http))
    if http.method == "POST":
        check(http, P.MANAGE_MEETINGS, senate)
        if form.is_valid():
            try:
                decisions.decide_item(item, by=http.user, **form.cleaned_data)
            except MeetingRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(http, f"The decision on item {item.number} has been recorded.")
                return redirect("council:meeting", senate.slug, meeting.pk)
    return _decide_page(http, item, form, ActingChairForm(able=chairing.may_chair(item)))


@require_POST
@requires(P.MANAGE_MEETINGS, on=MEETING)
def acting_chair(http: SignedInRequest, senate: Senate, meeting: Meeting, number: int) -> HttpResponse:
    """Record the acting chair the meeting chose for an item neither the Chair nor the Vice-chair can take."""
    item = load_item_to_decide(meeting, number)
    chair_form = ActingChairForm(http.POST, able=chairing.may_chair(item))
    if chair_form.is_valid():
        try:
            chairing.choose_acting_chair(item, by=http.user, **chair_form.cleaned_data)
        except MeetingRefused as refused:
            chair_form.add_error("attendee", str(refused))
        else:
            messages.success(http, f"{item.acting_chair} chairs item {item.number}.")
            return redirect("council:decide", senate.slug, meeting.pk, item.number)
    return _decide_page(http, item, _decision_form(item), chair_form, status=400)


def _restricted(item: AgendaItem, sitting: decisions.Sitting) -> dict:
    found = sitting.restrictions.get(item.request_id or 0, {})
    return decisions.restricted_voters(item, present=sitting.present, found=found)


def _decide_page(
    http: HttpRequest, item: AgendaItem, form: DecisionForm, chair_form: ActingChairForm, status: int = 200
) -> HttpResponse:
    meeting = item.meeting
    # The members present, the Council's size, the quorum rule and standing restrictions: read once
    # for every question below, and only for an item to decide (one for noting has no quorum to show).
    sitting = decisions.Sitting.of(meeting, items=[item]) if item.needs_decision else None
    context = {
        "meeting": meeting,
        "item": item,
        "form": form,
        "chair_form": chair_form,
        "chair": chairing.item_chair(item) if meeting.started_at else None,
        "needs_acting_chair": meeting.started_at and chairing.usual_chair(item) is None,
        "verdict": decisions.verdict(item, sitting=sitting) if sitting else None,
        "restricted": _restricted(item, sitting) if sitting else {},
        "blockers": decisions.blockers(item, sitting=sitting),
        "declared": item.declarations.all(),  # read with the item, with who made them
        "decision": getattr(item, "decision", None),
        "can_manage": http.user.has_perm(P.MANAGE_MEETINGS, meeting.senate),
        "page_title": f"Item {item.number}: {item.title}",
        "breadcrumbs": meeting_crumbs(meeting),
    }
    return render(http, "council/decide.jinja", context, status=status)
