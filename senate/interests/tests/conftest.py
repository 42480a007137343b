import datetime as dt

import pytest

from senate.members.models import MemberProfile


@pytest.fixture
def council_profile(cast):
    return MemberProfile.objects.get(user=cast["council"])


@pytest.fixture
def assembly_profile(cast):
    return MemberProfile.objects.get(user=cast["assembly"])


def date_fields(name, day):
    """The NHS date input's three boxes, as a browser posts them."""
    return {f"{name}[day]": str(day.day), f"{name}[month]": str(day.month), f"{name}[year]": str(day.year)}


def ago(days):
    return dt.date.today() - dt.timedelta(days=days)


@pytest.fixture
def torbay(reference_data):
    from senate.interests.tests.factories import trust

    return trust()


@pytest.fixture
def stroke_review(cast, torbay):
    """Devon ICB asks about stroke services at Torbay; the trust is affected."""
    from senate.interests.tests.factories import make_request

    return make_request(affected=[torbay], services=["stroke"], places="Torbay Hospital", created_by=cast["requester"])


@pytest.fixture
def candidate(torbay):
    """An Assembly member of the South West employed by the affected trust, with a false-positive place match."""
    from senate.interests.tests.factories import declared
    from senate.members.tests.factories import MembershipFactory

    profile = MembershipFactory(profile__user__full_name="Cara Candidate", profile__employer=torbay).profile
    declared(profile, category="personal", nature="Member of Torbay Rowing Club", places="Torbay", organisation_name="")
    return profile
