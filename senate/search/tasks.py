from django_tasks import task


@task()
def index_requests(request_ids: list[int]) -> int:
    """Index these requests' documents again (queued once a write that changes them commits), so a
    person saving a page does not wait for the index. Returns the documents written."""
    from senate.reviews.models import Request
    from senate.search.indexing import index_request

    return sum(index_request(request) for request in Request.objects.filter(pk__in=request_ids))


@task()
def index_meetings(meeting_ids: list[int]) -> int:
    """Index these Council meetings' papers and minutes again."""
    from senate.search.indexing import index_meeting

    return sum(index_meeting(pk) for pk in meeting_ids)


@task()
def index_registers(senate_ids: list[int]) -> int:
    """Index these Senates' published declarations again."""
    from senate.search.indexing import index_register

    return sum(index_register(pk) for pk in senate_ids)
