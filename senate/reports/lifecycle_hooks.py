"""The report's conditions on the request's lifecycle (installed from AppConfig.ready()):
a draft report before 'draft report ready' (a written letter before 'letter of advice drafted'); sending it opens the factual-accuracy round; the report
is revised only when every comment is answered, which closes the round."""

from typing import Any

from senate.reviews import lifecycle


def _has_draft(request: Any) -> str | None:
    return None if request.report_drafts.exists() else "Write a draft of the report first."


def _has_letter(request: Any) -> str | None:
    return None if request.report_drafts.exists() else "Write the letter of advice first."


def _comments_answered(request: Any) -> str | None:
    from senate.reports.accuracy import unanswered

    waiting = unanswered(request)
    return f"{waiting} factual-accuracy comment(s) still need an answer." if waiting else None


def _open_round(request: Any, *, by: Any, reason: str = "") -> None:
    from senate.reports.accuracy import open_for

    try:
        open_for(request, by=by)
    except ValueError as refused:
        raise lifecycle.TransitionRefused(str(refused)) from None


def _close_round(request: Any, *, by: Any, reason: str = "") -> None:
    from senate.reports.accuracy import close

    close(request)


def install() -> None:
    lifecycle.add_check("record_draft_report", _has_draft)
    lifecycle.add_check("send_for_factual_accuracy", _has_draft)
    lifecycle.add_check("record_advice_drafted", _has_letter)
    lifecycle.add_consequence("send_for_factual_accuracy", _open_round)
    lifecycle.add_check("record_report_revised", _comments_answered)
    lifecycle.add_consequence("record_report_revised", _close_round)
