from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "senate.organisations"
    label = "organisations"
    verbose_name = "Regions, Senates and organisations"
