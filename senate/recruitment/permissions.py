"""Who may do what in recruitment. The Senate team runs it; a selection panel member reads the vacancy's
applications and scores them; applicants have no account and see only their confirmation; nobody else
sees an application."""

import rules

from senate.accounts.models import User
from senate.accounts.permission_names import DESCRIPTIONS
from senate.accounts.permissions import is_senate_team
from senate.recruitment.permission_names import RecruitmentPermission as P


@rules.predicate(name="recruitment.on_the_selection_panel")
def on_the_selection_panel(user: User, vacancy: object) -> bool:
    """Asked of a vacancy: the person sits on its selection panel."""
    panel = getattr(vacancy, "panel", None)
    return bool(panel is not None and user.is_authenticated and panel.filter(profile__user=user).exists())


rules.add_perm(P.MANAGE, is_senate_team)
rules.add_perm(P.VIEW_VACANCY, is_senate_team | on_the_selection_panel)
rules.add_perm(P.SCORE, on_the_selection_panel)

DESCRIPTIONS.update(
    {
        P.MANAGE: "run the Senate's recruitment",
        P.VIEW_VACANCY: "see this vacancy's applications",
        P.SCORE: "score applications for this vacancy",
    }
)
