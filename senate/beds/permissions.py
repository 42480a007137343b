"""Who may use a request's bed models. Predicates take (user, request).

The Senate team (manager, Chair, Vice-chair) and the request's panel build and run models; the
requester's contacts read the results of their own organisation's requests (queries.py shows them
finished models only). Nobody else: Council members and the assurance viewer see the report instead."""

import rules

from senate.accounts.permission_names import DESCRIPTIONS
from senate.accounts.permissions import asked_by_name, is_senate_team
from senate.beds.permission_names import BedsPermission as P
from senate.reviews.permissions import acts_for_requester, may_see_request

# The panels app sits beside beds in the import order, so its rule is asked by name, and only when it
# is installed.
on_the_panel = asked_by_name("panels.on_the_panel")


# Asked of the request, so both start with may_see_request (an unsent draft is the requester's alone).
rules.add_perm(P.EDIT, may_see_request & (is_senate_team | on_the_panel))
rules.add_perm(P.VIEW, may_see_request & (is_senate_team | on_the_panel | acts_for_requester))

DESCRIPTIONS.update(
    {
        P.VIEW: "see this request's bed models",
        P.EDIT: "build and run bed models for this request",
    }
)
