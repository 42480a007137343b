from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "senate.accounts"
    label = "accounts"
    verbose_name = "People and sign-in"

    def ready(self) -> None:
        from senate.accounts import permissions  # noqa: F401 (permissions grants on import)
