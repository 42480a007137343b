"""The problem example printed in docs/formats/panel-instance.md, verbatim, and a completed version.

The printed example is abridged: its conflict names M0007, who is not among its members, so by the
format's own rule it is refused. `completed()` adds the members the example leaves out.
"""

from __future__ import annotations

import copy
from typing import Any

PRINTED: dict[str, Any] = {
    "format": "senate-panel-problem/1",
    "members": [
        {
            "id": "M0001",
            "region": "south-west",
            "organisations": ["RA7", "QUY"],
            "skills": ["emergency-medicine", "consultant"],
            "max_panels": 2,
        }
    ],
    "reviews": [
        {
            "id": "R001",
            "region": "south-west",
            "affected_organisations": ["RA7", "QUY"],
            "panel_min": 6,
            "panel_max": 9,
            "out_of_region": False,
            "requirements": [
                {"skill": "patient-public-voice", "min": 1},
                {"skill": "emergency-medicine", "min": 2},
            ],
        }
    ],
    "conflicts": [["M0007", "R001"]],
    "affinity": [["M0001", "R001", 0.82]],
}


def completed() -> dict[str, Any]:
    doc = copy.deepcopy(PRINTED)
    regions = ("south-west", "london", "midlands")
    skills = (["patient-public-voice"], ["emergency-medicine", "consultant"], ["nurse"], ["emergency-medicine"])
    for i in range(2, 13):
        doc["members"].append(
            {
                "id": f"M{i:04d}",
                "region": regions[i % 3],
                "organisations": [f"R{i % 4}X"],
                "skills": skills[i % 4],
                "max_panels": 1 + i % 2,
            }
        )
        doc["affinity"].append([f"M{i:04d}", "R001", round(0.07 * i, 2)])
    return doc
