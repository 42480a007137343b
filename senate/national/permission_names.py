"""The named permissions of the national view. The national advice log is public and asks none."""

from enum import StrEnum


class NationalPermission(StrEnum):
    VIEW_NATIONAL_FIGURES = "national.view_national_figures"
    VIEW_ISSUED_ADVICE = "national.view_issued_advice"
    VIEW_ASSURANCE_ACROSS = "national.view_assurance_across"
