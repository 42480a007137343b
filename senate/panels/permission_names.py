"""The named permissions of expert panels."""

from enum import StrEnum


class PanelsPermission(StrEnum):
    MANAGE = "panels.manage"  # specify panels, see candidates, run the optimiser, deploy, ask for loans
    VIEW_PANEL = "panels.view_panel"  # see a request's final panel
    DECIDE_LOANS = "panels.decide_loans"  # answer other Senates' loan requests
    OWN = "panels.own"  # a member's own invitations and panel settings
    ANSWER = "panels.answer"  # asked of one seat: the invited member's own (lent members too)
