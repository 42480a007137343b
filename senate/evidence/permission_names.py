"""The named permissions of evidence and fieldwork. Object-level: each takes the request."""

from enum import StrEnum


class EvidencePermission(StrEnum):
    VIEW = "evidence.view"
    ASK = "evidence.ask"
    UPLOAD_AS_REQUESTER = "evidence.upload_as_requester"
    ADD_OWN = "evidence.add_own"
    VIEW_ACCESS_LOG = "evidence.view_access_log"
    VIEW_FIELDWORK = "evidence.view_fieldwork"
    RECORD_FIELDWORK = "evidence.record_fieldwork"
