from django.apps import AppConfig


class BedsConfig(AppConfig):
    name = "senate.beds"
    label = "beds"
    verbose_name = "Bed test models"
