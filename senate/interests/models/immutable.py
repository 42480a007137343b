from typing import Unpack

from django.db import models

from senate.core.models import SaveOptions


class Immutable(models.Model):
    """A record of something that happened. Written once; only the fields named in
    `may_change_once` may be filled in later (e.g. when a version is superseded)."""

    may_change_once: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, **options: Unpack[SaveOptions]) -> None:
        fields = set(options.get("update_fields") or ())
        if self.pk and not (fields and fields <= set(self.may_change_once)):
            raise ValueError(f"{type(self).__name__} rows are never changed; record a new one instead.")
        super().save(**options)
