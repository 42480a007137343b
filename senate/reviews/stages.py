"""The stages of a request for advice, from docs/domain.md §9.2. The transitions between them
are in lifecycle.py, in one table."""

from django.db import models


class Stage(models.TextChoices):
    DRAFT = "draft", "Draft (not yet sent)"
    RECEIVED = "received", "Received"
    MORE_INFORMATION = "more_information", "More information requested"
    ACCEPTED = "accepted", "Accepted"
    REDIRECTED = "redirected", "Redirected elsewhere"
    DECLINED = "declined", "Declined"
    TOR_DRAFTED = "tor_drafted", "Terms of reference drafted"
    TOR_AGREED = "tor_agreed", "Terms of reference agreed with requester"
    TOR_APPROVED = "tor_approved", "Terms of reference approved"
    PANEL_RECRUITED = "panel_recruited", "Panel recruited"
    EVIDENCE_RECEIVED = "evidence_received", "Evidence pack received"
    DESKTOP_REVIEW = "desktop_review", "Desktop review"
    FIELDWORK = "fieldwork", "Site visits and interviews"
    PANEL_MEETING = "panel_meeting", "Panel meeting held"
    DRAFT_REPORT = "draft_report", "Draft report"
    FACTUAL_ACCURACY = "factual_accuracy", "Factual accuracy check by requester"
    REPORT_REVISED = "report_revised", "Report revised"
    ADVICE_DRAFTED = "advice_drafted", "Letter of advice drafted"
    APPROVED = "approved", "Approved for issue"
    ISSUED = "issued", "Issued to requester"
    PUBLISHED = "published", "Published"
    RESPONSE_RECEIVED = "response_received", "Requester's response received"
    FOLLOW_UP = "follow_up", "Follow-up"
    CLOSED = "closed", "Closed"
    PAUSED = "paused", "Paused"
    WITHDRAWN = "withdrawn", "Withdrawn"


FINISHED = frozenset({Stage.CLOSED, Stage.WITHDRAWN, Stage.DECLINED, Stage.REDIRECTED})
