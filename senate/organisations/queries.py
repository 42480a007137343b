import datetime as dt

from django.db.models import Q, QuerySet

from senate.organisations.models import IcbArea, Organisation, Senate


def icbs_advised_by(senate: Senate, on: dt.date | None = None) -> QuerySet[IcbArea]:
    on = on or dt.date.today()
    return (
        IcbArea.objects.filter(senate=senate, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on))
        .select_related("icb")
        .order_by("icb__name")
    )


def organisations_in(senate: Senate, on: dt.date | None = None) -> QuerySet[Organisation]:
    icb_ids = IcbArea.objects.filter(senate=senate).values("icb_id")
    return (
        Organisation.objects.current(on)
        .filter(Q(pk__in=icb_ids) | Q(icb_id__in=icb_ids))
        .select_related("icb")
        .order_by("type", "name")
    )


def senate_named(slug: str) -> Senate:
    """The Senate with this slug (a 404 for any other), as the API's addresses name it."""
    from django.http import Http404

    found = Senate.objects.filter(slug=slug).first()
    if found is None:
        raise Http404("There is no Senate with that name.")
    return found


def every_senate() -> QuerySet[Senate]:
    """Every Clinical Senate, today's and historic, by name."""
    return Senate.objects.select_related("region", "merged_into").order_by("name")


def senates_today() -> QuerySet[Senate]:
    """The Clinical Senates as they stand today, by name (the front door)."""
    return Senate.objects.current().select_related("region").order_by("name")
