"""Declarations of interest for the demo world: most current members have declared (some nil returns,
some gifts, a few entries withheld with reasons, some changed since), some never have, and some
annual returns are overdue, so the register and the manager's pages look like a real Senate's."""

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.utils import timezone

from senate.accounts.models import User
from senate.demo.names import TOWNS
from senate.interests.due import annual_cycle
from senate.interests.models import (
    Category,
    Declaration,
    DeclarationVersion,
    Kind,
    PublicationDecision,
    WithholdingGrounds,
)
from senate.members.models import Expertise, MemberProfile, Membership
from senate.organisations.models import Organisation

COMPANIES = [
    "Medtech Devices Ltd",
    "Harbour Health Partners LLP",
    "Clearview Diagnostics plc",
    "Wessex Clinical Consulting",
    "Northgate Pharma UK",
    "Peninsula Private Hospital",
    "Riverside Care Homes Ltd",
    "Atlas Digital Health",
]
NATURES = {
    Category.FINANCIAL: [
        "Paid advisory role",
        "Shareholding (more than 5%)",
        "Sessional private practice",
        "Non-executive director, paid",
        "Research funding as principal investigator",
    ],
    Category.PROFESSIONAL: [
        "Clinical lead for a regional network",
        "Member of a national guideline committee",
        "Honorary senior lecturer",
        "Trustee of a professional body",
    ],
    Category.PERSONAL: [
        "Trustee of a local hospice charity",
        "Governor of a local school",
        "Member of a patient campaign group",
    ],
    Category.INDIRECT: ["Director of a supplier", "Works as a consultant at the trust", "Partner in a GP practice"],
}
RELATIONSHIPS = ["my spouse", "my partner", "my brother", "my sister", "my daughter", "a close friend"]
WITHHOLDING = [
    (WithholdingGrounds.SAFETY, "The member's home address would be identifiable; real risk of harm."),
    (WithholdingGrounds.PRIVACY, "Relates to a family member's health; overriding privacy interest."),
]


def build(rng: random.Random, *, today: dt.date) -> dict[str, int]:
    """Declarations for the current members of every Senate, deterministic from `rng`."""
    profiles = list(
        MemberProfile.objects.filter(pk__in=Membership.objects.current(today).values("profile_id"))
        .select_related("user", "region")
        .prefetch_related("expertise")
        .order_by("pk")
    )
    world = _World(rng, today, list(Organisation.objects.filter(is_synthetic=True).order_by("code")))
    for profile in profiles:
        world.declare_for(profile)
    return world.save()


class _World:
    def __init__(self, rng: random.Random, today: dt.date, orgs: list[Organisation]) -> None:
        self.rng, self.today = rng, today
        self.cycle_start = annual_cycle(today, 4)[0]
        self.orgs_by_region: dict[int | None, list[Organisation]] = {}
        for org in orgs:
            self.orgs_by_region.setdefault(org.region_id, []).append(org)
        self.specialties = {e.pk: e for e in Expertise.objects.filter(kind=Expertise.Kind.SPECIALTY)}
        self.declarations: list[tuple[Declaration, list[DeclarationVersion], list[int]]] = []
        self.withheld: list[tuple[Declaration, tuple[str, str]]] = []
        self.admin = User.objects.filter(is_superuser=True).order_by("pk").first()

    def declare_for(self, profile: MemberProfile) -> None:
        if profile.user.email == "assembly@demo.senate.example":
            # The demo Assembly member made a nil return this year, so they may sit on a panel (only
            # members who have declared may be invited). No random draw, so the rest of the world is
            # as it was.
            when = timezone.make_aware(dt.datetime.combine(self.today, dt.time(9, 0)))
            self._add(profile, Kind.NIL, when, {"nature": "No interests to declare", "started_on": self.today})
            return
        roll = self.rng.random()
        if roll < 0.08 and profile.user.email.startswith("member"):
            return  # never declared (the printed demo sign-ins always have)
        when = self._when(overdue=self.rng.random() < 0.12)
        if roll < 0.30:
            self._add(profile, Kind.NIL, when, {"nature": "No interests to declare", "started_on": when.date()})
            return
        for _ in range(self.rng.choice([1, 1, 2, 3])):
            self._interest(profile, when)
        if self.rng.random() < 0.12:
            self._gift(profile, when)

    def _when(self, *, overdue: bool) -> dt.datetime:
        if overdue:
            day = self.cycle_start - dt.timedelta(days=self.rng.randint(20, 300))
        else:
            day = self.today - dt.timedelta(days=self.rng.randint(0, max(0, (self.today - self.cycle_start).days)))
        return timezone.make_aware(
            dt.datetime.combine(day, dt.time(9 + self.rng.randint(0, 8), self.rng.randint(0, 59)))
        )

    def _interest(self, profile: MemberProfile, when: dt.datetime) -> None:
        category = self.rng.choices(list(NATURES), weights=[4, 4, 2, 1])[0]
        fields: dict[str, Any] = {
            "category": category,
            "nature": self.rng.choice(NATURES[category]),
            "started_on": when.date() - dt.timedelta(days=self.rng.randint(30, 2500)),
            "may_publish": self.rng.random() > 0.05,
        }
        fields |= self._body(profile)
        if category == Category.INDIRECT:
            fields["relationship"] = self.rng.choice(RELATIONSHIPS)
        if self.rng.random() < 0.3:
            fields["places"] = self.rng.choice(TOWNS)
        services = [e.pk for e in profile.expertise.all() if e.pk in self.specialties][: self.rng.randint(0, 1)]
        declaration = self._add(profile, Kind.INTEREST, when, fields, services)
        if self.rng.random() < 0.015:
            self.withheld.append((declaration, self.rng.choice(WITHHOLDING)))

    def _body(self, profile: MemberProfile) -> dict[str, Any]:
        local = self.orgs_by_region.get(profile.region_id) or []
        if local and self.rng.random() < 0.5:
            return {"organisation": self.rng.choice(local), "organisation_name": ""}
        return {"organisation": None, "organisation_name": self.rng.choice(COMPANIES)}

    def _gift(self, profile: MemberProfile, when: dt.datetime) -> None:
        kind = self.rng.choice([Kind.GIFT, Kind.HOSPITALITY])
        nature = "Conference dinner" if kind == Kind.HOSPITALITY else "Textbook from a publisher"
        fields = {
            "nature": nature,
            "organisation": None,
            "organisation_name": self.rng.choice(COMPANIES),
            "value": Decimal(self.rng.choice([5, 18, 35, 60, 90])),
            "accepted": self.rng.random() < 0.7,
            "started_on": when.date() - dt.timedelta(days=self.rng.randint(1, 20)),
            "may_publish": True,
        }
        self._add(profile, kind, when, fields)

    def _add(
        self,
        profile: MemberProfile,
        kind: str,
        when: dt.datetime,
        fields: dict[str, Any],
        services: list[int] | None = None,
    ) -> Declaration:
        declaration = Declaration(profile=profile, kind=kind, created_at=when)
        versions = [DeclarationVersion(number=1, recorded_at=when, recorded_by=profile.user, **fields)]
        if kind == Kind.INTEREST and self.rng.random() < 0.1:
            later = min(when + dt.timedelta(days=self.rng.randint(10, 200)), timezone.now())
            versions[0].superseded_at = later
            changed = {**fields, "nature": fields["nature"] + " (hours reduced)"}
            versions.append(
                DeclarationVersion(
                    number=2, recorded_at=later, recorded_by=profile.user, note="Changed by the member", **changed
                )
            )
        self.declarations.append((declaration, versions, services or []))
        return declaration

    def save(self) -> dict[str, int]:
        Declaration.objects.bulk_create([d for d, _v, _s in self.declarations])
        versions = []
        for declaration, rows, _s in self.declarations:
            for version in rows:
                version.declaration = declaration
                versions.append(version)
        DeclarationVersion.objects.bulk_create(versions, batch_size=2000)
        through = DeclarationVersion.services.through
        through.objects.bulk_create(
            [
                through(declarationversion_id=rows[-1].pk, expertise_id=e)
                for _d, rows, services in self.declarations
                for e in services
            ],
            batch_size=2000,
        )
        self._withhold()
        return {"declarations": len(self.declarations), "versions": len(versions), "withheld": len(self.withheld)}

    def _withhold(self) -> None:
        if self.admin is None:
            return
        for declaration, (grounds, reason) in self.withheld:
            PublicationDecision.objects.create(
                declaration=declaration, withheld=True, grounds=grounds, reason=reason, by=self.admin
            )
            declaration.withheld, declaration.withheld_grounds = True, grounds
        Declaration.objects.bulk_update([d for d, _g in self.withheld], ["withheld", "withheld_grounds"])
