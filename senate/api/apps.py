from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "senate.api"
    label = "api"
    verbose_name = "REST API"
