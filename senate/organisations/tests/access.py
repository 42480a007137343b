"""Who may open the Senate-wide pages of organisations (discovered by tests/test_page_access.py). The
audit trail is the Senate team's alone: not a system administrator, who reads no case file."""

PAGES = [
    ("organisations:audit_trail", lambda cast: "/south-west/audit/", {"manager", "chair"}),
]

EVERYONE_SIGNED_IN = {
    "manager",
    "chair",
    "council",
    "assembly",
    "requester",
    "assurance",
    "admin",
    "no_role",
    "other_manager",
    "national",
}
PAGES += [
    ("organisation_search:search", lambda cast: "/organisations/search/?q=Devon", EVERYONE_SIGNED_IN),
]
