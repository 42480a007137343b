"""People who sign in, and the roles they hold in each Senate. Roles are per Senate: a consultant
can sit on one Senate's Council and another's Assembly; a requester contact is tied to an organisation."""

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password) if password else user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=150)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="System administrator: may use Django admin.")
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    # What accounts.roles reads once per web request and keeps on the person (not stored).
    _national_roles: set[str]
    _senate_roles: list[tuple[int | None, str, int | None]]
    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def has_perm(self, perm: str, obj: models.Model | None = None) -> bool:
        """Senate's own permissions (those granted by django-rules, see accounts/permission_names.py) are
        decided by their rules alone. Django lets a superuser do everything; here a system
        administrator administers (Django admin: accounts, organisations) but reads no case file
        (requests, reports, evidence, declarations, meetings) unless they also hold a Senate role
        that grants it. Any other permission (Django admin's model permissions) is Django's."""
        import rules

        if rules.perm_exists(str(perm)):
            return bool(self.is_active and rules.has_perm(str(perm), self, obj))
        return super().has_perm(perm, obj)


class Role(models.TextChoices):
    CHAIR = "chair", "Senate Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    MANAGER = "manager", "Senate manager (support team)"
    COUNCIL_MEMBER = "council_member", "Council member"
    ASSEMBLY_MEMBER = "assembly_member", "Assembly member"
    REQUESTER = "requester", "Requester contact"
    ASSURANCE_VIEWER = "assurance_viewer", "NHS England regional assurance viewer"


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    senate = models.ForeignKey("organisations.Senate", on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="For a requester contact: the organisation they act for.",
    )
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "senate", "role", "organisation"], name="unique_role"),
            models.CheckConstraint(
                condition=~models.Q(role="requester") | models.Q(organisation__isnull=False),
                name="requester_has_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.senate}"


class NationalRole(models.TextChoices):
    """Roles held across every Senate rather than in one (issue 15)."""

    NATIONAL_TEAM = "national_team", "NHS England national team"


class NationalRoleAssignment(models.Model):
    """A role held across every Senate. It grants nothing in any one Senate's records (`roles_in`
    reads only `RoleAssignment`), so a national team member reads only what the national pages give:
    issued advice and statistics. Given and withdrawn in `granting.py`, by a system administrator."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="national_roles")
    role = models.CharField(max_length=20, choices=NationalRole.choices)
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="unique_national_role")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"


class ApiToken(models.Model):
    """A token for the REST API. Only its hash is stored; the token is shown once when made."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(help_text="Chosen when the token is made; the API refuses it afterwards.")

    DEFAULT_DAYS = 90

    @staticmethod
    def hash(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, name: str, days: int = DEFAULT_DAYS) -> tuple["ApiToken", str]:
        key = "sen_" + secrets.token_urlsafe(32)
        expires_at = timezone.now() + dt.timedelta(days=days)
        token = cls.objects.create(user=user, name=name, key_hash=cls.hash(key), prefix=key[:8], expires_at=expires_at)
        return token, key


class AttemptCounter(models.Model):
    """Failed sign-ins (or password-reset requests) for one account or one client address, so that
    guessing is slowed whichever process answers (see `throttle.py`). Only a hash of the key is kept."""

    key = models.CharField(max_length=64, unique=True)
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField(db_index=True)
    locked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.failures} failures, locked until {self.locked_until}"
