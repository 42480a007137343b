"""The records panel pages serve, found and checked by the framework before the view runs
(`requires(permission, on=…)`, see senate.core.access): an optimiser run of the Senate, a loan asked of
the Senate (its lending manager decides), and a seat on a panel (its member's own)."""

from typing import Any, cast

from django.http import HttpRequest

from senate.core.access import Served
from senate.panels.models import Loan, OptimiserRun, PanelMember


def _run(http: HttpRequest, pk: int) -> OptimiserRun | None:
    return OptimiserRun.objects.filter(pk=pk, senate=getattr(http, "senate", None)).first()


def _loan(http: HttpRequest, pk: int) -> Loan | None:
    return Loan.objects.filter(pk=pk, lender=getattr(http, "senate", None)).select_related("lender").first()


def _own_seat(http: HttpRequest, pk: int) -> PanelMember | None:
    if not http.user.is_authenticated:
        return None
    seats = PanelMember.objects.filter(pk=pk, profile__user_id=cast(int, http.user.pk))
    return seats.select_related("request__senate", "profile__user").first()


RUN = Served(name="made", key="pk", find=_run, missing="There is no optimiser run with that number in this Senate.")
LOAN = Served(
    name="loan",
    key="pk",
    find=_loan,
    missing="There is no loan with that number asked of this Senate.",
    subject=lambda http, loan: cast(Any, loan).lender,
)
# A lent member belongs to another Senate: their seat is found by its number and their own account.
SEAT = Served(name="seat", key="pk", find=_own_seat, missing="You have no invitation with that number.")
