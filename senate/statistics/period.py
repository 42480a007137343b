"""The year a dashboard or annual report covers: an NHS financial year, 1 April to 31 March, named by
the year it starts in (2026 is 2026/27), as Senates' annual reports are."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class Year:
    start_year: int

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.start_year, 4, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.start_year + 1, 3, 31)

    @property
    def label(self) -> str:
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def long_label(self) -> str:
        return f"{self.label} (1 April {self.start_year} to 31 March {self.start_year + 1})"

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """Aware datetimes: the first moment of the year and the first moment after it."""
        zone = timezone.get_current_timezone()
        start = dt.datetime.combine(self.first_day, dt.time.min, tzinfo=zone)
        return start, dt.datetime.combine(self.last_day + dt.timedelta(days=1), dt.time.min, tzinfo=zone)

    def quarter(self, day: dt.date) -> int:
        """1 for April to June, … 4 for January to March."""
        return ((day.month - 4) % 12) // 3 + 1

    def quarters(self) -> list[tuple[dt.date, dt.date]]:
        """The first and last day of each quarter, April to June first."""
        starts = [dt.date(self.start_year, m, 1) for m in (4, 7, 10)] + [dt.date(self.start_year + 1, 1, 1)]
        ends = [s - dt.timedelta(days=1) for s in starts[1:]] + [self.last_day]
        return list(zip(starts, ends, strict=True))

    def contains(self, day: dt.date) -> bool:
        return self.first_day <= day <= self.last_day


def year_of(day: dt.date) -> Year:
    return Year(day.year if day.month >= 4 else day.year - 1)


QUARTERS = ["April to June", "July to September", "October to December", "January to March"]
