"""Panel assignment for Clinical Senate reviews: an exact optimiser, a greedy baseline and a checker.

No Django here: the web side builds a `Problem` (or reads `senate-panel-problem/1` JSON) and calls
`solve`. See docs/panels/optimiser.md.
"""

from .check import violations
from .format import read_answer, read_problem, write_answer, write_problem
from .greedy import greedy
from .problem import Answer, Member, Problem, ProblemError, Requirement, Review, Shortfall
from .solver import solve
from .suggest import out_of_region_suggestions

__all__ = [
    "Answer",
    "Member",
    "Problem",
    "ProblemError",
    "Requirement",
    "Review",
    "Shortfall",
    "greedy",
    "out_of_region_suggestions",
    "read_answer",
    "read_problem",
    "solve",
    "violations",
    "write_answer",
    "write_problem",
]
