"""The assessment framework (reference data a Senate extends), the criteria a review is assessed
against, the panel's views and versioned consensus judgements, the link from a recommendation to
its criterion, the report's versioned drafts and the factual-accuracy round."""

from django.conf import settings
from django.db import models


class Framework(models.TextChoices):
    GOVERNMENT = "government", "The government's four tests"
    BED_TEST = "bed_test", "NHS England's bed test"
    DUTIES = "duties", "Statutory duties"
    CLINICAL = "clinical", "Clinical quality and sustainability"
    LONDON_MAYOR = "london_mayor", "Mayor of London's six tests (optional)"
    SENATE = "senate", "This Senate's own criteria"


class Criterion(models.Model):
    """One test or condition. National reference data has no Senate; a Senate adds its own."""

    senate = models.ForeignKey(
        "organisations.Senate", null=True, blank=True, on_delete=models.CASCADE, related_name="criteria"
    )
    code = models.CharField(max_length=40)
    framework = models.CharField(max_length=20, choices=Framework.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    optional = models.BooleanField(default=False, help_text="Offered, but not suggested for every review.")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["senate", "code"], name="unique_criterion_code")]

    def __str__(self) -> str:
        return self.title


class ReviewCriterion(models.Model):
    """A criterion picked for one review's terms of reference."""

    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="review_criteria")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["criterion__order", "criterion_id"]
        constraints = [models.UniqueConstraint(fields=["request", "criterion"], name="unique_review_criterion")]


class IndividualView(models.Model):
    """A panel member's own view on a criterion, recorded before the panel agrees its judgement."""

    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(max_length=40)
    text = models.TextField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]


class Strength(models.TextChoices):
    STRONG = "strong", "Strong"
    MODERATE = "moderate", "Moderate"
    LIMITED = "limited", "Limited"
    NONE = "none", "No evidence presented"


class Judgement(models.Model):
    """One version of the panel's consensus judgement on a criterion; a change adds a version."""

    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="judgements")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField()
    outcome = models.CharField(max_length=40)
    strength = models.CharField(max_length=10, choices=Strength.choices)
    narrative = models.TextField()
    evidence = models.ManyToManyField("evidence.EvidenceItem", blank=True, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["criterion__order", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["request", "criterion", "version"], name="unique_judgement_version")
        ]


class RecommendationCriterion(models.Model):
    recommendation = models.OneToOneField(
        "reviews.Recommendation", on_delete=models.CASCADE, related_name="criterion_link"
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")


class ReportDraft(models.Model):
    """One version of the report (or letter of advice). Written sections live in `sections`;
    everything else is composed from the record when it is rendered."""

    class Kind(models.TextChoices):
        REPORT = "report", "Report"
        LETTER = "letter", "Letter of advice"

    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="report_drafts")
    version = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REPORT)
    overall_opinion = models.CharField(max_length=40)
    sections = models.JSONField(default=dict)
    change_note = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["request", "-version"]
        constraints = [models.UniqueConstraint(fields=["request", "version"], name="unique_report_version")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} draft v{self.version}"


class AccuracyRound(models.Model):
    """The requester's factual-accuracy check of one draft, open until `closes_on`."""

    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="accuracy_rounds")
    draft = models.ForeignKey(ReportDraft, on_delete=models.PROTECT, related_name="rounds")
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(auto_now_add=True)
    closes_on = models.DateField()
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_at", "-id"]


class AccuracyComment(models.Model):
    class Response(models.TextChoices):
        ACCEPTED = "accepted", "Accepted: the report is corrected"
        ANSWERED = "answered", "Answered: the report stands"

    round = models.ForeignKey(AccuracyRound, on_delete=models.CASCADE, related_name="comments")
    section = models.CharField(max_length=40)
    text = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    response = models.CharField(max_length=10, choices=Response.choices, blank=True)
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    # An accepted comment names the version that makes the correction.
    corrected_in = models.ForeignKey(
        ReportDraft, null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )

    class Meta:
        ordering = ["at", "id"]


class SignOff(models.Model):
    """The Council's sign-off of one version: the only version that is issued and published. The
    council app records it with plain values (reports never imports council): the meeting and item
    that ratified the report, who chaired the item and, when the Council asked for changes, who
    confirmed that this version makes them."""

    draft = models.OneToOneField(ReportDraft, on_delete=models.PROTECT, related_name="sign_off")
    ratified_at = models.CharField(max_length=200, help_text="e.g. 'Council meeting on 4 March 2027, item 2'")
    ratified_on = models.DateField()
    chaired_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changes = models.TextField(blank=True, help_text="The changes the Council asked for, if any.")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Sign-off of {self.draft}"
