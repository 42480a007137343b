"""The named permissions of requests for advice. Senate-wide ones take the Senate; the rest take the
request and start with may_see_request (an unsent draft is its requester's alone)."""

from enum import StrEnum


class ReviewsPermission(StrEnum):
    SUBMIT_REQUEST = "reviews.submit_request"
    VIEW_REQUESTS = "reviews.view_requests"
    VIEW_WORK_QUEUE = "reviews.view_work_queue"
    SET_SERVICE_LEVELS = "reviews.set_service_levels"
    VIEW_REQUEST = "reviews.view_request"
    VIEW_RECOMMENDATIONS = "reviews.view_recommendations"
    EDIT_DRAFT = "reviews.edit_draft"
    ACT_AS_REQUESTER = "reviews.act_as_requester"
    TRIAGE = "reviews.triage"
    MANAGE_REQUEST = "reviews.manage_request"
    APPROVE = "reviews.approve"
    WITHDRAW = "reviews.withdraw"
    VIEW_HISTORY = "reviews.view_history"
    COMMENT_ON_TERMS = "reviews.comment_on_terms"
    VIEW_JOINT = "reviews.view_joint"
    INVITE_PARTNER = "reviews.invite_partner"
    ANSWER_JOINT = "reviews.answer_joint"
    COMMENT_AS_PARTNER = "reviews.comment_as_partner"
    RECORD_IMPLEMENTATION = "reviews.record_implementation"
