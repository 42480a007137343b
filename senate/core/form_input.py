"""What a Senate form is built from, said once: the posted data and files a view hands on, then the
two of Django's own keywords our views and tests pass (`initial`, `prefix`). A form that adds fields
or choices in its `__init__` takes these and its own keyword-only parameters, and passes these on:

    def __init__(self, data: FormData | None = None, files: FormFiles | None = None, *,
                 choices: list[tuple[str, str]], **options: Unpack[FormOptions]) -> None:
        super().__init__(data, files, **options)

Kept apart from `core.forms` (the fields and their rendering) so the two can change independently."""

from collections.abc import Mapping, MutableMapping
from typing import TypedDict

from django.core.files.uploadedfile import UploadedFile
from django.utils.datastructures import MultiValueDict

# `http.POST` (a QueryDict) in a view, a plain dict in a test.
FormData = Mapping[str, object]
# `http.FILES`, as Django's own forms take it.
FormFiles = MultiValueDict[str, UploadedFile]


class FormOptions(TypedDict, total=False):
    """Django's own form keywords that Senate's views and tests use."""

    initial: MutableMapping[str, object] | None
    prefix: str | None
