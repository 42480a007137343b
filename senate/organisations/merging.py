"""Merging a duplicated organisation into the one to keep: every reference to the duplicate, from any
app, moves to the kept one and the duplicate is removed, in one transaction, audited.

References are found from the model's own metadata, hidden relations included: most links to an
organisation are declared with `related_name="+"`, which `Organisation._meta.related_objects` leaves
out, so a merge that walked only that would leave declarations and affiliations on the duplicate."""

from typing import Any

from django.db import models, transaction

from senate.accounts.models import User
from senate.core import audit
from senate.organisations.models import Organisation


class MergeError(ValueError):
    pass


def references_to(model: type[models.Model]) -> list[Any]:
    """Every relation pointing at `model` (foreign keys, one-to-ones and many-to-manys, hidden ones too)."""
    return [
        f
        for f in model._meta.get_fields(include_hidden=True)
        if f.is_relation
        and f.auto_created
        and not f.concrete
        and (f.one_to_many or f.one_to_one or f.many_to_many)
        # A many-to-many's own table is reached through the many-to-many, which keeps its pairs unique.
        and not f.related_model._meta.auto_created  # type: ignore[union-attr]
    ]


def _unique_sets(model: type[models.Model], field_name: str) -> list[tuple[str, ...]]:
    """The unique field sets on `model` that include `field_name`."""
    sets = [tuple(u) for u in model._meta.unique_together]
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields and constraint.condition is None:
            sets.append(tuple(constraint.fields))
    return [s for s in sets if field_name in s]


def move_references(model: type[models.Model], keep: Any, duplicate: Any) -> dict[str, int]:
    """Point every reference at `duplicate` to `keep`; returns how many rows moved per relation. Works
    on historical models too, so the data migration uses it. A row that would repeat one the kept
    organisation already has (a unique set, or the same many-to-many pair) is dropped instead."""
    moved: dict[str, int] = {}
    for rel in references_to(model):
        if rel.many_to_many:
            field = rel.field
            through = field.remote_field.through
            to_org, to_owner = field.m2m_reverse_field_name(), field.m2m_field_name()
            if field.model is model and to_org == to_owner:  # pragma: no cover - no self many-to-many today
                continue
            rows = through._base_manager
            owners_of_keep = rows.filter(**{to_org: keep.pk}).values_list(f"{to_owner}_id", flat=True)
            rows.filter(**{to_org: duplicate.pk, f"{to_owner}_id__in": list(owners_of_keep)}).delete()
            count = rows.filter(**{to_org: duplicate.pk}).update(**{to_org: keep.pk})
            label = f"{field.model._meta.label}.{field.name}"
        else:
            related, name = rel.related_model, rel.field.name
            rows = related._base_manager.filter(**{name: duplicate.pk})
            for unique in _unique_sets(related, name):
                others = [f for f in unique if f != name]
                for row in list(rows.values("pk", *others)):
                    clash = {f: row[f] for f in others}
                    if related._base_manager.filter(**{name: keep.pk}, **clash).exists():
                        related._base_manager.filter(pk=row["pk"]).delete()
            count = rows.update(**{name: keep.pk})
            label = f"{related._meta.label}.{name}"
        if count:
            moved[label] = moved.get(label, 0) + count
    return moved


def _drop_self_successions(keep: Organisation) -> None:
    from senate.organisations.models import Succession

    Succession.objects.filter(predecessor=keep, successor=keep).delete()


def merge_organisations(keep: Organisation, duplicate: Organisation, by: User) -> dict[str, int]:
    """Merge `duplicate` into `keep`: references move, the kept one takes the duplicate's ODS code,
    region and ICB if it has none, and the duplicate is removed. Audited in the same transaction."""
    if keep.pk == duplicate.pk:
        raise MergeError("Choose two different organisations")
    with transaction.atomic():
        keep = Organisation.objects.select_for_update().get(pk=keep.pk)
        duplicate = Organisation.objects.select_for_update().get(pk=duplicate.pk)
        before = {"code": keep.code, "region": keep.region_id, "icb": keep.icb_id}
        moved = move_references(Organisation, keep, duplicate)
        _drop_self_successions(keep)
        keep.refresh_from_db(fields=["icb"])  # an organisation in the duplicate's ICB area is now in keep's
        if keep.icb_id == keep.pk:
            keep.icb_id = None
        taken_code = duplicate.code if not keep.code else ""
        summary = f"{duplicate} ({duplicate.code or 'no ODS code'}) merged into {keep} ({keep.code or taken_code or 'no ODS code'})"
        audit.record(
            "organisation.merged",
            keep,
            by=by,
            summary=summary[:300],
            data={
                "duplicate": {
                    "pk": duplicate.pk,
                    "code": duplicate.code,
                    "name": duplicate.name,
                    "type": duplicate.type,
                },
                "moved": moved,
            },
        )
        duplicate.delete()
        keep.code = keep.code or taken_code
        keep.region_id = keep.region_id or duplicate.region_id
        if not keep.icb_id and duplicate.icb_id and duplicate.icb_id != keep.pk:
            keep.icb_id = duplicate.icb_id
        keep.save(update_fields=["code", "region", "icb"])
        after = {"code": keep.code, "region": keep.region_id, "icb": keep.icb_id}
        if after != before:
            audit.record(
                "organisation.changed",
                keep,
                by=by,
                summary=f"{keep} took the merged organisation's details"[:300],
                data={
                    "changed": {k: [str(before[k] or ""), str(after[k] or "")] for k in before if before[k] != after[k]}
                },
            )
    return moved
