"""Loans between Senates: asking another Senate's team to lend a member for one panel, and their answer.
Recorded once, seen by both Senates; an approved loan puts the member in the pool, pinned to the panel."""

from django.db import transaction
from django.utils import timezone

from senate.core import audit
from senate.notifications.outbox import queue_email
from senate.panels.invitations import _link, managers_of
from senate.panels.models import Loan, PanelChoice


class LoanRefused(ValueError):
    pass


def request_loan(request, candidate, *, by, note: str = "") -> Loan:
    """Ask the lending Senate for `candidate` (a candidates.Candidate from another Senate)."""
    if not candidate.lent:
        raise LoanRefused(f"{candidate.profile} is a member of this Senate: no loan is needed")
    if candidate.blocked:
        raise LoanRefused(f"{candidate.profile} cannot sit on this panel: {candidate.blocked}")
    if Loan.objects.filter(request=request, profile=candidate.profile).exists():
        raise LoanRefused(f"A loan of {candidate.profile} for this request has already been asked for")
    lender = candidate.home_senate
    with transaction.atomic():
        loan = Loan.objects.create(
            request=request,
            profile=candidate.profile,
            lender=lender,
            borrower=request.senate,
            requested_by=by,
            note=note.strip(),
        )
        for side in (request.senate, lender):
            audit.record(
                "panels.loan_requested",
                loan,
                by=by,
                senate=side,
                summary=f"{request.senate.name} asked {lender.name} to lend {candidate.profile}",
            )
        for manager in managers_of(lender):
            queue_email(
                to=manager,
                subject=f"{request.senate.name} asks to borrow {candidate.profile} for a panel",
                body=(
                    f"{request.senate.name} would like {candidate.profile} to join the expert panel for "
                    f"{request}.\n{loan.note}\n\nApprove or decline: {_link('panels:loans', lender.slug)}\n"
                ),
                kind="panels.loan_requested",
                about=loan,
                senate=lender,
                dedupe_key=f"panels.loan:{loan.pk}:{manager.pk}",
            )
    return loan


def decide_loan(loan: Loan, *, approve: bool, by, reason: str = "") -> Loan:
    """The lending Senate's answer. An approval pins the member to the borrowing panel."""
    if loan.status != Loan.Status.REQUESTED:
        raise LoanRefused("This loan has already been decided")
    if not approve and not reason.strip():
        raise LoanRefused("Enter why the loan is declined")
    with transaction.atomic():
        loan.status = Loan.Status.APPROVED if approve else Loan.Status.DECLINED
        loan.decided_by, loan.decided_at, loan.decision_reason = by, timezone.now(), reason.strip()
        loan.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
        if approve:
            PanelChoice.objects.update_or_create(
                request=loan.request, profile=loan.profile, defaults={"kind": PanelChoice.Kind.PIN, "by": by}
            )
        verb = "approved" if approve else "declined"
        for side in (loan.borrower, loan.lender):
            audit.record(
                f"panels.loan_{verb}",
                loan,
                by=by,
                senate=side,
                summary=f"{loan.lender.name} {verb} the loan of {loan.profile} to {loan.borrower.name}",
            )
        for manager in managers_of(loan.borrower):
            queue_email(
                to=manager,
                subject=f"Loan of {loan.profile} {verb}",
                body=f"{loan.lender.name} {verb} the loan of {loan.profile} for {loan.request}. {loan.decision_reason}\n",
                kind=f"panels.loan_{verb}",
                about=loan,
                senate=loan.borrower,
                dedupe_key=f"panels.loan_{verb}:{loan.pk}:{manager.pk}",
            )
    return loan


def loans_of(senate):
    """Both sides: loans asked of this Senate, and loans it asked for."""
    base = Loan.objects.select_related("profile__user", "request", "lender", "borrower")
    return base.filter(lender=senate), base.filter(borrower=senate)
