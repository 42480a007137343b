"""Front-page tasks from panels (see organisations.home): a member's invitations still to answer
(from any Senate, as a lent member is invited by another), and for the manager the loans other
Senates have asked of this one and that wait for a decision."""

import datetime as dt

from django.urls import reverse

from senate.accounts.models import User
from senate.organisations.home import Task
from senate.organisations.models import Senate
from senate.panels.models import Loan, PanelMember
from senate.panels.permission_names import PanelsPermission as P


def tasks(user: User, senate: Senate, today: dt.date) -> list[Task]:
    invited = PanelMember.objects.filter(profile__user=user, status=PanelMember.Status.INVITED).select_related(
        "request__senate"
    )
    found = [
        Task(
            f"Answer your invitation to the expert panel for {seat.request}"
            + ("" if seat.request.senate_id == senate.pk else f" ({seat.request.senate.name})"),
            reverse("panels:invitation", args=[seat.request.senate.slug, seat.pk]),
            due_on=seat.respond_by,
            overdue=bool(seat.respond_by and seat.respond_by < today),
        )
        for seat in invited
    ]
    if user.has_perm(P.DECIDE_LOANS, senate):
        asked = Loan.objects.filter(lender=senate, status=Loan.Status.REQUESTED).count()
        if asked:
            found.append(
                Task(
                    f"{asked} loan request{'' if asked == 1 else 's'} from other Senates to decide",
                    reverse("panels:loans", args=[senate.slug]),
                )
            )
    return found
