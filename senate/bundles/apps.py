from django.apps import AppConfig


class BundlesConfig(AppConfig):
    name = "senate.bundles"
    label = "bundles"
    verbose_name = "Case bundles"

    def ready(self) -> None:
        from senate.bundles import permissions, sections  # noqa: F401 (permissions grants on import)
        from senate.core import registry
        from senate.reviews.sections import SECTIONS

        registry.register(SECTIONS, sections.links, order=70)
