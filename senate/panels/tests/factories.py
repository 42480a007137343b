"""Panel test data: a request ready for its panel, members with expertise, a specification."""

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.members.models import Body, MembershipRole, Profession
from senate.members.tests.factories import MembershipFactory
from senate.organisations.models import Senate
from senate.panels.models import PanelMember
from senate.panels.specs import Rule, save_spec
from senate.reviews.tests.factories import RequestFactory


def ready_request(*, services=("emergency-medicine",), stage="tor_approved", **fields):
    from senate.members.models import Expertise

    request = RequestFactory(stage=stage, **fields)
    request.service_areas.set(Expertise.objects.filter(code__in=services))
    return request


def member(
    name,
    *,
    senate="south-west",
    body=Body.ASSEMBLY,
    profession=Profession.DOCTOR,
    expertise=(),
    role=None,
    willing=False,
    declared=True,
):
    """A current member of `senate` with a profile and the matching role, who has declared their
    interests (a nil return) unless `declared=False`: only such members may be invited."""
    senate_obj = Senate.objects.get(slug=senate)
    user = give_role(
        UserFactory(full_name=name), senate_obj, Role.COUNCIL_MEMBER if body == Body.COUNCIL else Role.ASSEMBLY_MEMBER
    )
    m = MembershipFactory(
        profile__user=user,
        profile__profession=profession,
        profile__expertise=list(expertise),
        profile__region=senate_obj.region,
        profile__willing_to_serve_other_senates=willing,
        senate=senate_obj,
        body=body,
        role=role or (MembershipRole.PPV if profession == Profession.PPV else MembershipRole.CLINICAL),
    )
    if declared:
        from senate.interests.models import Kind
        from senate.interests.tests.factories import declared as declare

        declare(m.profile, kind=Kind.NIL)
    return m.profile


def declare_cast(cast, *who):
    """The cast's Council and Assembly members (or those named) make a nil return, so they may be invited."""
    from senate.interests.models import Kind
    from senate.interests.tests.factories import declared
    from senate.members.models import MemberProfile

    for key in who or ("council", "assembly"):
        declared(MemberProfile.objects.get(user=cast[key]), kind=Kind.NIL)


def spec(request, *, by, rules=(("ppv", 1),), **fields):
    values = {
        "min_size": 3,
        "max_size": 4,
        "min_out_of_region": 0,
        "out_of_region_only": False,
        "chair_from_council": False,
        "starts_on": None,
        "ends_on": None,
        "respond_within_days": 10,
    } | fields
    return save_spec(request, by=by, rules=[Rule(s, n) for s, n in rules], **values)


def seat(request, profile, status=PanelMember.Status.ACCEPTED, role="clinical"):
    return PanelMember.objects.create(request=request, profile=profile, status=status, role=role)


__all__ = ["declare_cast", "member", "ready_request", "seat", "spec"]
