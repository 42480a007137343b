"""Expert panels: who sits on a request's panel. More models follow in this module."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone


class PanelRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    CLINICAL = "clinical", "Clinical member"
    PPV = "ppv", "Patient and public voice member"
    LAY = "lay", "Lay member"
    OBSERVER = "observer", "Observer"


class AnsweredHow(models.TextChoices):
    EMAIL = "email", "by email"
    PHONE = "phone", "by phone"
    IN_PERSON = "in_person", "in person"
    LETTER = "letter", "by letter"


class PanelMember(models.Model):
    """One member invited to (and perhaps serving on) the expert panel of one request."""

    class Status(models.TextChoices):
        INVITED = "invited", "Invited"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="panel_members")
    profile = models.ForeignKey("members.MemberProfile", on_delete=models.PROTECT, related_name="panel_seats")
    role = models.CharField(max_length=10, choices=PanelRole.choices, default=PanelRole.CLINICAL)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.INVITED, db_index=True)
    invited_at = models.DateTimeField(default=timezone.now)
    respond_by = models.DateField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(blank=True)
    # An answer given outside Senate (by email, phone…) that the Senate team recorded for the member.
    answered_how = models.CharField(max_length=10, choices=AnsweredHow.choices, blank=True)
    answer_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["request", "role", "id"]
        constraints = [models.UniqueConstraint(fields=["request", "profile"], name="unique_panel_seat")]

    def __str__(self) -> str:
        return f"{self.profile} ({self.get_role_display()}, {self.get_status_display()})"


class PanelSpec(models.Model):
    """What a request's panel must look like: size, counted expertise rules, region rules, the chair."""

    request = models.OneToOneField("reviews.Request", on_delete=models.CASCADE, related_name="panel_spec")
    min_size = models.PositiveIntegerField(default=6)
    max_size = models.PositiveIntegerField(default=9)
    min_out_of_region = models.PositiveIntegerField(default=0)
    out_of_region_only = models.BooleanField(default=False)
    chair_from_council = models.BooleanField(
        default=True, help_text="The panel is chaired by a member of this Senate's Clinical Council."
    )
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    respond_within_days = models.PositiveIntegerField(default=10)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Panel specification for {self.request}"


class ExpertiseRule(models.Model):
    """'At least `minimum` panel members hold `skill`' (a profession, expertise code or 'ppv')."""

    spec = models.ForeignKey(PanelSpec, on_delete=models.CASCADE, related_name="expertise_rules")
    skill = models.CharField(max_length=80)
    minimum = models.PositiveIntegerField()

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["spec", "skill"], name="unique_spec_skill")]


class PanelChoice(models.Model):
    """The manager's standing choice for the optimiser: keep this member on, or off, this panel."""

    class Kind(models.TextChoices):
        PIN = "pin", "Pinned"
        REMOVE = "remove", "Removed"

    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="panel_choices")
    profile = models.ForeignKey("members.MemberProfile", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=6, choices=Kind.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "profile"], name="unique_panel_choice")]


class OptimiserRun(models.Model):
    """One run of the optimiser over one or more requests of a Senate, kept as proposed.
    `result` holds, per request id: panel, reasons, roles and unmet rules (see runs.py)."""

    senate = models.ForeignKey("organisations.Senate", on_delete=models.CASCADE, related_name="panel_runs")
    requests = models.ManyToManyField("reviews.Request", related_name="panel_runs")
    status = models.CharField(max_length=12)
    objective = models.FloatField()
    bound = models.FloatField()
    seconds = models.FloatField(default=0)
    result = models.JSONField(default=dict)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    deployed_at = models.DateTimeField(null=True, blank=True)
    deployed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-at", "-id"]

    def for_request(self, request_id: int) -> dict:
        return self.result.get(str(request_id), {})


class PanelAvailability(models.Model):
    """A member's own settings for panels: how many at once and consent to be lent (times away are
    PanelAbsence rows, as many as the member needs)."""

    profile = models.OneToOneField("members.MemberProfile", on_delete=models.CASCADE, related_name="panel_availability")
    max_panels = models.PositiveIntegerField(default=2, help_text="The most panels you will sit on at the same time.")
    consents_to_loan = models.BooleanField(default=False, help_text="I agree to serve on other Senates' panels.")
    updated_at = models.DateTimeField(auto_now=True)


class PanelAbsence(models.Model):
    """A period in which a member cannot sit on a panel (leave, study, anything): any number each.
    A member away on any day of a panel's dates is not proposed for it."""

    profile = models.ForeignKey("members.MemberProfile", on_delete=models.CASCADE, related_name="panel_absences")
    away_from = models.DateField()
    away_until = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["profile", "away_from", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(away_until__gte=models.F("away_from")), name="absence_in_order")
        ]

    def __str__(self) -> str:
        return f"Away {self.away_from:%-d %B %Y} to {self.away_until:%-d %B %Y}"

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        return self.away_from <= end and self.away_until >= start


class Loan(models.Model):
    """A request to borrow a member from another Senate for one panel, decided by the lender's team."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    request = models.ForeignKey("reviews.Request", on_delete=models.CASCADE, related_name="panel_loans")
    profile = models.ForeignKey("members.MemberProfile", on_delete=models.PROTECT, related_name="panel_loans")
    lender = models.ForeignKey("organisations.Senate", on_delete=models.PROTECT, related_name="loans_out")
    borrower = models.ForeignKey("organisations.Senate", on_delete=models.PROTECT, related_name="loans_in")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    note = models.TextField(blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["request", "profile"], name="unique_loan")]


class Position(models.TextChoices):
    AGREED = "agreed", "Agreed"
    DISSENTED = "dissented", "Dissented"
    EXCLUDED = "excluded", "Excluded by restriction"
    ABSENT = "absent", "Did not take part"


class JudgementPosition(models.Model):
    """Where one seated member stood on one version of the panel's judgement on a criterion: agreed,
    dissented (with their view), excluded by a restriction on that criterion, or did not take part.
    Written with the judgement (reports.assessment.record_judgement) and never changed: a new version
    of the judgement records the panel's positions again. The judgement is named, not imported:
    reports sits below panels (docs/dev/structure.md)."""

    judgement = models.ForeignKey("reports.Judgement", on_delete=models.PROTECT, related_name="positions")
    seat = models.ForeignKey(PanelMember, on_delete=models.PROTECT, related_name="judgement_positions")
    position = models.CharField(max_length=10, choices=Position.choices)
    view = models.TextField(blank=True, help_text="A dissenting member's view, in their words.")

    class Meta:
        ordering = ["judgement", "id"]
        constraints = [models.UniqueConstraint(fields=["judgement", "seat"], name="one_position_per_seat")]
