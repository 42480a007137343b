"""Requests for clinical advice, the programmes they belong to, their terms of reference, the
timeline of everything that happened to them, and the recommendations they end in."""

from django.conf import settings
from django.db import models
from django.utils.timezone import localdate

from senate.reviews.stages import Stage


class AdviceKind(models.TextChoices):
    EARLY_ADVICE = "early_advice", "Early 'critical friend' advice"
    FORMAL_REVIEW = "formal_review", "Formal independent clinical review (service change assurance)"
    THEMATIC = "thematic", "Thematic review"
    HONEST_BROKER = "honest_broker", "Honest-broker support where clinical views are entrenched"
    TEMPORARY_CHANGE = "temporary_change", "Review of a temporary change being made permanent"
    URGENT_TEMPORARY = "urgent_temporary", "Urgent temporary change for safety or welfare (not notifiable)"
    POST_CONSULTATION = "post_consultation", "Post-consultation support"
    OTHER = "other", "Other"


# Kinds that end in a letter of advice rather than a formal report (the short path).
SHORT_PATH_KINDS = frozenset({AdviceKind.EARLY_ADVICE, AdviceKind.URGENT_TEMPORARY})


class AssuranceStage(models.TextChoices):
    STRATEGIC_SENSE_CHECK = "sense_check", "Stage 1: strategic sense check"
    ASSURANCE_CHECKPOINT = "checkpoint", "Stage 2: assurance checkpoint"
    CONSULTATION = "consultation", "Public consultation"
    DECISION = "decision", "Decision-making"
    NOT_APPLICABLE = "none", "Not part of NHS England assurance"


class Origin(models.TextChoices):
    REQUESTER = "requester", "Asked for by a requester"
    SENATE = "senate", "Opened by the Senate itself"


class Programme(models.Model):
    """A service-change programme that may come back to the Senate several times."""

    senate = models.ForeignKey("organisations.Senate", on_delete=models.PROTECT, related_name="programmes")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    lead_organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Request(models.Model):
    senate = models.ForeignKey("organisations.Senate", on_delete=models.PROTECT, related_name="requests")
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.PROTECT, related_name="requests")
    reference = models.CharField(max_length=20, unique=True, null=True, blank=True)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=AdviceKind.choices)
    service_areas = models.ManyToManyField("members.Expertise", blank=True, related_name="requests")
    requesting_organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="requests_made"
    )
    sponsor_organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="requests_sponsored",
        help_text="The commissioner sponsoring a request from a non-commissioner.",
    )
    affected_organisations = models.ManyToManyField(
        "organisations.Organisation", blank=True, related_name="requests_affecting"
    )
    places = models.CharField(max_length=400, blank=True, help_text="Towns, sites and areas affected.")
    assurance_stage = models.CharField(max_length=20, choices=AssuranceStage.choices, blank=True)
    substantial_variation = models.BooleanField(null=True)
    significant_bed_reduction = models.BooleanField(null=True)
    contentious = models.BooleanField(default=False, help_text="Contentious or at risk of judicial review.")
    background = models.TextField(blank=True)
    questions = models.TextField(blank=True)
    decision_date = models.DateField(null=True, blank=True)
    # The Senate's own deadline for issuing its advice (deadlines.advice_due), set by the Senate team, for
    # example from the assurance checkpoint the advice informs; the work queue and reminders follow it.
    advice_due_on = models.DateField("Senate's advice needed by", null=True, blank=True)
    advice_due_for = models.CharField(
        max_length=200, blank=True, default="", db_default="", help_text="Why then, for example the checkpoint."
    )
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.DRAFT, db_index=True)
    stage_before_pause = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    stage_entered_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    short_notice = models.BooleanField(default=False)
    triage_reason = models.TextField(blank=True, help_text="What the requester is told about the triage outcome.")
    redirected_to = models.CharField(max_length=200, blank=True, help_text="Free text, before partners were named.")
    redirected_to_organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="redirections"
    )
    # Senate-initiated work (programme.topics): no requester contact acts for it; the Senate team does.
    origin = models.CharField(
        max_length=10, choices=Origin.choices, default=Origin.REQUESTER, db_default=Origin.REQUESTER
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.reference or 'Draft'}: {self.title}"

    @property
    def is_senate_initiated(self) -> bool:
        return self.origin == Origin.SENATE

    @property
    def is_short_path(self) -> bool:
        return self.kind in SHORT_PATH_KINDS

    def affected_icbs(self) -> set[int]:
        """ICBs affected: those named, and the ICB areas of the organisations named."""
        ids = set()
        for org in self.affected_organisations.all():
            ids.add(org.pk if org.type == "icb" else org.icb_id)
        return {i for i in ids if i}

    def notice_days(self) -> int | None:
        if not (self.decision_date and self.submitted_at):
            return None
        return (self.decision_date - localdate(self.submitted_at)).days


class RequestEvent(models.Model):
    """The timeline: one immutable row per transition or notable act on a request."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=60)
    from_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]


class TermsOfReference(models.Model):
    """One version of the terms of reference. A change makes a new version; old ones are kept."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SHARED = "shared", "Shared with requester"
        AGREED = "agreed", "Agreed by requester"
        APPROVED = "approved", "Approved"
        SUPERSEDED = "superseded", "Superseded"

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="terms")
    version = models.PositiveIntegerField()
    scope = models.TextField()
    exclusions = models.TextField(blank=True)
    questions = models.TextField()
    criteria = models.TextField(blank=True, help_text="The criteria to assess against.")
    desktop_review = models.BooleanField(default=True)
    site_visits = models.BooleanField(default=False)
    interviews = models.BooleanField(default=False)
    panel_day = models.BooleanField(default=True)
    method_notes = models.TextField(blank=True)
    panel_profile = models.TextField(blank=True)
    timetable = models.TextField(blank=True)
    panel_date = models.DateField(null=True, blank=True, help_text="The main panel day, for notice deadlines.")
    deliverables = models.TextField(blank=True)
    publication = models.TextField(blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agreed_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approval_route = models.CharField(
        max_length=200, blank=True, help_text="e.g. 'Senate Chair (no Council meetings yet)'"
    )

    class Meta:
        ordering = ["request", "-version"]
        constraints = [models.UniqueConstraint(fields=["request", "version"], name="unique_tor_version")]

    def __str__(self) -> str:
        return f"Terms of reference v{self.version} for {self.request}"


class TermsComment(models.Model):
    terms = models.ForeignKey(TermsOfReference, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at"]


class Recommendation(models.Model):
    class Priority(models.TextChoices):
        HIGH = "high", "High"
        MEDIUM = "medium", "Medium"
        LOW = "low", "Low"

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveIntegerField()
    theme = models.CharField(max_length=120, blank=True)
    text = models.TextField()
    addressee = models.CharField(max_length=200, blank=True)
    priority = models.CharField(max_length=8, choices=Priority.choices, default=Priority.MEDIUM)

    class Meta:
        ordering = ["request", "number"]
        constraints = [models.UniqueConstraint(fields=["request", "number"], name="unique_recommendation_number")]

    def __str__(self) -> str:
        return f"Recommendation {self.number}"


class RecommendationResponse(models.Model):
    class Decision(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        PARTLY = "partly", "Partly accepted"
        NOT_ACCEPTED = "not_accepted", "Not accepted"

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="responses")
    decision = models.CharField(max_length=14, choices=Decision.choices)
    narrative = models.TextField()
    planned_date = models.DateField(null=True, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]


class FollowUp(models.Model):
    """The Senate's follow-up on a recommendation (or on the advice as a whole)."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="follow_ups")
    recommendation = models.ForeignKey(
        Recommendation, null=True, blank=True, on_delete=models.CASCADE, related_name="follow_ups"
    )
    note = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at"]


class Implementation(models.Model):
    """Where a recommendation stands in being put into practice, as the requester or the Senate team
    records it during follow-up: each record says what was true on a day, with the evidence for it.
    The newest record (by date, then by when it was recorded) is the recommendation's standing."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "Implementation in progress"
        IMPLEMENTED = "implemented", "Implemented"
        NOT_IMPLEMENTED = "not_implemented", "Will not be implemented"

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="implementations")
    status = models.CharField(max_length=16, choices=Status.choices)
    on = models.DateField()
    evidence = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "at", "id"]


class PartnerSenate(models.Model):
    """A joint review: the request's own Senate leads it, and invites another Senate as a partner
    (a proposal across two regions). Its manager accepts or declines; an accepted partner's team and
    Council open the request (under the lead Senate's address), its Assembly joins the panel's pool,
    and its Council comments on the draft report. Approval and issue stay with the lead."""

    class Status(models.TextChoices):
        INVITED = "invited", "Invited"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="partners")
    senate = models.ForeignKey("organisations.Senate", on_delete=models.PROTECT, related_name="joint_reviews")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.INVITED)
    message = models.TextField(blank=True, help_text="Why the lead Senate asks this Senate to join.")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    invited_at = models.DateTimeField(auto_now_add=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True, help_text="The partner's reason for declining.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "senate"], name="one_partnership_per_senate")]
        ordering = ["invited_at", "pk"]

    def __str__(self) -> str:
        return f"{self.senate} on {self.request}"


class PartnerComment(models.Model):
    """A partner Council's comment on the draft advice of a joint review, read by the lead Senate."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="partner_comments")
    senate = models.ForeignKey("organisations.Senate", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment from {self.senate} on {self.request}"
