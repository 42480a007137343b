"""The named permission of the Senate's statistics. Asked of a Senate."""

from enum import StrEnum


class StatisticsPermission(StrEnum):
    VIEW_STATISTICS = "statistics.view_statistics"
