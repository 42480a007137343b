"""What every CSV export does to its cells (the register of interests, the audit trail)."""


def safe_cell(cell: str) -> str:
    """Spreadsheets run cells that start with these characters as formulas: quote them."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell
