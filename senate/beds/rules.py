"""Who may use a request's bed models. Predicates take (user, request).

The Senate team (manager, Chair, Vice-chair) and the request's panel build and run models; the
requester's contacts read the results of their own organisation's requests (queries.py shows them
finished models only). Nobody else: Council members and the assurance viewer see the report instead."""

import importlib
from typing import Any

import rules
from django.apps import apps

from senate.accounts.permissions import DESCRIPTIONS
from senate.beds.permissions import BedsPermission as P
from senate.reviews.rules import acts_for_requester, may_see_request, runs_the_senate


@rules.predicate
def on_the_panel(user: Any, request: Any) -> bool:
    """The panels app sits below beds in the import order, so it is looked up by name, as
    reviews.sections does, and only when it is installed."""
    if request is None or not hasattr(request, "senate_id") or not apps.is_installed("senate.panels"):
        return False
    membership = importlib.import_module("senate.panels.membership")
    return bool(membership.is_on_panel(user, request))


# Asked of the request, so both start with may_see_request (an unsent draft is the requester's alone).
rules.add_perm(P.EDIT, may_see_request & (runs_the_senate | on_the_panel))
rules.add_perm(P.VIEW, may_see_request & (runs_the_senate | on_the_panel | acts_for_requester))

DESCRIPTIONS.update(
    {
        P.VIEW: "see this request's bed models",
        P.EDIT: "build and run bed models for this request",
    }
)
