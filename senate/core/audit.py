"""Writing the audit trail. Call inside the transaction of the write it records."""

from typing import Any

from django.db import models

from senate.core.models import AuditEvent


def record(
    action: str,
    obj: models.Model,
    *,
    by: Any = None,
    senate: Any = None,
    summary: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    actor = by if getattr(by, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=actor,
        senate=senate,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        summary=summary[:300] or str(obj)[:300],
        data=data or {},
    )


def history(obj: models.Model) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).select_related("actor")
