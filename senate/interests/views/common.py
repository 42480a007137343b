from typing import Any, cast

from django.http import Http404
from django.urls import reverse

from senate.accounts.people import SignedInRequest
from senate.interests import queries
from senate.members.models import MemberProfile
from senate.organisations.models import Senate


def crumbs(senate: Senate, *more: tuple[str, str]) -> list[dict[str, str]]:
    items = [{"href": reverse("organisations:senate_home", args=[senate.slug]), "text": senate.name}]
    return items + [{"href": href, "text": text} for href, text in more]


def own_profile(http: SignedInRequest) -> MemberProfile:
    profile = queries.profile_of(cast(int, http.user.pk))
    if profile is None:
        raise Http404("You do not have a member profile. Only Council and Assembly members declare interests here.")
    return profile


def address_for_each(name: str, *args: Any) -> str:
    """The address of the page `name` with its last number left as `{}`: a table reverses it once
    and each row fills in its own number (`address.format(pk)`), instead of one reverse() per row."""
    stand_in = 987654321  # a number no record has, to find where the row's own goes
    address = reverse(name, args=[*args, stand_in]).replace("{", "{{").replace("}", "}}")
    return address.replace(str(stand_in), "{}")


def posted(http: SignedInRequest) -> Any:
    """The posted data on a POST, even if empty (so an empty form shows its errors); None otherwise."""
    return http.POST if http.method == "POST" else None
