"""`senate report annual --senate south-west --year 2026 [--format pdf|docx] [--output PATH]`: a Senate's
annual report for the financial year starting in April of --year; `--national` for the summary of
every Senate instead of one."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = (
        "Produce an annual report: `senate report annual --senate SLUG --year 2026` (the year 1 April 2026 to "
        "31 March 2027), or `--national` for every Senate side by side; as PDF (the default) or DOCX."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["annual"])
        parser.add_argument("--senate", help="the Senate's short name, e.g. south-west")
        parser.add_argument("--national", action="store_true", help="every Senate side by side")
        parser.add_argument("--year", type=int, required=True, help="the year the report's April starts in")
        parser.add_argument("--format", choices=["pdf", "docx"], default="pdf", dest="fmt")
        parser.add_argument("--output", help="the file to write (default: <senate>-annual-report-<year>.<format>)")

    def handle(
        self,
        *args: object,
        senate: str | None,
        national: bool,
        year: int,
        fmt: str,
        output: str | None,
        **options: object,
    ) -> None:
        from senate.organisations.models import Senate
        from senate.reports.rendering import to_docx, to_pdf
        from senate.statistics import annual
        from senate.statistics.period import Year

        april = Year(year)
        if national == bool(senate):
            raise CommandError("Name one Senate with --senate, or ask for --national.")
        if national:
            doc, name = annual.national_report(april), "national"
        else:
            chosen = Senate.objects.filter(slug=senate).first()
            if chosen is None:
                known = ", ".join(Senate.objects.order_by("slug").values_list("slug", flat=True))
                raise CommandError(f"There is no Senate called {senate}. Known: {known}.")
            doc, name = annual.senate_report(chosen, april), chosen.slug
        path = Path(output or f"{name}-annual-report-{april.label.replace('/', '-')}.{fmt}")
        path.write_bytes(to_pdf(doc) if fmt == "pdf" else to_docx(doc))
        self.stdout.write(f"Wrote the annual report {april.label} for {doc.senate_name} to {path}.")
