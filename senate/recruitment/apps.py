from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "senate.recruitment"
    label = "recruitment"
    verbose_name = "Recruitment and appointment"
