"""`requires(permission, on=…)`: the framework finds the record the URL names, checks the permission on
that record, and only then runs the view with it (ADR 0005)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse

from senate.core.access import Served, requires

RECORDS = {1: {"owner": "ann"}, 2: {"owner": "bob"}}
CALLS: list[dict] = []


def _find(http, pk):
    return RECORDS.get(pk)


THING = Served(name="thing", key="pk", find=_find, missing="There is no such thing.")


class Person:
    is_authenticated = True

    def __init__(self, name: str) -> None:
        self.name = name

    def has_perm(self, permission: str, obj=None) -> bool:
        return obj is not None and obj.get("owner") == self.name


@requires("things.view", on=THING)
def thing_page(http, thing):
    CALLS.append(thing)
    return HttpResponse(thing["owner"])


def _http(rf, who: str):
    http = rf.get("/")
    http.user, http.senate = Person(who), None
    return http


def test_the_view_gets_the_record_only_after_the_permission_is_checked_on_it(rf):
    CALLS.clear()
    assert thing_page(_http(rf, "ann"), pk=1).content == b"ann"
    with pytest.raises(PermissionDenied):
        thing_page(_http(rf, "ann"), pk=2)
    with pytest.raises(Http404, match="There is no such thing"):
        thing_page(_http(rf, "ann"), pk=3)
    assert CALLS == [{"owner": "ann"}]  # the refused and the missing record never reached the view


def test_a_view_that_cannot_take_the_record_by_name_is_refused_when_declared():
    with pytest.raises(TypeError, match="first parameter"):

        @requires("things.view", on=Served(name="request", key="pk", find=_find, missing=""))
        def careless(request, pk):  # noqa: ARG001
            return HttpResponse()


def test_only_a_served_kind_of_record_may_be_named():
    with pytest.raises(TypeError, match="Served record kind"):
        requires("things.view", on="request")  # type: ignore[arg-type]
