from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "senate.search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from senate.search import following

        following.connect()
