"""Geography: NHS England regions, Clinical Senates (today's 9 and the 12 of 2013, with what merged
into what), and the organisations that ask for advice or are affected by it. ICBs are not stable
(42 in 2022, clustered and merged from April 2026), so their areas and successions carry dates."""

import datetime as dt

from django.db import models
from django.db.models import Q


class Region(models.Model):
    code = models.CharField(max_length=10, unique=True, help_text="ODS code, e.g. Y58")
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SenateQuerySet(models.QuerySet["Senate"]):
    def current(self, on: dt.date | None = None) -> "SenateQuerySet":
        on = on or dt.date.today()
        return self.filter(Q(ended__isnull=True) | Q(ended__gt=on), established__lte=on)


class Senate(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=120)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="senates")
    established = models.DateField()
    ended = models.DateField(null=True, blank=True)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_from")
    area_description = models.CharField(max_length=300, blank=True)
    # Service levels and rules; UNCONFIRMED nationally, so settings per Senate with typical defaults.
    request_notice_days = models.PositiveIntegerField(default=91, help_text="About 3 months (2014 process).")
    panel_notice_days = models.PositiveIntegerField(default=56, help_text="8 weeks to assemble a panel.")
    papers_notice_days = models.PositiveIntegerField(default=21, help_text="Papers 3 weeks before a meeting.")
    factual_accuracy_days = models.PositiveIntegerField(default=14, help_text="Requester's window to check a draft.")
    response_days = models.PositiveIntegerField(default=60, help_text="Requester's window to respond to advice.")
    term_warning_days = models.PositiveIntegerField(default=90)
    council_term_years = models.PositiveIntegerField(default=3)
    council_max_terms = models.PositiveIntegerField(default=2)
    assembly_term_years = models.PositiveIntegerField(default=2)
    requires_commissioner_sponsor = models.BooleanField(default=True)
    contact_email = models.EmailField(blank=True)

    objects = SenateQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_current(self) -> bool:
        return self.ended is None or self.ended > dt.date.today()


class OrganisationType(models.TextChoices):
    ICB = "icb", "Integrated care board"
    TRUST = "trust", "NHS trust or foundation trust"
    PROVIDER_COLLABORATIVE = "provider_collaborative", "Provider collaborative"
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    HEALTH_AND_WELLBEING_BOARD = "hwb", "Health and wellbeing board"
    OVERVIEW_AND_SCRUTINY = "hosc", "Health overview and scrutiny committee"
    NHSE_NATIONAL = "nhse_national", "NHS England (national)"
    NHSE_REGIONAL = "nhse_regional", "NHS England (regional team)"
    CLINICAL_NETWORK = "clinical_network", "Clinical network"
    HEALTH_INNOVATION_NETWORK = "hin", "Health Innovation Network (formerly an Academic Health Science Network)"
    HEALTHWATCH = "healthwatch", "Healthwatch"
    PRIMARY_CARE = "primary_care", "GP practice or primary care network"
    OTHER = "other", "Other"


# Bodies that commission NHS care; a request from anyone else may need a commissioner sponsor.
COMMISSIONER_TYPES = frozenset({OrganisationType.ICB, OrganisationType.NHSE_NATIONAL, OrganisationType.NHSE_REGIONAL})

# The Senate's partners (issue 21): a redirect names one, and a review records which it engaged.
PARTNER_TYPES = frozenset(
    {
        OrganisationType.CLINICAL_NETWORK,
        OrganisationType.HEALTH_INNOVATION_NETWORK,
        OrganisationType.HEALTH_AND_WELLBEING_BOARD,
        OrganisationType.HEALTHWATCH,
        OrganisationType.OVERVIEW_AND_SCRUTINY,
    }
)

# NHS bodies that the Organisation Data Service (ODS) gives a code: they must have one, so two records of
# one trust cannot sit side by side with no code to tell them apart.
NHS_BODY_TYPES = frozenset(
    {
        OrganisationType.ICB,
        OrganisationType.TRUST,
        OrganisationType.NHSE_NATIONAL,
        OrganisationType.NHSE_REGIONAL,
        OrganisationType.PRIMARY_CARE,
    }
)


def normalise_code(code: str) -> str:
    return "".join((code or "").split()).upper()


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def current(self, on: dt.date | None = None) -> "OrganisationQuerySet":
        on = on or dt.date.today()
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=on), Q(valid_to__isnull=True) | Q(valid_to__gt=on)
        )

    def icbs(self) -> "OrganisationQuerySet":
        return self.filter(type=OrganisationType.ICB)


class Organisation(models.Model):
    code = models.CharField(
        max_length=12, blank=True, help_text="ODS code (required for NHS bodies; unique when given)"
    )
    name = models.CharField(max_length=200)
    type = models.CharField(max_length=30, choices=OrganisationType.choices)
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    icb = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members_of_system",
        help_text="The ICB area this organisation sits in.",
    )
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    is_synthetic = models.BooleanField(default=False, help_text="Fictional demo organisation.")
    notes = models.CharField(max_length=300, blank=True)
    contact_email = models.EmailField(blank=True, help_text="Where a partner is told of a request redirected to it.")

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["type", "name"])]
        constraints = [
            models.UniqueConstraint(fields=["code"], condition=~Q(code=""), name="organisation_unique_ods_code"),
            models.CheckConstraint(
                condition=~Q(type__in=sorted(t.value for t in NHS_BODY_TYPES)) | ~Q(code=""),
                name="organisation_nhs_body_has_ods_code",
                violation_error_message="An NHS body needs its ODS code",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The name with the ODS code, so two bodies with one name can be told apart."""
        return f"{self.name} ({self.code})" if self.code else self.name

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        self.code = normalise_code(self.code)
        if self.type in NHS_BODY_TYPES and not self.code:
            raise ValidationError({"code": f"Enter the ODS code: every {self.get_type_display().lower()} has one"})
        if self.code and Organisation.objects.filter(code__iexact=self.code).exclude(pk=self.pk).exists():
            raise ValidationError({"code": f"Another organisation already has the ODS code {self.code}"})

    @property
    def is_commissioner(self) -> bool:
        return self.type in COMMISSIONER_TYPES


class IcbArea(models.Model):
    """Which Senate advises an ICB's area, and the places it covers, over a period."""

    icb = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="areas")
    senate = models.ForeignKey(Senate, on_delete=models.PROTECT, related_name="icb_areas")
    places = models.CharField(max_length=400, blank=True)
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["icb__name", "valid_from"]


class Succession(models.Model):
    """One organisation (or Senate) passing its area, wholly or in part, to another."""

    class Kind(models.TextChoices):
        MERGER = "merger", "Merged into"
        CLUSTER = "cluster", "Clustered with (shared leadership)"
        PART = "part", "Part of its area passed to"

    predecessor = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="successions")
    successor = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="predecessions")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    effective = models.DateField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["effective"]
