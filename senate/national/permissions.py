"""Who may see the national view: NHS England's national team, read-only, every Senate's figures and
its issued advice (never a draft, evidence, a conflict or a panel's work: those pages ask the Senate's
own roles, which the national team does not hold). Issued advice is asked of the request itself,
starting, like every permission asked of a request, with may_see_request."""

import rules

from senate.accounts.permission_names import DESCRIPTIONS
from senate.accounts.permissions import is_national_team
from senate.council.permissions import advice_issued
from senate.national.permission_names import NationalPermission as P
from senate.reviews.permissions import may_see_request

rules.add_perm(P.VIEW_NATIONAL_FIGURES, is_national_team)
rules.add_perm(P.VIEW_ISSUED_ADVICE, may_see_request & advice_issued & is_national_team)
rules.add_perm(P.VIEW_ASSURANCE_ACROSS, is_national_team)

DESCRIPTIONS.update(
    {
        P.VIEW_NATIONAL_FIGURES: "see every Senate's figures side by side (NHS England's national team only)",
        P.VIEW_ISSUED_ADVICE: "read issued advice across every Senate (NHS England's national team only)",
        P.VIEW_ASSURANCE_ACROSS: "see assurance across every Senate's requests (NHS England's national team only)",
    }
)
