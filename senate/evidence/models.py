"""Evidence for a review: what the Senate asks the requester for, the items gathered (each with a
confidentiality tier and provenance), their immutable file versions, who opened sensitive ones, and
fieldwork (site visits, interviews, panel meetings, papers circulated)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Kind(models.TextChoices):
    BUSINESS_CASE = "business_case", "Pre-consultation business case"
    MODELLING = "modelling", "Activity and bed modelling"
    WORKFORCE = "workforce", "Workforce plan"
    EQUALITY = "equality", "Equality and health inequalities impact assessment"
    ENGAGEMENT = "engagement", "Engagement report"
    CLINICAL = "clinical", "Clinical evidence"
    OTHER = "other", "Other"


class Tier(models.TextChoices):
    """Confidentiality tiers, least to most restricted."""

    PUBLIC = "public", "Public"
    OFFICIAL = "official", "Official"
    OFFICIAL_SENSITIVE = "official_sensitive", "Official-sensitive"
    DRAFT = "draft", "Draft – not for circulation"


class Source(models.TextChoices):
    REQUESTER = "requester", "Requester"
    PANEL = "panel", "Panel"
    SENATE_TEAM = "senate_team", "Senate team"


class EvidenceRequest(models.Model):
    """The Senate team asks the requester for one kind of evidence by a date."""

    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="evidence_requests")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200)
    detail = models.TextField(blank=True, help_text="What the panel needs and why.")
    due_on = models.DateField()
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField(default=timezone.now)
    last_reminded_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title


class EvidenceItem(models.Model):
    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="evidence_items")
    asked_for = models.ForeignKey(
        EvidenceRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    tier = models.CharField(max_length=20, choices=Tier.choices, default=Tier.OFFICIAL)
    source = models.CharField(max_length=20, choices=Source.choices)
    provenance = models.TextField(blank=True, help_text="Who wrote it, when, and where it came from.")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "id"]

    def __str__(self) -> str:
        return self.title

    def latest_version(self) -> "EvidenceVersion | None":
        return self.versions.order_by("-number").first()


class EvidenceVersion(models.Model):
    """One uploaded file of an item; never changed once stored (a new upload is a new version)."""

    item = models.ForeignKey(EvidenceItem, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(upload_to="evidence/%Y/%m/", max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120, help_text="Sniffed from the content, not the name.")
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    extracted_text = models.TextField(blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["item", "-number"]
        constraints = [models.UniqueConstraint(fields=["item", "number"], name="evidence_version_unique_number")]

    def __str__(self) -> str:
        return f"{self.item} v{self.number}"

    @property
    def type_label(self) -> str:
        """The file type in words, e.g. "Word document (DOCX)"."""
        from senate.evidence.uploads import ALLOWED

        return ALLOWED[self.content_type][1] if self.content_type in ALLOWED else self.content_type


class AccessLog(models.Model):
    """Each opening of an official-sensitive item (who, when, which version)."""

    item = models.ForeignKey(EvidenceItem, on_delete=models.CASCADE, related_name="access_log")
    version = models.ForeignKey(EvidenceVersion, null=True, on_delete=models.SET_NULL, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opened_at", "-id"]


class Fieldwork(models.Model):
    class Kind(models.TextChoices):
        SITE_VISIT = "site_visit", "Site visit"
        INTERVIEW = "interview", "Interview"
        PANEL_MEETING = "panel_meeting", "Panel meeting"

    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="fieldwork")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    held_on = models.DateField()
    place = models.CharField(max_length=200, blank=True)
    attendees = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    others_attending = models.TextField(blank=True, help_text="Others who attended, one a line.")
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.held_on:%-d %B %Y}"


class PapersCirculated(models.Model):
    """Papers sent to the panel before a meeting; late when sent fewer than the Senate's notice days ahead."""

    fieldwork = models.ForeignKey(Fieldwork, on_delete=models.CASCADE, related_name="papers")
    description = models.CharField(max_length=200)
    sent_on = models.DateField()
    items = models.ManyToManyField(EvidenceItem, blank=True, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["sent_on", "id"]
