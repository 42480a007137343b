"""What each review keeps about conflicts. These point at reviews.Request by name only: the database
may link upwards, the Python code of this app never imports the reviews app (docs/adr/0003)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from senate.interests.models.immutable import Immutable


class Outcome(models.TextChoices):
    """Management actions in typical NHS practice (docs/domain.md §4.1, UNCONFIRMED nationally)."""

    EXCLUDE = "exclude", "Exclude from this review"
    RESTRICT = "restrict", "Take part with a restriction"
    NO_ACTION = "no_action", "No action needed"


class ConflictDecision(Immutable):
    """The Senate team's decision on one or more screened conflicts of a member for a request.
    A later decision on the same conflict supersedes an earlier one; neither is ever changed.

    A restriction is structured so that the pages can enforce it (senate.interests.restrictions):
    the evidence tiers and items the member may not open, the criteria on which they may not take
    part in the panel's judgement, and whether they may not agree the recommendations. The note says
    anything else in words; it is shown, not enforced."""

    request = models.ForeignKey("reviews.Request", on_delete=models.PROTECT, related_name="conflict_decisions")
    profile = models.ForeignKey("members.MemberProfile", on_delete=models.PROTECT, related_name="conflict_decisions")
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    note = models.CharField(max_length=300, blank=True, help_text="Anything more about the restriction, in words.")
    # Evidence tiers (evidence.Tier values) and evidence item ids the member may not open.
    no_tiers = models.JSONField(default=list, blank=True)
    no_items = models.JSONField(default=list, blank=True)
    # Criteria (reports.Criterion ids) on which the member may not take part in the panel's judgement.
    no_criteria = models.JSONField(default=list, blank=True)
    no_recommendations = models.BooleanField(default=False, help_text="May not agree the recommendations.")
    rationale = models.TextField()
    # The conflicts as screened when decided: [{"key", "rule", "severity", "reason"}].
    conflicts = models.JSONField(default=list)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["request", "profile"])]

    @property
    def keys(self) -> set[str]:
        return {c["key"] for c in self.conflicts}


class ConflictDismissal(Immutable):
    """A screening suggestion the Senate team judged a false positive; it stays dismissed for this request."""

    request = models.ForeignKey("reviews.Request", on_delete=models.PROTECT, related_name="conflict_dismissals")
    profile = models.ForeignKey("members.MemberProfile", on_delete=models.PROTECT, related_name="conflict_dismissals")
    key = models.CharField(max_length=120)
    suggestion = models.CharField(max_length=400, help_text="The suggestion as it was shown.")
    reason = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        constraints = [models.UniqueConstraint(fields=["request", "profile", "key"], name="unique_dismissal")]


class Attestation(Immutable):
    """A panel member's confirmation, before they open a review's evidence, that their register is
    current, with anything they declare specifically for this review."""

    request = models.ForeignKey("reviews.Request", on_delete=models.PROTECT, related_name="attestations")
    profile = models.ForeignKey("members.MemberProfile", on_delete=models.PROTECT, related_name="attestations")
    statement = models.TextField(help_text="The words the member confirmed, as shown to them.")
    specific = models.TextField(blank=True, help_text="Anything declared for this review only.")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["request", "profile"])]
