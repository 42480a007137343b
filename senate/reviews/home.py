"""Front-page tasks from requests (see organisations.home): for a requester, each request waiting for
their organisation (a draft to send, information asked for, terms to agree, a draft report to check,
recommendations to answer); for the Senate team, requests waiting for triage, approval or overdue."""

import datetime as dt

from django.urls import reverse

from senate.accounts.models import Role, User
from senate.accounts.roles import organisations_for, roles_in
from senate.organisations.home import Task
from senate.organisations.models import Senate
from senate.reviews.deadlines import next_due, work_queue
from senate.reviews.models import PartnerSenate, Request
from senate.reviews.stages import FINISHED, Stage

# What is due, said to the requester (deadlines.next_due says it from the Senate's side).
FOR_REQUESTER: dict[str, str] = {
    Stage.MORE_INFORMATION: "Send the information the Senate asked for",
    Stage.TOR_DRAFTED: "Agree the terms of reference",
    Stage.FACTUAL_ACCURACY: "Check the draft report for factual accuracy",
    Stage.ISSUED: "Respond to the recommendations",
    Stage.PUBLISHED: "Respond to the recommendations",
}
READY_FOR_APPROVAL = {Stage.TOR_AGREED, Stage.REPORT_REVISED, Stage.ADVICE_DRAFTED}


def tasks(user: User, senate: Senate, today: dt.date) -> list[Task]:
    roles = roles_in(user, senate)
    found = _requester_tasks(user, senate, today) if Role.REQUESTER in roles else []
    if roles & {Role.MANAGER, Role.CHAIR, Role.VICE_CHAIR}:
        found += _team_tasks(senate, today, roles)
    if Role.MANAGER in roles:
        found += _joint_invitations(senate)
    return found


def _joint_invitations(senate: Senate) -> list[Task]:
    """Another Senate asks this one to review a request jointly (reviews.joint): its manager answers."""
    asked = PartnerSenate.objects.filter(senate=senate, status=PartnerSenate.Status.INVITED).select_related(
        "request__senate"
    )
    return [
        Task(
            f"Answer {p.request.senate.name}'s invitation to review {p.request.reference} {p.request.title} jointly",
            reverse("reviews:joint", args=[p.request.senate.slug, p.request.pk]),
        )
        for p in asked
    ]


def _page(request: Request) -> str:
    return reverse("reviews:detail", args=[request.senate.slug, request.pk])


def _requester_tasks(user: User, senate: Senate, today: dt.date) -> list[Task]:
    orgs = organisations_for(user, senate)
    mine = (
        Request.objects.filter(senate=senate, requesting_organisation_id__in=orgs)
        .exclude(origin="senate")
        .exclude(stage__in=FINISHED)
        .select_related("senate")
        .prefetch_related("terms")
    )
    found = []
    for request in mine:
        if request.stage == Stage.DRAFT:
            if request.created_by_id == user.pk:
                found.append(Task(f"Finish and send your draft request: {request.title}", _page(request)))
            continue
        due = next_due(request)
        if due is not None and due.who == "requester":
            what = FOR_REQUESTER.get(request.stage, due.what)
            found.append(
                Task(
                    f"{what}: {request.reference} {request.title}",
                    _page(request),
                    due_on=due.on,
                    overdue=due.overdue(today),
                )
            )
    return found


def _team_tasks(senate: Senate, today: dt.date, roles: set[str]) -> list[Task]:
    queue = reverse("reviews:work_queue", args=[senate.slug])
    rows = work_queue(senate, today, for_counting=True) if Role.MANAGER in roles else []
    found = []
    waiting = sum(r["request"].stage == Stage.RECEIVED for r in rows)
    if waiting:
        found.append(Task(f"{_n(waiting, 'request')} waiting for triage", queue))
    late = [r for r in rows if any(d.who == "senate" for d in r["late"])]
    if late:
        found.append(Task(f"{_n(len(late), 'request')} past a service level for the Senate", queue, overdue=True))
    if roles & {Role.CHAIR, Role.VICE_CHAIR}:
        ready = Request.objects.filter(senate=senate, stage__in=READY_FOR_APPROVAL).count()
        if ready:
            found.append(Task(f"{_n(ready, 'request')} ready for approval of terms of reference or advice", queue))
    return found


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
