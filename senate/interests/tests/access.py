"""Who may open each interests page; tests/test_page_access.py checks every role against each."""

from django.apps import apps

from senate.interests.tests.factories import declared, make_request
from senate.members.models import MemberProfile

TEAM = {"manager", "chair"}  # declarations are case files: never a system administrator
MEMBERS = {"council", "assembly"}


def _council_declaration(cast):
    return declared(MemberProfile.objects.get(user=cast["council"])).pk


def _screening(cast, tail=""):
    return f"/south-west/interests/requests/{make_request().pk}/{tail}"


def _attest(cast):
    """The Council member is invited to this request's panel; the Assembly member is on no panel."""
    request = make_request()
    PanelMember = apps.get_model("panels", "PanelMember")  # noqa: N806 (interests never imports panels)
    PanelMember.objects.create(request=request, profile=MemberProfile.objects.get(user=cast["council"]))
    return f"/south-west/interests/requests/{request.pk}/attest/"


def _council_profile(cast):
    return MemberProfile.objects.get(user=cast["council"]).pk


PAGES = [
    ("interests:register", lambda c: "/south-west/interests/register/", "public"),
    ("interests:register_csv", lambda c: "/south-west/interests/register.csv", "public"),
    ("interests:due", lambda c: "/south-west/interests/due/", TEAM),
    ("interests:register_admin", lambda c: "/south-west/interests/manage/", TEAM),
    ("interests:withhold", lambda c: f"/south-west/interests/manage/{_council_declaration(c)}/withhold/", TEAM),
    ("interests:conflict_policy", lambda c: "/south-west/interests/conflict-policy/", TEAM | {"admin"}),
    ("interests:screening", lambda c: _screening(c, "screening/"), TEAM),
    ("interests:screen_member", lambda c: _screening(c, f"screening/{_council_profile(c)}/"), TEAM),
    # Only a member invited to or seated on the request's panel attests for it.
    ("interests:attest", _attest, {"council"}),
    ("declarations:list", lambda c: "/declarations/", MEMBERS),
    ("declarations:new", lambda c: "/declarations/new/", MEMBERS),
    ("declarations:new_gift", lambda c: "/declarations/new/gift/", MEMBERS),
    ("declarations:new_hospitality", lambda c: "/declarations/new/hospitality/", MEMBERS),
    ("declarations:nil", lambda c: "/declarations/nil-return/", MEMBERS),
    ("declarations:history", lambda c: f"/declarations/{_council_declaration(c)}/", {"council"}),
    ("declarations:change", lambda c: f"/declarations/{_council_declaration(c)}/change/", {"council"}),
    ("declarations:end", lambda c: f"/declarations/{_council_declaration(c)}/end/", {"council"}),
]
# Reached only by a form's post; their refusals are tested where they are used.
NOT_GET_PAGES = {"interests:send_reminders", "interests:publish", "interests:dismiss", "declarations:confirm"}
