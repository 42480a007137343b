from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    name = "senate.assurance"
    label = "assurance"
    verbose_name = "Service-change assurance, honest-broker work and partners"

    def ready(self) -> None:
        from senate.assurance import partners, rules  # noqa: F401
        from senate.reviews import lifecycle

        lifecycle.add_consequence("redirect", partners.on_redirect)
