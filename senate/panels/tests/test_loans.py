"""Loans: an out-of-region suggestion, the request to the lending Senate, its decision, both sides."""

import pytest
from django.utils import timezone

from senate.core.models import AuditEvent
from senate.members.models import Profession
from senate.notifications.models import Email
from senate.panels import loans, runs
from senate.panels.candidates import candidates_for
from senate.panels.models import Loan, PanelMember
from senate.panels.tests.factories import member, ready_request, spec


@pytest.fixture
def borrowing(cast):
    for n in "ABC":
        member(f"Local {n}", expertise=["emergency-medicine"])
    member("Pat Voice", profession=Profession.PPV)
    away = member("Lena London", senate="london", expertise=["emergency-medicine"], willing=True)
    member("Unwilling London", senate="london", expertise=["emergency-medicine"])
    request = ready_request(contentious=True)
    spec(request, by=cast["manager"], rules=[("ppv", 1)], min_out_of_region=1)
    return request, away


def _candidate(request, profile):
    return next(c for c in candidates_for(request, on=timezone.localdate()) if c.profile == profile)


def test_an_unmet_region_rule_suggests_only_members_who_agreed_to_be_lent(cast, borrowing):
    request, away = borrowing
    run = runs.run_optimiser(request.senate, [request], by=cast["manager"])
    (unmet,) = run.for_request(request.pk)["unmet"]
    assert unmet["rule"] == "Members from outside the region"
    assert [s["name"] for s in unmet["suggestions"]] == ["Lena London"]
    assert away.pk not in {s["profile"] for s in run.for_request(request.pk)["panel"]}


def test_an_approved_loan_is_recorded_on_both_sides_and_puts_the_member_on_the_panel(cast, borrowing):
    request, away = borrowing
    loan = loans.request_loan(request, _candidate(request, away), by=cast["manager"], note="Independent ED view")
    assert Email.objects.filter(kind="panels.loan_requested", to=cast["other_manager"].email).exists()
    asked_of, _ = loans.loans_of(loan.lender)
    _, asked_by = loans.loans_of(request.senate)
    assert list(asked_of) == list(asked_by) == [loan]
    loans.decide_loan(loan, approve=True, by=cast["other_manager"])
    assert AuditEvent.objects.filter(action="panels.loan_approved").count() == 2
    run = runs.run_optimiser(request.senate, [request], by=cast["manager"])
    assert away.pk in {s["profile"] for s in run.for_request(request.pk)["panel"]}
    assert run.for_request(request.pk)["unmet"] == []
    runs.deploy(run, by=cast["manager"])
    assert PanelMember.objects.filter(request=request, profile=away).exists()


def test_a_declined_loan_needs_a_reason_and_keeps_the_member_off(cast, borrowing):
    request, away = borrowing
    loan = loans.request_loan(request, _candidate(request, away), by=cast["manager"])
    with pytest.raises(loans.LoanRefused, match="Enter why"):
        loans.decide_loan(loan, approve=False, by=cast["other_manager"])
    loans.decide_loan(loan, approve=False, reason="Needed at home", by=cast["other_manager"])
    assert Loan.objects.get().status == "declined"
    run = runs.run_optimiser(request.senate, [request], by=cast["manager"])
    assert away.pk not in {s["profile"] for s in run.for_request(request.pk)["panel"]}


def test_own_members_need_no_loan(cast, borrowing):
    request, _ = borrowing
    local = next(c for c in candidates_for(request, on=timezone.localdate()) if not c.lent)
    with pytest.raises(loans.LoanRefused, match="no loan is needed"):
        loans.request_loan(request, local, by=cast["manager"])
