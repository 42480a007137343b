from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "senate.core"
    label = "core"
    verbose_name = "Core"
