"""Seeded, realistic panel-assembly problems for the benchmark (not test fixtures).

A national pool of clinical senate members: 7 regions, 42 organisations (6 per region), a skills
vocabulary of 40 codes (11 professions incl. patient-public-voice and consultant, 29 specialties), most
members able to sit on 1-3 panels. Reviews ask for 2-4 counted skills, about 1 in 5 must be out of
region, and affinity is sparse: a recommender's shortlist of a few dozen members per review, concentrated
on the review's topic and required skills.
"""

from __future__ import annotations

import numpy as np

REGIONS = (
    "north-east-and-yorkshire",
    "north-west",
    "midlands",
    "east-of-england",
    "london",
    "south-east",
    "south-west",
)
REGION_WEIGHTS = (0.15, 0.13, 0.19, 0.11, 0.16, 0.16, 0.10)
PROFESSIONS = {
    "consultant": 0.27,
    "nurse": 0.16,
    "general-practitioner": 0.10,
    "allied-health-professional": 0.09,
    "patient-public-voice": 0.10,
    "pharmacist": 0.05,
    "paramedic": 0.04,
    "social-care": 0.05,
    "public-health": 0.05,
    "commissioner": 0.05,
    "clinical-scientist": 0.04,
}
SPECIALTIES = (
    "emergency-medicine", "acute-medicine", "cardiology", "stroke", "maternity", "paediatrics",
    "mental-health", "cancer", "general-surgery", "orthopaedics", "critical-care", "renal",
    "respiratory", "diabetes", "frailty", "palliative-care", "radiology", "pathology", "neurology",
    "ophthalmology", "urology", "anaesthetics", "learning-disability", "community-services",
    "primary-care", "vascular", "gastroenterology", "dermatology", "sexual-health",
)  # fmt: skip
EXTRA_RULES = ("consultant", "nurse", "general-practitioner", "social-care", "pharmacist", "paramedic")


def generate(n_members: int, n_reviews: int, seed: int = 2024) -> dict:
    """A `senate-panel-problem/1` document."""
    rng = np.random.default_rng(seed)
    orgs = [f"{chr(65 + r)}{k:02d}" for r in range(len(REGIONS)) for k in range(6)]
    members, skills = _members(rng, n_members, orgs)
    reviews = [_review(rng, i, orgs) for i in range(n_reviews)]
    affinity, conflicts = _affinity_and_conflicts(rng, reviews, skills)
    return {
        "format": "senate-panel-problem/1",
        "members": members,
        "reviews": reviews,
        "conflicts": conflicts,
        "affinity": affinity,
    }


def _zipf_weights(n: int) -> np.ndarray:
    weights = 1.0 / np.arange(1, n + 1) ** 0.8
    return weights / weights.sum()


def _members(rng: np.random.Generator, n: int, orgs: list[str]) -> tuple[list[dict], list[set[str]]]:
    regions = rng.choice(len(REGIONS), size=n, p=REGION_WEIGHTS)
    professions = rng.choice(list(PROFESSIONS), size=n, p=list(PROFESSIONS.values()))
    spec_p = _zipf_weights(len(SPECIALTIES))
    max_panels = rng.choice([0, 1, 2, 3], size=n, p=[0.03, 0.32, 0.40, 0.25])
    members, skills = [], []
    for i in range(n):
        voice = professions[i] == "patient-public-voice"
        count = rng.choice([0, 1], p=[0.6, 0.4]) if voice else rng.choice([1, 2], p=[0.6, 0.4])
        held = {str(professions[i]), *(str(s) for s in rng.choice(SPECIALTIES, size=count, replace=False, p=spec_p))}
        own = [orgs[6 * regions[i] + k] for k in rng.choice(6, size=rng.choice([1, 2], p=[0.8, 0.2]), replace=False)]
        members.append(
            {
                "id": f"M{i + 1:05d}",
                "region": REGIONS[regions[i]],
                "organisations": [] if voice else own,
                "skills": sorted(held),
                "max_panels": int(max_panels[i]),
            }
        )
        skills.append(held)
    return members, skills


def _review(rng: np.random.Generator, i: int, orgs: list[str]) -> dict:
    region = int(rng.choice(len(REGIONS), p=REGION_WEIGHTS))
    topic = str(rng.choice(SPECIALTIES, p=_zipf_weights(len(SPECIALTIES))))
    panel_min = int(rng.integers(6, 9))
    rules = {"patient-public-voice": 1} if rng.random() < 0.9 else {}
    rules[topic] = int(rng.integers(1, 3))
    wanted = int(rng.integers(2, 5))
    for extra in rng.permutation(EXTRA_RULES):
        if len(rules) >= wanted:
            break
        rules.setdefault(str(extra), 1)
    affected = rng.choice(6, size=int(rng.integers(1, 4)), replace=False)
    return {
        "id": f"R{i + 1:04d}",
        "region": REGIONS[region],
        "affected_organisations": [orgs[6 * region + k] for k in affected],
        "panel_min": panel_min,
        "panel_max": min(panel_min + int(rng.integers(2, 5)), 12),
        "out_of_region": bool(rng.random() < 0.2),
        "requirements": [{"skill": s, "min": m} for s, m in rules.items()],
    }


def _affinity_and_conflicts(
    rng: np.random.Generator, reviews: list[dict], skills: list[set[str]]
) -> tuple[list[list], list[list[str]]]:
    holders: dict[str, np.ndarray] = {}
    for skill in {s for held in skills for s in held}:
        holders[skill] = np.array([i for i, held in enumerate(skills) if skill in held])
    n = len(skills)
    affinity, conflicts = [], []
    for review in reviews:
        rid = review["id"]
        required = [q["skill"] for q in review["requirements"]]
        pool = np.unique(np.concatenate([holders.get(s, np.zeros(0, int)) for s in required]))
        shortlist = rng.choice(pool, size=min(len(pool), int(rng.integers(30, 80))), replace=False)
        topic = required[1] if len(required) > 1 else required[0]
        for m in shortlist:
            base = 0.45 if topic in skills[m] else 0.2
            affinity.append([f"M{m + 1:05d}", rid, round(base + 0.55 * float(rng.beta(2, 2)), 3)])
        for m in rng.choice(n, size=int(rng.integers(5, 15)), replace=False):
            if m not in shortlist:
                affinity.append([f"M{m + 1:05d}", rid, round(0.05 + 0.25 * float(rng.random()), 3)])
        declared = rng.choice(shortlist, size=max(1, len(shortlist) // 25), replace=False)
        conflicts += [[f"M{m + 1:05d}", rid] for m in declared]
    return affinity, conflicts
