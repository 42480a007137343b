"""The report's conditions on the request's lifecycle (installed from AppConfig.ready()):
a draft report, and the panel's judgement on every criterion of the terms of reference, before
'draft report ready' (a written letter before 'letter of advice drafted'); sending it opens the factual-accuracy round; the report
is revised only once the requester's window has closed and every comment is answered (an accepted
comment with the version that corrects it), which closes the round."""

from senate.accounts.models import User
from senate.reviews import lifecycle
from senate.reviews.models import Request


def _has_draft(request: Request) -> str | None:
    return None if request.report_drafts.exists() else "Write a draft of the report first."


def _every_criterion_judged(request: Request) -> str | None:
    """Every criterion in the review's terms of reference has the panel's judgement (an approved scope
    listed interdependencies that were never assessed, and the report went ahead without them)."""
    from senate.reports.models import Judgement, ReviewCriterion

    picked = ReviewCriterion.objects.filter(request=request).select_related("criterion")
    judged = set(Judgement.objects.filter(request=request).values_list("criterion_id", flat=True))
    missing = [rc.criterion.title for rc in picked if rc.criterion_id not in judged]
    if not missing:
        return None
    return "The panel has not yet recorded its judgement on: " + "; ".join(missing) + "."


def _has_letter(request: Request) -> str | None:
    return None if request.report_drafts.exists() else "Write the letter of advice first."


def _comments_answered(request: Request) -> str | None:
    from senate.reports.accuracy import unanswered

    waiting = unanswered(request)
    return f"{waiting} factual-accuracy comment(s) still need an answer." if waiting else None


def _window_closed(request: Request) -> str | None:
    """The requester has until the window closes to comment: the report is not revised before then."""
    from senate.reports.accuracy import open_round

    found = open_round(request)
    if found is None:
        return None
    return (
        f"The requester can comment on draft v{found.draft.version} until {found.closes_on:%-d %B %Y}: "
        "mark the report revised once the factual-accuracy window has closed."
    )


def _corrections_made(request: Request) -> str | None:
    from senate.reports.accuracy import uncorrected

    missing = uncorrected(request)
    if not missing:
        return None
    return f"{missing} accepted factual-accuracy comment(s) name no corrected version: answer them again."


def _open_round(request: Request, *, by: User, reason: str = "") -> None:
    from senate.reports.accuracy import open_for

    try:
        open_for(request, by=by)
    except ValueError as refused:
        raise lifecycle.TransitionRefused(str(refused)) from None


def _close_round(request: Request, *, by: User, reason: str = "") -> None:
    from senate.reports.accuracy import close

    close(request)


def install() -> None:
    lifecycle.add_check("record_draft_report", _has_draft)
    lifecycle.add_check("record_draft_report", _every_criterion_judged)
    lifecycle.add_check("send_for_factual_accuracy", _has_draft)
    lifecycle.add_check("record_advice_drafted", _has_letter)
    lifecycle.add_consequence("send_for_factual_accuracy", _open_round)
    lifecycle.add_check("record_report_revised", _comments_answered)
    lifecycle.add_check("record_report_revised", _window_closed)
    lifecycle.add_check("record_report_revised", _corrections_made)
    lifecycle.add_consequence("record_report_revised", _close_round)
