from decimal import Decimal

from django.conf import settings
from django.db import models


class ConflictPolicy(models.Model):
    """A Senate's own conflicts-of-interest settings. None of these is confirmed nationally for Clinical
    Senates (docs/domain.md §4, §9.3), so each is a setting with the typical NHS value as its default."""

    senate = models.OneToOneField("organisations.Senate", on_delete=models.CASCADE, related_name="conflict_policy")
    # NHS England 2017 thresholds: promotional items about £6; gifts over £50 only on the organisation's
    # behalf; hospitality up to £25 without declaring, £25–£75 declared, over £75 refused unless approved.
    gift_promotional_limit = models.DecimalField(max_digits=7, decimal_places=2, default=Decimal("6"))
    gift_declare_limit = models.DecimalField(max_digits=7, decimal_places=2, default=Decimal("50"))
    hospitality_declare_from = models.DecimalField(max_digits=7, decimal_places=2, default=Decimal("25"))
    hospitality_refuse_over = models.DecimalField(max_digits=7, decimal_places=2, default=Decimal("75"))
    annual_month = models.PositiveSmallIntegerField(default=4, help_text="April: the start of the NHS year.")
    new_interest_days = models.PositiveSmallIntegerField(default=28)
    lookback_years = models.PositiveSmallIntegerField(default=3)
    retention_years = models.PositiveSmallIntegerField(default=6)
    ended_shown_months = models.PositiveSmallIntegerField(default=6)
    local_area_always = models.BooleanField(
        default=False, help_text="Living or working in an affected ICB area counts even when not contentious."
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = "conflict policies"

    def __str__(self) -> str:
        return f"Conflicts of interest policy of {self.senate}"
