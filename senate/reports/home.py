"""Front-page tasks from reports (see organisations.home): for the Senate manager, each request whose
factual-accuracy comments from the requester still need an answer before the report is revised; for a
panel member, the review's criteria on which they have not yet given their own view."""

import datetime as dt

from django.db.models import Count
from django.urls import reverse

from senate.accounts.models import Role, User
from senate.accounts.roles import roles_in
from senate.organisations.home import Task
from senate.organisations.models import Senate
from senate.reports.models import AccuracyComment, IndividualView, ReviewCriterion

# The stages in which panel members give their views before the panel's judgement.
VIEWING = {"evidence_received", "desktop_review", "fieldwork", "panel_meeting"}


def tasks(user: User, senate: Senate, today: dt.date) -> list[Task]:
    found = _views_to_give(user, senate)
    if Role.MANAGER in roles_in(user, senate):
        found += _comments_to_answer(senate)
    return found


def _views_to_give(user: User, senate: Senate) -> list[Task]:
    from senate.panels.models import PanelMember

    seats = PanelMember.objects.filter(
        profile__user=user, status=PanelMember.Status.ACCEPTED, request__senate=senate, request__stage__in=VIEWING
    ).select_related("request")
    found = []
    for seat in seats:
        picked = set(ReviewCriterion.objects.filter(request=seat.request).values_list("criterion_id", flat=True))
        given = set(
            IndividualView.objects.filter(request=seat.request, author=user).values_list("criterion_id", flat=True)
        )
        if waiting := len(picked - given):
            found.append(
                Task(
                    f"{seat.request.reference}: give your view on {waiting} "
                    f"criteri{'on' if waiting == 1 else 'a'} before the panel's judgement",
                    reverse("reports:assessment", args=[senate.slug, seat.request_id]),
                )
            )
    return found


def _comments_to_answer(senate: Senate) -> list[Task]:
    waiting = (
        AccuracyComment.objects.filter(round__request__senate=senate, response="")
        .values("round__request_id", "round__request__reference")
        .annotate(n=Count("id"))
        .order_by("round__request__reference")
    )
    return [
        Task(
            f"{row['round__request__reference']}: answer {row['n']} factual-accuracy "
            f"comment{'' if row['n'] == 1 else 's'}",
            reverse("reports:accuracy", args=[senate.slug, row["round__request_id"]]),
        )
        for row in waiting
    ]
