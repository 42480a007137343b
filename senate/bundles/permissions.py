"""Who may make a request's case bundle: the Senate team (manager, Chair, Vice Chair), who answer for
the Senate's record in a judicial review. Like every permission asked of a request, it starts with
may_see_request, so an unsent draft has no bundle."""

import rules

from senate.accounts.permission_names import DESCRIPTIONS
from senate.accounts.permissions import is_senate_team
from senate.bundles.permission_names import BundlesPermission as P
from senate.reviews.permissions import may_see_request

rules.add_perm(P.MAKE_BUNDLE, may_see_request & is_senate_team)

DESCRIPTIONS.update({P.MAKE_BUNDLE: "make this request's case bundle (the Senate team only)"})
