"""Where the Senate's advice sits: the proposal's place in NHS England's service-change assurance
(dated steps beside the Senate's own timeline), honest-broker work between parties whose clinical
views are entrenched, and the partner organisations a review engaged (docs/domain.md §3.3–3.4)."""

from django.conf import settings
from django.db import models


class Step(models.TextChoices):
    """The dated steps of service change. Stage numbering beyond stage 2 is UNCONFIRMED in public
    sources, so later steps carry no number; a Senate may rename any step (settings.ASSURANCE_STEP_LABELS)."""

    SENSE_CHECK = "sense_check", "NHS England stage 1: strategic sense check"
    PCBC = "pcbc", "Pre-consultation business case"
    CHECKPOINT = "checkpoint", "NHS England stage 2: assurance checkpoint"
    HOSC_VIEW = "hosc_view", "Health overview and scrutiny committee's view"
    SOS_NOTIFIED = "sos_notified", "Notified to the Secretary of State"
    CONSULTATION_START = "consultation_start", "Public consultation starts"
    CONSULTATION_END = "consultation_end", "Public consultation ends"
    CALL_IN_REQUEST = "call_in_request", "Call-in requested of the Secretary of State"
    CALL_IN_DIRECTION = "call_in_direction", "Secretary of State's call-in direction"
    DMBC = "dmbc", "Decision-making business case"
    DECISION = "decision", "Commissioner's decision"


class Informs(models.TextChoices):
    SENSE_CHECK = "sense_check", "NHS England stage 1: strategic sense check"
    CHECKPOINT = "checkpoint", "NHS England stage 2: assurance checkpoint"
    DECISION = "decision", "The commissioner's decision"
    NONE = "none", "No NHS England checkpoint"


class AssuranceContext(models.Model):
    """The proposal's place in service change, one per request."""

    request = models.OneToOneField("reviews.Request", on_delete=models.CASCADE, related_name="assurance")
    informs = models.CharField(
        "Which checkpoint the Senate's advice informs", max_length=20, choices=Informs.choices, blank=True
    )
    capital_involved = models.BooleanField(null=True)
    substantial_variation = models.BooleanField(
        null=True, help_text="The HOSC's view: a substantial development or variation (regulation 23)."
    )
    notifiable = models.BooleanField(null=True, help_text="Notifiable to the Secretary of State (Schedule 10A).")
    # For an urgent temporary change (the request's kind; never notifiable): when to look at it again.
    temporary_review_date = models.DateField(null=True, blank=True)
    advice_needed_by = models.DateField(null=True, blank=True)
    advice_needed_for = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return f"Assurance context of {self.request}"


class AssuranceEvent(models.Model):
    context = models.ForeignKey(AssuranceContext, on_delete=models.CASCADE, related_name="events")
    step = models.CharField(max_length=20, choices=Step.choices)
    on = models.DateField()
    body = models.CharField(max_length=200, blank=True, help_text="Who held it or decided (for example the ICB board).")
    outcome = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_step_display()} on {self.on}"


class Engagement(models.Model):
    """A partner organisation the review engaged, and how."""

    class How(models.TextChoices):
        EVIDENCE = "evidence", "Gave evidence"
        PANEL = "panel", "A member on the panel"
        BRIEFING = "briefing", "Briefed"

    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="engagements")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    how = models.CharField(max_length=10, choices=How.choices)
    note = models.CharField(max_length=300, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "how"]
        constraints = [
            models.UniqueConstraint(fields=["request", "organisation", "how"], name="engagement_once_per_way")
        ]


class Party(models.Model):
    """One side in honest-broker work: an organisation (or a group within one) with its position."""

    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200, help_text="For example, the emergency medicine consultants.")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["request", "organisation"], name="one_party_per_organisation")]

    def __str__(self) -> str:
        return self.name


class Submission(models.Model):
    """A party's position or document. Private to the party and the Senate team until shared with
    every party."""

    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="submissions")
    title = models.CharField(max_length=200)
    summary = models.TextField()
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)
    shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["submitted_at", "pk"]


class Session(models.Model):
    """A facilitated session between the parties."""

    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="broker_sessions")
    on = models.DateField()
    attended = models.TextField(help_text="Who attended, one per line.")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["on", "pk"]


class Point(models.Model):
    class Status(models.TextChoices):
        AGREED = "agreed", "Agreed"
        DISPUTED = "disputed", "Still in dispute"

    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="broker_points")
    text = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices)

    class Meta:
        ordering = ["status", "pk"]


class ConsensusStatement(models.Model):
    """The statement the parties confirm. Changing the text clears every confirmation."""

    request = models.OneToOneField("reviews.Request", on_delete=models.CASCADE, related_name="consensus")
    text = models.TextField()
    written_at = models.DateTimeField(auto_now=True)


class Confirmation(models.Model):
    statement = models.ForeignKey(ConsensusStatement, on_delete=models.CASCADE, related_name="confirmations")
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["statement", "party"], name="one_confirmation_per_party")]
