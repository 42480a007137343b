"""Honest-broker work: the parties and their positions, facilitated sessions, the points agreed and
still in dispute, and a consensus statement every party confirms. A party's submission stays with
that party and the Senate team until the Senate shares it with every party."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from senate.accounts.models import User
from senate.assurance.models import Confirmation, ConsensusStatement, Party, Point, Session, Submission
from senate.assurance.recording import Refused
from senate.core import audit
from senate.organisations.models import Organisation
from senate.reviews.models import Request


def _audit(action: str, request: Request, by: User, summary: str, **data: object) -> None:
    audit.record(action, request, by=by, senate=request.senate, summary=f"{request.reference}: {summary}", data=data)


def add_party(*, request: Request, organisation: Organisation, name: str, by: User) -> Party:
    if Party.objects.filter(request=request, organisation=organisation).exists():
        raise Refused({"organisation": f"{organisation.name} is already a party"})
    with transaction.atomic():
        party = Party.objects.create(request=request, organisation=organisation, name=name)
        _audit("assurance.party_added", request, by, f"party added: {name} ({organisation.name})")
    return party


def submit_position(*, party: Party, title: str, summary: str, by: User) -> Submission:
    with transaction.atomic():
        submission = Submission.objects.create(party=party, title=title, summary=summary, submitted_by=by)
        _audit("assurance.position_submitted", party.request, by, f"{party.name} submitted ‘{title}’ (not shared)")
    return submission


def share(*, submission: Submission, by: User) -> Submission:
    if submission.shared_at is not None:
        raise Refused({"submission": "This submission is already shared with every party"})
    with transaction.atomic():
        submission.shared_at = timezone.now()
        submission.save(update_fields=["shared_at"])
        party = submission.party
        _audit("assurance.position_shared", party.request, by, f"{party.name}'s ‘{submission.title}’ shared")
    return submission


def record_session(*, request: Request, on: dt.date, attended: str, notes: str, by: User) -> Session:
    with transaction.atomic():
        session = Session.objects.create(request=request, on=on, attended=attended, notes=notes)
        _audit("assurance.session_recorded", request, by, f"facilitated session on {on:%-d %B %Y}")
    return session


def record_point(*, request: Request, text: str, status: str, by: User) -> Point:
    with transaction.atomic():
        point = Point.objects.create(request=request, text=text, status=status)
        _audit("assurance.point_recorded", request, by, f"point {point.get_status_display().lower()}: {text[:80]}")
    return point


def write_statement(*, request: Request, text: str, by: User) -> ConsensusStatement:
    """Write or change the consensus statement; a change asks every party to confirm it again."""
    with transaction.atomic():
        statement, created = ConsensusStatement.objects.get_or_create(request=request, defaults={"text": text})
        if not created and statement.text != text:
            statement.confirmations.all().delete()
            statement.text = text
            statement.save()
        _audit("assurance.statement_written", request, by, "consensus statement written; parties asked to confirm")
    return statement


def confirm(*, party: Party, by: User) -> Confirmation:
    statement = ConsensusStatement.objects.filter(request=party.request).first()
    if statement is None:
        raise Refused({"party": "There is no consensus statement to confirm yet"})
    if statement.confirmations.filter(party=party).exists():
        raise Refused({"party": f"{party.name} has already confirmed the statement"})
    with transaction.atomic():
        made = Confirmation.objects.create(statement=statement, party=party, by=by)
        _audit("assurance.statement_confirmed", party.request, by, f"{party.name} confirmed the consensus statement")
    return made


def confirmed_by_all(request: Request) -> bool:
    statement = ConsensusStatement.objects.filter(request=request).first()
    parties = Party.objects.filter(request=request).count()
    return statement is not None and parties > 0 and statement.confirmations.count() == parties
