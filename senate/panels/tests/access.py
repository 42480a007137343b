"""Who may open each panels page; tests/test_page_access.py checks every role against each.
A request's panel page is the Senate team's (for a submitted request) and its invited or seated
members' only: the cast's Council member is invited to the panel the matrix opens, the Assembly member
is not (test_views.py checks drafts and other seats). A system administrator opens none of them."""

from senate.members.models import MemberProfile
from senate.organisations.models import Senate
from senate.panels.models import Loan
from senate.panels.tests.factories import ready_request, seat, spec

TEAM = {"manager", "chair"}
VIEWERS = TEAM | {"council"}
MEMBERS = {"council", "assembly"}


def _request(cast, tail=""):
    return f"/south-west/panels/requests/{ready_request().pk}/{tail}"


def _invited_panel(cast):
    request = ready_request()
    seat(request, MemberProfile.objects.get(user=cast["council"]), status="invited")
    return f"/south-west/panels/requests/{request.pk}/"


def _answer(cast):
    request = ready_request()
    invited = seat(request, MemberProfile.objects.get(user=cast["council"]), status="invited")
    return f"/south-west/panels/requests/{request.pk}/answer/{invited.pk}/"


def _run(cast):
    from senate.panels.runs import run_optimiser

    request = ready_request()
    spec(request, by=cast["manager"], rules=[], min_size=1, max_size=2)
    return f"/south-west/panels/runs/{run_optimiser(request.senate, [request], by=cast['manager']).pk}/"


def _invitation(cast):
    council = MemberProfile.objects.get(user=cast["council"])
    return f"/south-west/panels/invitations/{seat(ready_request(), council, status='invited').pk}/"


def _loan(cast):
    """London asks to borrow South West's Assembly member: South West's manager decides."""
    london, south_west = Senate.objects.get(slug="london"), Senate.objects.get(slug="south-west")
    loan = Loan.objects.create(
        request=ready_request(senate=london),
        profile=MemberProfile.objects.get(user=cast["assembly"]),
        lender=south_west,
        borrower=london,
        requested_by=cast["other_manager"],
    )
    return f"/south-west/panels/loans/{loan.pk}/decide/"


PAGES = [
    ("panels:panel", _invited_panel, VIEWERS),
    ("panels:spec", lambda c: _request(c, "specification/"), TEAM),
    ("panels:candidates", lambda c: _request(c, "candidates/"), TEAM),
    ("panels:run_detail", _run, TEAM),
    ("panels:record_answer", _answer, TEAM),
    ("panels:loans", lambda c: "/south-west/panels/loans/", TEAM),
    ("panels:decide_loan", _loan, {"manager"}),
    ("panels:invitation", _invitation, {"council"}),
    ("panels:mine", lambda c: "/south-west/panels/mine/", MEMBERS),
]
# Reached only by a form's post; their refusals are tested in test_views.py.
NOT_GET_PAGES = {
    "panels:run",
    "panels:choose",
    "panels:invite",
    "panels:request_loan",
    "panels:withdraw",
    "panels:deploy",
    "panels:recruited",
    "panels:set_role",
    "panels:add_absence",  # refusals in test_availability.py
    "panels:remove_absence",
}
