from django.apps import AppConfig


class BundlesConfig(AppConfig):
    name = "senate.bundles"
    label = "bundles"
    verbose_name = "Case bundles"

    def ready(self) -> None:
        from senate.bundles import rules  # noqa: F401
