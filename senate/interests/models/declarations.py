"""The standing register. A Declaration is one interest (or gift, hospitality or nil return) of one
member; what it says lives in immutable DeclarationVersion rows, so an edit never overwrites anything
and the register can be read as it stood on any date (NHS England, Managing conflicts of interest)."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from senate.interests.models.immutable import Immutable


class Kind(models.TextChoices):
    INTEREST = "interest", "Interest"
    GIFT = "gift", "Gift"
    HOSPITALITY = "hospitality", "Hospitality"
    NIL = "nil", "Nil return"


class Category(models.TextChoices):
    """The NHS categories of interest (docs/domain.md §4.1)."""

    FINANCIAL = "financial", "Financial interest"
    PROFESSIONAL = "professional", "Non-financial professional interest"
    PERSONAL = "personal", "Non-financial personal interest"
    INDIRECT = "indirect", "Indirect interest (through a close relative or associate)"


class WithholdingGrounds(models.TextChoices):
    """Registers may withhold an entry only for an overriding privacy interest or a real risk of harm."""

    PRIVACY = "privacy", "Privacy"
    SAFETY = "safety", "Safety (real risk of harm)"


class Declaration(models.Model):
    profile = models.ForeignKey("members.MemberProfile", on_delete=models.CASCADE, related_name="declarations")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)
    # Mirrors the latest PublicationDecision, so register queries need no subquery.
    withheld = models.BooleanField(default=False)
    withheld_grounds = models.CharField(max_length=10, choices=WithholdingGrounds.choices, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.profile}"


class VersionQuerySet(models.QuerySet["DeclarationVersion"]):
    def in_force(self, at: dt.datetime | None = None) -> "VersionQuerySet":
        """What the register said at `at`: recorded by then and not yet superseded."""
        at = at or timezone.now()
        return self.filter(recorded_at__lte=at).filter(Q(superseded_at__isnull=True) | Q(superseded_at__gt=at))


class DeclarationVersion(Immutable):
    may_change_once = ("superseded_at",)

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    category = models.CharField(max_length=12, choices=Category.choices, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organisation_name = models.CharField(max_length=200, blank=True, help_text="When the body is not in the list.")
    nature = models.TextField(blank=True)
    relationship = models.CharField(max_length=120, blank=True, help_text="For an indirect interest: through whom.")
    services = models.ManyToManyField("members.Expertise", blank=True, related_name="+")
    places = models.CharField(max_length=300, blank=True)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    value = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    accepted = models.BooleanField(null=True)
    may_publish = models.BooleanField(default=True)
    note = models.CharField(max_length=300, blank=True, help_text="What changed in this version.")
    recorded_at = models.DateTimeField(default=timezone.now, db_index=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    superseded_at = models.DateTimeField(null=True, blank=True, db_index=True)

    objects = VersionQuerySet.as_manager()

    class Meta:
        ordering = ["declaration", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["declaration", "number"], name="unique_declaration_version"),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(ended_on__gte=models.F("started_on")),
                name="declaration_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.declaration} (version {self.number})"

    @property
    def body_name(self) -> str:
        return self.organisation.name if self.organisation_id and self.organisation else self.organisation_name

    def is_open(self, on: dt.date) -> bool:
        return self.ended_on is None or self.ended_on >= on


class PublicationDecision(Immutable):
    """The Senate team withholding an entry from the published register, or publishing it again."""

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="publication_decisions")
    withheld = models.BooleanField()
    grounds = models.CharField(max_length=10, choices=WithholdingGrounds.choices, blank=True)
    reason = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]


class RegisterConfirmation(Immutable):
    """A member confirming that their declarations are complete and current (the annual return for
    someone who has interests; a nil return is the annual return for someone who has none)."""

    profile = models.ForeignKey("members.MemberProfile", on_delete=models.CASCADE, related_name="confirmations")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    statement = models.TextField()

    class Meta:
        ordering = ["-at", "-id"]
