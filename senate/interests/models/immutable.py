from typing import Any

from django.db import models


class Immutable(models.Model):
    """A record of something that happened. Written once; only the fields named in
    `may_change_once` may be filled in later (e.g. when a version is superseded)."""

    may_change_once: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        fields = set(kwargs.get("update_fields") or ())
        if self.pk and not (fields and fields <= set(self.may_change_once)):
            raise ValueError(f"{type(self).__name__} rows are never changed; record a new one instead.")
        super().save(*args, **kwargs)
