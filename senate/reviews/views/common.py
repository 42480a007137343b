from senate.organisations.models import Senate
from senate.reviews.models import Request


def crumbs(senate: Senate, request: Request | None = None) -> list[dict[str, str]]:
    items = [
        {"href": f"/{senate.slug}/", "text": senate.name},
        {"href": f"/{senate.slug}/requests/", "text": "Requests for advice"},
    ]
    if request is not None:
        items.append({"href": f"/{senate.slug}/requests/{request.pk}/", "text": request.reference or "Draft request"})
    return items
