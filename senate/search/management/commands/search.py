"""`senate search reindex`: rebuild the search index from the records, with a progress bar."""

from collections.abc import Iterable
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm


class Command(BaseCommand):
    help = (
        "Search: `reindex` rebuilds the index of every request's documents and who may find them; `published` "
        "indexes again what changes with the date alone (the registers of interests, advice published from "
        "today): run it once a day, with `senate daily`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["reindex", "published"])

    def handle(self, *args: object, action: str, **options: object) -> None:
        from senate.search.indexing import reindex, reindex_published

        if action == "published":
            self.stdout.write(self.style.SUCCESS(reindex_published()))
            return

        def bar(items: Iterable[Any], total: int) -> Any:
            return tqdm(items, desc="Requests indexed", total=total, file=self.stderr._out)

        count = reindex(progress=bar)
        self.stdout.write(self.style.SUCCESS(f"The search index holds {count} documents."))
