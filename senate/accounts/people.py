"""The types of the people code is written for, so signatures say who they take.

`SignedInRequest` is the web request of a page that only signed-in people reach (every Senate page is
behind the login middleware unless declared public): its `user` is a `User`, never anonymous.
`Visitor` is whoever asked for a page that anyone may open, signed in or not."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from senate.accounts.models import User

Visitor = User | AnonymousUser


class SignedInRequest(HttpRequest):
    """For type checking only: Django makes plain `HttpRequest`s; the login middleware has already
    turned away anyone not signed in before a view that takes this runs."""

    user: User


def signed_in_person(http: HttpRequest) -> User:
    """Who is signed in, on a page that takes a plain `HttpRequest` but only signed-in people reach
    (Django admin, behind its own login): refused, as any page is, if nobody is."""
    if not isinstance(http.user, User):
        raise PermissionDenied("Sign in to use this page.")
    return http.user
