"""Lifecycle checks this app adds to the request's acts (installed from PanelsConfig.ready)."""

from senate.reviews import lifecycle


def panel_recruited_check(request) -> str | None:
    """'Panel recruited' needs a specification and at least its minimum of accepted members."""
    from senate.panels.models import PanelMember, PanelSpec

    spec = PanelSpec.objects.filter(request=request).first()
    if spec is None:
        return "Set the panel specification before recording the panel as recruited"
    accepted = PanelMember.objects.filter(request=request, status=PanelMember.Status.ACCEPTED).count()
    if accepted < spec.min_size:
        return f"The panel needs at least {spec.min_size} members who have accepted; {accepted} have so far"
    return None


def install() -> None:
    lifecycle.add_check("record_panel_recruited", panel_recruited_check)
