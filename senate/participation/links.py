"""Addresses for the rows of a long list, worked out once per page rather than by a reverse() per row
(a national Senate lists fifty members a page, with two or three links each)."""

from collections.abc import Callable

from django.urls import reverse

# Stand-ins for the row's numbers: reversed once, then each row's numbers are put in their place.
_MARK = 987654300


def row_address(name: str, *fixed: object, numbers: int = 1) -> Callable[..., str]:
    """`row_address("participation:member_record", slug)` gives `f(profile_id)`, the same address as
    `reverse("participation:member_record", args=[slug, profile_id])`."""
    marks = [str(_MARK + i) for i in range(numbers)]
    pieces = [reverse(name, args=[*fixed, *marks])]
    for mark in marks:
        before, after = pieces.pop().split(mark, 1)
        pieces += [before, after]

    def address(*values: int) -> str:
        if len(values) != numbers:
            raise TypeError(f"{name} takes {numbers} numbers, given {len(values)}")
        out = pieces[0]
        for value, piece in zip(values, pieces[1:], strict=True):
            out += f"{int(value)}{piece}"
        return out

    return address
