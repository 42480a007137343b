"""The named permissions of recruitment and appointment."""

from enum import StrEnum


class RecruitmentPermission(StrEnum):
    MANAGE = "recruitment.manage"
    VIEW_VACANCY = "recruitment.view_vacancy"
    SCORE = "recruitment.score"
