from django.apps import AppConfig


class InterestsConfig(AppConfig):
    name = "senate.interests"
    label = "interests"
    verbose_name = "Declarations of interest and conflicts"
