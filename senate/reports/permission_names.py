"""The named permissions of the assessment and the report."""

from enum import StrEnum


class ReportsPermission(StrEnum):
    VIEW_FRAMEWORK = "reports.view_framework"
    EDIT_FRAMEWORK = "reports.edit_framework"
    VIEW_ASSESSMENT = "reports.view_assessment"
    PICK_CRITERIA = "reports.pick_criteria"
    RECORD_VIEW = "reports.record_view"
    RECORD_JUDGEMENT = "reports.record_judgement"
    WRITE_REPORT = "reports.write_report"
    VIEW_REPORT = "reports.view_report"
    VIEW_VERSION = "reports.view_version"  # asked of one ReportDraft
    COMMENT_ON_ACCURACY = "reports.comment_on_accuracy"
    ANSWER_ACCURACY = "reports.answer_accuracy"
