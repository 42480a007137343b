"""A small Council for the South West Senate, meetings and requests ready for the Council."""

import datetime as dt

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.council import meetings
from senate.interests.tests.factories import trust
from senate.members.models import Body, MemberProfile, MembershipRole
from senate.members.tests.factories import MembershipFactory
from senate.reviews.tests.factories import RequestFactory

TODAY = dt.date.today()


def seat(senate, role, *, user=None, name=None, **profile):
    """A current Council member with the given Council role; returns their profile."""
    user = user or UserFactory(full_name=name)
    existing = MemberProfile.objects.filter(user=user).first()
    kwargs = (
        {"profile": existing}
        if existing
        else {"profile__user": user} | {f"profile__{k}": v for k, v in profile.items()}
    )
    return MembershipFactory(senate=senate, body=Body.COUNCIL, role=role, **kwargs).profile


def make_council(senate, cast):
    """Six members (three needed by default): the cast's chair and Council member, a Vice-chair, two
    clinical members (Colin works for Torbay, a party to `report_request`) and one PPV member."""
    vice = give_role(UserFactory(full_name="Vera Vice"), senate, Role.VICE_CHAIR)
    return {
        "chair": seat(senate, MembershipRole.CHAIR, user=cast["chair"]),
        "vice": seat(senate, MembershipRole.VICE_CHAIR, user=vice),
        "council": MemberProfile.objects.get(user=cast["council"]),
        "colin": seat(senate, MembershipRole.CLINICAL, name="Colin Conflicted", employer=trust()),
        "clara": seat(senate, MembershipRole.CLINICAL, name="Clara Clinical"),
        "ppv": seat(senate, MembershipRole.PPV, name="Pat Public"),
    }


def report_request(cast, **fields):
    """A formal review whose revised report (v1) is ready for the Council to ratify."""
    from senate.reports.tests.factories import draft

    request = RequestFactory(created_by=cast["requester"], stage="report_revised", **fields)
    request.affected_organisations.add(trust())
    draft(request, by=cast["manager"])
    return request


def latest(request):
    """The latest version of the request's report: the one put to the Council."""
    return request.report_drafts.order_by("-version").first()


def schedule(senate, cast, *, date=None, present=True, **fields):
    """A meeting; with everyone on the list recorded present, as most tests of a held meeting need
    (attendance starts as expected)."""
    meeting = meetings.schedule_meeting(
        senate=senate,
        kind=fields.pop("kind", "council"),
        date=date or TODAY + dt.timedelta(days=30),
        place=fields.pop("place", "Taunton Racecourse"),
        link="",
        chair=fields.pop("chair", cast["chair"]),
        by=cast["manager"],
    )
    if present:
        everyone = {a.pk: "present" for a in meeting.attendance.filter(observer=False)}
        meetings.record_attendance(meeting=meeting, statuses=everyone, observers=[], by=cast["manager"])
    return meeting


def ready_item(senate, cast, request, *, kind="ratify_report"):
    """A meeting with the request on its agenda, everyone present, started."""
    meeting = schedule(senate, cast)
    item = meetings.add_item(meeting=meeting, kind=kind, title="", request=request, by=cast["manager"])
    return meeting, item


def published_request(cast, title="Published review of stroke services"):
    """A request as the record stands once advice is ratified, issued and permitted (made directly)."""
    from senate.council.models import AgendaItem, Decision, Meeting, PublicationPermission

    request = RequestFactory(created_by=cast["requester"], stage="issued", title=title)
    meeting = Meeting.objects.create(senate=request.senate, date=TODAY, place="Exeter", created_by=cast["manager"])
    item = AgendaItem.objects.create(meeting=meeting, number=1, kind="ratify_report", title=title, request=request)
    Decision.objects.create(item=item, outcome="approved", method="consensus", recorded_by=cast["manager"])
    PublicationPermission.objects.create(
        request=request, given_on=TODAY, given_by="Jo Requester", recorded_by=cast["requester"]
    )
    return request
