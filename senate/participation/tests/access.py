"""Who may open participation pages; tests/test_page_access.py checks every role against each. The
team's pages: this Senate's manager and Chair only. A member's own page: Council and Assembly members
(the Chair sits on the Council); their records are found only among their own."""

from senate.members.models import MemberProfile, Membership
from senate.participation.models import Claim, Development

TEAM = {"manager", "chair"}
MEMBERS = {"council", "assembly", "chair"}


def _member(cast):
    return MemberProfile.objects.get(user=cast["council"])


def _membership(cast):
    return Membership.objects.get(profile__user=cast["council"])


def _own_membership(cast):
    return Membership.objects.get(profile__user=cast["council"])


def _claim(cast):
    from senate.participation.tests.factories import ClaimFactory

    return Claim.objects.first() or ClaimFactory(profile=_member(cast))


def _development(cast):
    return Development.objects.first() or Development.objects.create(
        senate=_membership(cast).senate, profile=_member(cast), kind="mentoring", status="interested"
    )


def _year(cast):
    return _membership(cast).term_start.year - (1 if _membership(cast).term_start.month < 4 else 0)


def _issued(cast):
    from senate.reviews.models import Request
    from senate.reviews.tests.factories import RequestFactory

    return Request.objects.filter(stage="issued").first() or RequestFactory(
        created_by=cast["requester"], stage="issued"
    )


def _witness(cast):
    import datetime as dt

    from senate.participation.models import Witness
    from senate.participation.witnesses import record_witness

    request = _issued(cast)
    return Witness.objects.filter(request=request).first() or record_witness(
        request=request, name="Dr Ada Witness", organisation="", kind="clinician", spoke_to="Stroke outcomes",
        heard_on=dt.date(2026, 3, 2), declared=[], nothing_to_declare=True, by=cast["manager"],
    )  # fmt: skip


# A request's witnesses (the request here has its advice issued, shared with its requester, who reads them too).
WITNESS_READERS = TEAM | {"council", "requester"}
SW = "/south-west/participation"
PAGES = [
    ("participation:overview", lambda c: f"{SW}/", TEAM),
    ("participation:renewal", lambda c: f"{SW}/renewals/{_member(c).pk}/memberships/{_membership(c).pk}/", TEAM),
    ("participation:induction", lambda c: f"{SW}/induction/", TEAM),
    ("participation:member_record", lambda c: f"{SW}/members/{_member(c).pk}/", TEAM),
    ("participation:member_statement", lambda c: f"{SW}/members/{_member(c).pk}/statement.pdf?year={_year(c)}", TEAM),
    ("participation:claims", lambda c: f"{SW}/claims/", TEAM),
    ("participation:decide_claim", lambda c: f"{SW}/claims/{_claim(c).pk}/", TEAM),
    ("participation:claims_csv", lambda c: f"{SW}/claims/approved.csv", TEAM),
    ("participation:rates", lambda c: f"{SW}/claims/rates/", TEAM),
    ("participation:development", lambda c: f"{SW}/development/", TEAM),
    ("participation:offer", lambda c: f"{SW}/development/{_development(c).pk}/offer/", TEAM),
    ("participation:witnesses", lambda c: f"{SW}/requests/{_issued(c).pk}/witnesses/", WITNESS_READERS),
    ("participation:new_witness", lambda c: f"{SW}/requests/{_issued(c).pk}/witnesses/new/", TEAM),
    ("participation:witness", lambda c: f"{SW}/requests/{_issued(c).pk}/witnesses/{_witness(c).pk}/", WITNESS_READERS),
    (
        "participation:decide_witness",
        lambda c: f"{SW}/requests/{_issued(c).pk}/witnesses/{_witness(c).pk}/decide/",
        TEAM,
    ),
    ("participation:mine", lambda c: f"{SW}/mine/", MEMBERS),
    ("participation:wish", lambda c: f"{SW}/mine/memberships/{_own_membership(c).pk}/continue/", {"council"}),
    ("participation:step_down", lambda c: f"{SW}/mine/memberships/{_own_membership(c).pk}/step-down/", {"council"}),
    ("participation:statement", lambda c: f"{SW}/mine/statement.pdf?year={_year(c)}", {"council", "assembly"}),
    ("participation:new_claim", lambda c: f"{SW}/mine/claims/new/", MEMBERS),
    ("participation:formats", lambda c: f"{SW}/mine/formats/", MEMBERS),
    ("participation:interest", lambda c: f"{SW}/mine/development/", MEMBERS),
]
NOT_GET_PAGES = {"participation:start_induction", "participation:complete_step", "participation:answer_offer"}
