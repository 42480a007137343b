"""Where a request is in its lifecycle, in order, for rules that say 'from this stage on'."""

from senate.reviews.models import Request
from senate.reviews.stages import Stage

ORDER = [
    Stage.DRAFT, Stage.RECEIVED, Stage.MORE_INFORMATION, Stage.ACCEPTED, Stage.TOR_DRAFTED, Stage.TOR_AGREED,
    Stage.TOR_APPROVED, Stage.PANEL_RECRUITED, Stage.EVIDENCE_RECEIVED, Stage.DESKTOP_REVIEW, Stage.FIELDWORK,
    Stage.PANEL_MEETING, Stage.DRAFT_REPORT, Stage.FACTUAL_ACCURACY, Stage.REPORT_REVISED, Stage.ADVICE_DRAFTED,
    Stage.APPROVED, Stage.ISSUED, Stage.PUBLISHED, Stage.RESPONSE_RECEIVED, Stage.FOLLOW_UP, Stage.CLOSED,
]  # fmt: skip


def at_or_past(request: Request, stage: str) -> bool:
    current = request.stage_before_pause if request.stage == Stage.PAUSED else request.stage
    if current not in ORDER:
        return False
    return ORDER.index(Stage(current)) >= ORDER.index(Stage(stage))
