"""Members: a person's professional profile, the organisations they work with, and their
memberships of a Senate's Council or Assembly with terms of office."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q


class Profession(models.TextChoices):
    DOCTOR = "doctor", "Doctor"
    NURSE = "nurse", "Nurse"
    MIDWIFE = "midwife", "Midwife"
    AHP = "ahp", "Allied health professional"
    PHARMACIST = "pharmacist", "Pharmacist"
    PARAMEDIC = "paramedic", "Paramedic"
    PSYCHOLOGIST = "psychologist", "Psychologist"
    PUBLIC_HEALTH = "public_health", "Public health"
    SOCIAL_CARE = "social_care", "Social care"
    MANAGER = "manager", "Manager"
    PPV = "ppv", "Patient and public voice"
    OTHER = "other", "Other"


CLINICAL_PROFESSIONS = frozenset(
    {
        Profession.DOCTOR,
        Profession.NURSE,
        Profession.MIDWIFE,
        Profession.AHP,
        Profession.PHARMACIST,
        Profession.PARAMEDIC,
        Profession.PSYCHOLOGIST,
    }
)


class Expertise(models.Model):
    """One term of the shared vocabulary of expertise: a specialty, a care setting, a 'birth to
    death' life stage or an NHS Outcomes Framework domain. Panel rules count these later."""

    class Kind(models.TextChoices):
        SPECIALTY = "specialty", "Specialty"
        SETTING = "setting", "Care setting"
        LIFE_STAGE = "life_stage", "Life stage"
        OUTCOMES_DOMAIN = "outcomes_domain", "NHS Outcomes Framework domain"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=160)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["kind", "order", "name"]

    def __str__(self) -> str:
        return self.name


class MemberProfile(models.Model):
    class Contact(models.TextChoices):
        EMAIL = "email", "Email"
        PHONE = "phone", "Phone"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    profession = models.CharField(max_length=20, choices=Profession.choices)
    job_title = models.CharField(max_length=160, blank=True)
    expertise = models.ManyToManyField(Expertise, blank=True, related_name="profiles")
    employer = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    region = models.ForeignKey("organisations.Region", null=True, blank=True, on_delete=models.PROTECT)
    home_icb = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The ICB area the member lives or mainly works in.",
    )
    phone = models.CharField(max_length=30, blank=True)
    contact_preference = models.CharField(max_length=10, choices=Contact.choices, default=Contact.EMAIL)
    willing_to_serve_other_senates = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["user__full_name"]

    def __str__(self) -> str:
        return str(self.user)

    def expertise_of(self, kind: str) -> list[Expertise]:
        return [e for e in self.expertise.all() if e.kind == kind]


class Affiliation(models.Model):
    """An organisation a member works for or with. Conflict screening reads these."""

    class Kind(models.TextChoices):
        EMPLOYED = "employed", "Employed by"
        CONTRACTED = "contracted", "Contracted to"
        BOARD = "board", "Board member of"
        ADVISORY = "advisory", "Advisory role with"
        HONORARY = "honorary", "Honorary contract with"

    profile = models.ForeignKey(MemberProfile, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    role = models.CharField(max_length=160, blank=True)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-start"]


class RoleDescription(models.Model):
    senate = models.ForeignKey("organisations.Senate", on_delete=models.CASCADE, related_name="role_descriptions")
    title = models.CharField(max_length=120)
    version = models.CharField(max_length=20)
    approved_on = models.DateField()
    text = models.TextField()

    class Meta:
        ordering = ["title", "-approved_on"]
        constraints = [models.UniqueConstraint(fields=["senate", "title", "version"], name="unique_role_description")]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"


class Body(models.TextChoices):
    COUNCIL = "council", "Council"
    ASSEMBLY = "assembly", "Assembly"


class MembershipRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    CLINICAL = "clinical", "Clinical member"
    PPV = "ppv", "Patient and public voice member"
    NOMINATED = "nominated", "Nominated representative"
    RECRUITED = "recruited", "Recruited member"


class MembershipQuerySet(models.QuerySet["Membership"]):
    def current(self, on: dt.date | None = None) -> "MembershipQuerySet":
        on = on or dt.date.today()
        return self.filter(term_start__lte=on, term_end__gte=on).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on))


class Membership(models.Model):
    profile = models.ForeignKey(MemberProfile, on_delete=models.CASCADE, related_name="memberships")
    senate = models.ForeignKey("organisations.Senate", on_delete=models.CASCADE, related_name="memberships")
    body = models.CharField(max_length=10, choices=Body.choices)
    role = models.CharField(max_length=12, choices=MembershipRole.choices)
    term_start = models.DateField()
    term_end = models.DateField()
    term_number = models.PositiveIntegerField(default=1)
    role_description = models.ForeignKey(RoleDescription, null=True, blank=True, on_delete=models.PROTECT)
    ended_on = models.DateField(null=True, blank=True, help_text="Left before the term ended.")
    end_reason = models.CharField(max_length=200, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["senate", "body", "term_end"]
        indexes = [models.Index(fields=["senate", "body", "term_end"])]
        constraints = [
            models.CheckConstraint(condition=Q(term_end__gt=models.F("term_start")), name="term_ends_after_start"),
            models.CheckConstraint(condition=Q(term_number__gte=1), name="term_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.profile} – {self.get_body_display()} ({self.get_role_display()})"

    def days_left(self, on: dt.date | None = None) -> int:
        return (self.term_end - (on or dt.date.today())).days
