"""Who may open the Senate-wide pages of organisations (discovered by tests/test_page_access.py). The
audit trail is the Senate team's alone: not a system administrator, who reads no case file."""

PAGES = [
    ("organisations:audit_trail", lambda cast: "/south-west/audit/", {"manager", "chair"}),
]
