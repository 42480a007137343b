"""The work programme: work the Senate opens itself, the year's forward plan with its priorities,
what requesters say of the advice and what their boards decided, and the support team's time."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

USER = settings.AUTH_USER_MODEL


class TopicKind(models.TextChoices):
    THEMATIC = "thematic", "Thematic review"
    HORIZON_SCANNING = "horizon", "Horizon scanning"
    LEADERSHIP = "leadership", "Clinical leadership work"


class Topic(models.Model):
    """A piece of work the Senate opens itself. A thematic review or leadership work runs as a
    request (origin: the Senate) through the usual lifecycle; horizon scanning stays a plan item
    that is open until the team marks it done."""

    senate = models.ForeignKey("organisations.Senate", on_delete=models.PROTECT, related_name="topics")
    kind = models.CharField(max_length=12, choices=TopicKind.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    sponsor_member = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    sponsor_organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    request = models.OneToOneField(
        "reviews.Request", null=True, blank=True, on_delete=models.PROTECT, related_name="topic"
    )
    done_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    opened_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opened_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def sponsor(self) -> str:
        names = [str(getattr(self.sponsor_member, "full_name", "") or ""), str(self.sponsor_organisation or "")]
        return " and ".join(n for n in names if n and n != "None")


class Criterion(models.Model):
    """One thing the Senate weighs when it sets priorities, with its weight (0 ignores it)."""

    senate = models.ForeignKey("organisations.Senate", on_delete=models.CASCADE, related_name="plan_criteria")
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=300, blank=True)
    weight = models.PositiveSmallIntegerField(default=1, validators=[MaxValueValidator(10)])
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["senate", "name"], name="unique_criterion_name")]

    def __str__(self) -> str:
        return self.name


class PlanItem(models.Model):
    """A request or a Senate-initiated topic in one year's forward plan, with the dates expected."""

    senate = models.ForeignKey("organisations.Senate", on_delete=models.PROTECT, related_name="plan_items")
    year = models.PositiveSmallIntegerField(help_text="The plan's year, e.g. 2026 for 2026/27 (April to March).")
    request = models.ForeignKey(
        "reviews.Request", null=True, blank=True, on_delete=models.CASCADE, related_name="plan_items"
    )
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="plan_items")
    expected_start = models.DateField(null=True, blank=True)
    expected_panel = models.DateField(null=True, blank=True)
    council_meeting = models.ForeignKey(
        "council.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="plan_items"
    )
    advice_due = models.DateField(null=True, blank=True)
    panels_needed = models.PositiveSmallIntegerField(default=1)
    panel_notes = models.CharField(max_length=300, blank=True, help_text="The expertise the panel needs.")
    score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    added_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score", "expected_start", "id"]
        constraints = [
            models.UniqueConstraint(fields=["year", "request"], name="unique_plan_request"),
            models.UniqueConstraint(fields=["year", "topic"], name="unique_plan_topic"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        if self.request is not None:
            return f"{self.request.reference or 'Draft'}: {self.request.title}"
        return self.topic.title if self.topic is not None else ""


class Score(models.Model):
    """The current score of one plan item against one criterion, with the reason for it. Each change
    is in the audit trail with the score and rationale before and after."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(validators=[MinValueValidator(0), MaxValueValidator(5)])
    rationale = models.TextField()
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "criterion"], name="unique_score")]


class Rating(models.IntegerChoices):
    VERY_POOR = 1, "Very poor"
    POOR = 2, "Poor"
    FAIR = 3, "Fair"
    GOOD = 4, "Good"
    VERY_GOOD = 5, "Very good"


class Feedback(models.Model):
    """The requester's view of the advice, given once after it is issued."""

    request = models.OneToOneField("reviews.Request", on_delete=models.CASCADE, related_name="feedback")
    usefulness = models.PositiveSmallIntegerField(choices=Rating.choices)
    timeliness = models.PositiveSmallIntegerField(choices=Rating.choices)
    clarity = models.PositiveSmallIntegerField(choices=Rating.choices)
    would_ask_again = models.BooleanField()
    comments = models.TextField(blank=True)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)


class Influence(models.TextChoices):
    SHAPED = "shaped", "The advice shaped the decision substantially"
    PARTLY = "partly", "The advice shaped part of the decision"
    CONFIRMED = "confirmed", "The advice confirmed a decision already forming"
    NOT_USED = "not_used", "The advice did not change the decision"
    NOT_YET = "not_yet", "The board has not decided yet"


class BoardDecision(models.Model):
    """What the requester's board decided, and how the advice shaped it."""

    request = models.OneToOneField("reviews.Request", on_delete=models.CASCADE, related_name="board_decision")
    decided_on = models.DateField(null=True, blank=True)
    decision = models.TextField()
    influence = models.CharField(max_length=10, choices=Influence.choices)
    how = models.TextField(blank=True)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)


class Activity(models.TextChoices):
    TRIAGE = "triage", "Triage and scoping"
    TERMS = "terms", "Terms of reference"
    PANEL = "panel", "Recruiting and supporting the panel"
    EVIDENCE = "evidence", "Evidence and fieldwork"
    MEETINGS = "meetings", "Meetings and papers"
    REPORT = "report", "Writing and editing the report"
    OTHER = "other", "Other"


class Effort(models.Model):
    """Support-team time spent on a request."""

    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="effort")
    minutes = models.PositiveIntegerField(validators=[MinValueValidator(1), MaxValueValidator(60 * 24)])
    activity = models.CharField(max_length=10, choices=Activity.choices)
    on = models.DateField()
    note = models.CharField(max_length=200, blank=True)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on", "-id"]
