"""The types of the people code is written for, so signatures say who they take.

`SignedInRequest` is the web request of a page that only signed-in people reach (every Senate page is
behind the login middleware unless declared public): its `user` is a `User`, never anonymous.
`Visitor` is whoever asked for a page that anyone may open, signed in or not."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from senate.accounts.models import User

Visitor = User | AnonymousUser


class SignedInRequest(HttpRequest):
    """For type checking only: Django makes plain `HttpRequest`s; the login middleware has already
    turned away anyone not signed in before a view that takes this runs."""

    user: User
