"""Who may open the dashboard, its downloads and the annual report (discovered by
tests/test_page_access.py): the Senate team only; the national dashboard and its downloads, NHS
England's national team only."""

PAGES = [
    ("statistics:dashboard", lambda cast: "/south-west/statistics/", {"manager", "chair"}),
    (
        "statistics:download",
        lambda cast: "/south-west/statistics/download/?table=requests-by-stage&format=csv",
        {"manager", "chair"},
    ),
    ("statistics:annual", lambda cast: "/south-west/statistics/annual-report/", {"manager", "chair"}),
    (
        "statistics:annual_document",
        lambda cast: "/south-west/statistics/annual-report/download/?format=docx",
        {"manager", "chair"},
    ),
    ("national_statistics:dashboard", lambda cast: "/national/dashboard/", {"national"}),
    (
        "national_statistics:download",
        lambda cast: "/national/dashboard/download/?table=turnaround&format=csv",
        {"national"},
    ),
]
