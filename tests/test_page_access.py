"""Every page declares who may use it, and every other role is refused. When a page is added,
add it to PAGES: test_every_page_is_in_the_matrix fails until it is."""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

import senate
from conftest import ALL_ROLES
from senate.members.models import MemberProfile
from senate.reviews.permission_names import ReviewsPermission

SENATE_TEAM = {"manager", "chair", "admin"}
EVERYONE = set(ALL_ROLES)

# (url name, path builder, roles allowed; anonymous visitors are allowed only on public pages)
PAGES = [
    ("front:home", lambda c: "/?all=1", "public"),
    ("core:accessibility", lambda c: "/accessibility/", "public"),
    ("organisations:senate_home", lambda c: "/south-west/", "public"),
    ("organisations:organisation_list", lambda c: "/south-west/organisations/", "public"),
    ("accounts:sign_in", lambda c: "/account/sign-in/", "public"),
    ("accounts:password_reset", lambda c: "/account/password-reset/", "public"),
    ("accounts:password_reset_sent", lambda c: "/account/password-reset/sent/", "public"),
    ("accounts:password_reset_complete", lambda c: "/account/password-reset/done/", "public"),
    ("accounts:api_tokens", lambda c: "/account/api-tokens/", EVERYONE),
    ("members:directory", lambda c: "/south-west/members/", SENATE_TEAM),
    ("members:coverage", lambda c: "/south-west/members/coverage/", SENATE_TEAM | {"council", "assurance"}),
    (
        "members:detail",
        lambda c: f"/south-west/members/{MemberProfile.objects.get(user=c['council']).pk}/",
        SENATE_TEAM,
    ),
    ("profile:view", lambda c: "/profile/", {"council", "assembly"}),
    ("profile:edit", lambda c: "/profile/change/", {"council", "assembly"}),
]
# Pages reached only by a form post or a one-time link; their access is tested where they are used.
NOT_GET_PAGES = {"accounts:sign_out", "accounts:password_reset_confirm", "accounts:revoke_api_token"}


def _app_matrices():
    """Each app may keep its own pages' matrix in `senate/<app>/tests/access.py` (PAGES and NOT_GET_PAGES)."""
    for app in pkgutil.iter_modules(senate.__path__):
        try:
            module = importlib.import_module(f"senate.{app.name}.tests.access")
        except ModuleNotFoundError:
            continue
        yield module


for _module in _app_matrices():
    PAGES += list(getattr(_module, "PAGES", []))
    NOT_GET_PAGES |= set(getattr(_module, "NOT_GET_PAGES", set()))


def _all_views(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _all_views(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry.callback


def test_every_page_declares_who_may_use_it():
    undeclared = [
        name
        for name, view in _all_views()
        if not name.startswith(("admin:", "api:")) and not hasattr(view, "senate_access")
    ]
    assert undeclared == []


def test_every_page_is_in_the_matrix():
    names = {name for name, _ in _all_views() if not name.startswith(("admin:", "api:"))}
    assert names - {p[0] for p in PAGES} - NOT_GET_PAGES == set()


@pytest.mark.parametrize("name,path,allowed", PAGES, ids=[p[0] for p in PAGES])
def test_page_access(client, cast, name, path, allowed):
    """Every role, and an anonymous visitor, is let in or refused exactly as the page declares. One test
    per page asks as each of them in turn (the page's records made once), and names everyone it got wrong."""
    url = path(cast)
    wrong = []
    for who in [*ALL_ROLES, "anonymous"]:
        client.logout()
        if who != "anonymous":
            client.force_login(cast[who])
        response = client.get(url)
        if allowed == "public" or who in allowed:
            if response.status_code != 200:
                wrong.append(f"{who} should open {url} (got {response.status_code})")
        elif who == "anonymous":
            if response.status_code != 302 or "/account/sign-in/" not in response["Location"]:
                wrong.append(f"an anonymous visitor should be sent to sign in from {url} (got {response.status_code})")
        elif response.status_code not in (403, 404):
            wrong.append(f"{who} must be refused {url} (got {response.status_code})")
        elif b"Sarah Manager" in response.content and who != "manager":
            wrong.append(f"{who} was refused {url} but shown the manager's name")
    assert not wrong, "\n".join(wrong)


def test_the_other_senates_manager_cannot_see_this_senates_members(client, cast):
    client.force_login(cast["other_manager"])
    assert client.get("/south-west/members/").status_code == 403
    assert client.get("/london/members/").status_code == 200


def test_django_admin_is_for_system_administrators_only(client, cast):
    cast["manager"].is_staff = True  # even a staff flag alone is not enough
    cast["manager"].save()
    client.force_login(cast["manager"])
    assert client.get("/admin/").status_code == 302
    client.force_login(cast["admin"])
    assert client.get("/admin/").status_code == 200


def _all_routes(resolver=None, namespace="", prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _all_routes(entry, ns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern), entry.callback


def test_every_page_that_names_a_record_is_served_it_by_the_framework():
    """Access by construction: a page whose address names a record (`<int:pk>`) and that needs a
    permission declares the record it serves (requires(permission, on=…)); the framework then finds it
    and checks the permission on it before the view runs. Public pages and a person's own pages decide
    for themselves."""
    unserved = [
        name
        for name, route, view in _all_routes()
        if "<int:pk>" in route
        and not name.startswith(("admin:", "api:"))
        and str(getattr(view, "senate_access", "")).startswith("permission:")
        and getattr(view, "senate_serves", None) is None
    ]
    assert unserved == []


def test_a_page_that_names_a_record_without_serving_it_is_refused(rf, cast):
    from django.core.exceptions import PermissionDenied

    from senate.core.access import requires
    from senate.core.middleware import LoginRequiredMiddleware

    @requires(ReviewsPermission.VIEW_REQUESTS)
    def careless(http, senate, pk):  # loads whatever pk names, checking only the Senate
        raise AssertionError("must not run")

    request = rf.get("/south-west/requests/1/")
    request.user = cast["manager"]
    middleware = LoginRequiredMiddleware(lambda r: None)
    with pytest.raises(PermissionDenied, match="names a record"):
        middleware.process_view(request, careless, (), {"senate": "south-west", "pk": 1})
