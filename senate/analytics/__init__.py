"""Numeric cores with no Django import: each a package with dataclass inputs and outputs."""
