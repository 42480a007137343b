from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "senate.demo"
    label = "demo"
    verbose_name = "Demonstration data"
