from django.apps import AppConfig


class BedsConfig(AppConfig):
    name = "senate.beds"
    label = "beds"
    verbose_name = "Bed test models"

    def ready(self) -> None:
        from senate.beds import (
            permissions,  # noqa: F401 (permissions grants on import)
            sections,
        )
        from senate.core import registry
        from senate.reviews.sections import SECTIONS

        registry.register(SECTIONS, sections.links, order=40)
