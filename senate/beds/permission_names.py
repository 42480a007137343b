"""The named permissions of bed models. Each is asked of a request for advice."""

from enum import StrEnum


class BedsPermission(StrEnum):
    VIEW = "beds.view_models"
    EDIT = "beds.edit_models"
