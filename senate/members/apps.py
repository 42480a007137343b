from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "senate.members"
    label = "members"
    verbose_name = "Council and Assembly members"
