"""Benchmark of conflict screening (not a test): the whole Assembly of every Senate against one request.

    .venv/bin/python bench/interests/run.py [--seed N] [--repeat N] [--keep PATH]

Builds the national demo world (about 10,000 members with affiliations and declarations of interest)
in a temporary SQLite database, makes one contentious request from Devon ICB affecting the five
organisations of its area, with two services and three places, then times `screen_many` over every
current Assembly member of all nine Senates. The figure includes reading the request's facts and the
Senate's rules. Target: under a second on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
TARGET_SECONDS = 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=2013)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", help="build (or reuse) the world in this SQLite file instead of a temporary one")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(args.keep) if args.keep else Path(scratch) / "bench.sqlite3"
        _setup_django(path)
        built = _build_world(path, args.seed)
        print(_measure(args.repeat, built))
    return 0


def _setup_django(path: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senate.config.settings")
    import django

    django.setup()


def _build_world(path: Path, seed: int) -> float:
    from django.core.management import call_command

    from senate.demo import world
    from senate.members.models import MemberProfile

    call_command("migrate", verbosity=0)
    if MemberProfile.objects.exists():
        return 0.0
    started = time.perf_counter()
    world.build(scale="national", seed=seed)
    return time.perf_counter() - started


def _request():
    from django.apps import apps

    from senate.accounts.models import User
    from senate.organisations.models import Organisation, Senate

    devon = Organisation.objects.get(code="QJK")
    request_model = apps.get_model("reviews", "Request")
    request = request_model.objects.create(
        senate=Senate.objects.get(slug="south-west"),
        title="Benchmark: reconfiguring acute stroke services",
        kind="formal_review",
        requesting_organisation=devon,
        stage="accepted",
        contentious=True,
        places="Ivybridge, Oakhampton, Porthaven",
        created_by=User.objects.order_by("pk").first(),
    )
    request.affected_organisations.set(Organisation.objects.filter(icb=devon))
    request.service_areas.set(
        apps.get_model("members", "Expertise").objects.filter(code__in=["stroke", "emergency-medicine"])
    )
    return request


def _measure(repeat: int, built: float) -> str:
    from senate.interests.conflict_policy import conflict_policy_for
    from senate.interests.facts import facts_for_request
    from senate.interests.screening import ScreeningPolicy, screen_many
    from senate.members.models import Body, MemberProfile, Membership

    request = _request()
    assembly = MemberProfile.objects.filter(
        pk__in=Membership.objects.current().filter(body=Body.ASSEMBLY).values("profile_id")
    )
    members = assembly.count()
    times, found = [], {}
    for _ in range(repeat):
        started = time.perf_counter()
        found = screen_many(
            assembly, facts_for_request(request), rules=ScreeningPolicy.of(conflict_policy_for(request.senate))
        )
        times.append(time.perf_counter() - started)
    conflicts = sum(len(v) for v in found.values())
    best, median = min(times), statistics.median(times)
    verdict = "within" if median < TARGET_SECONDS else "OVER"
    lines = [
        f"World built in {built:.1f} s" if built else "World reused",
        f"Screened {members:,} Assembly members of all Senates against one request",
        f"  {len(found):,} members with possible conflicts, {conflicts:,} conflicts in all",
        f"  median {median * 1000:.0f} ms, best {best * 1000:.0f} ms over {repeat} runs ({verdict} the {TARGET_SECONDS:.0f} s target)",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
