from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "senate.search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from senate.core import registry
        from senate.reviews.sections import SECTIONS
        from senate.search import following, sections

        following.connect()
        registry.register(SECTIONS, sections.links, order=100)
