"""Council papers go through the same upload policy as evidence: documents only (no web pages, no
programs), up to 20 MB, active content refused, the reason shown at the file field; and a paper whose
transaction fails leaves no file behind."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from senate.core import audit
from senate.core.tests import files
from senate.core.uploads import UploadRefused
from senate.core.uploads.stored import _walk
from senate.council.meetings import attach_paper
from senate.council.models import Paper
from senate.council.tests.factories import schedule


def attach(client, meeting, name, data):
    sent = meeting.date - dt.timedelta(days=30)
    return client.post(
        f"/south-west/council/{meeting.pk}/papers/new/",
        {
            "title": "Forward plan",
            "file": SimpleUploadedFile(name, data),
            "sent_on[day]": sent.day,
            "sent_on[month]": sent.month,
            "sent_on[year]": sent.year,
        },
    )


def stored_papers() -> set[str]:
    return set(_walk(default_storage, "council"))


@pytest.mark.parametrize(
    "name,make,message",
    [
        (
            "paper.html",
            files.html,
            "paper.html is a web page (HTML). Upload a PDF, Word, Excel, PowerPoint, OpenDocument text or CSV file",
        ),
        ("evil.exe", files.windows_exe, "evil.exe is a program, not a document. Upload a PDF, Word"),
        ("paper.pdf", files.pdf_with_open_action_javascript, "paper.pdf contains JavaScript, which could run"),
        ("paper.docx", files.docx_with_macros, "paper.docx contains macros"),
        ("slides.pptx", files.zip_bomb_pptx, "slides.pptx would expand to more than 100 MB when opened"),
        (
            "big.pdf",
            lambda: files.pdf() + b"%" * (30 * files.MB),
            "big.pdf is too big: the file must be smaller than 20 MB",
        ),
    ],
)
def test_a_refused_paper_shows_why_at_the_field(client, senate, cast, council, name, make, message):
    meeting = schedule(senate, cast)
    client.force_login(cast["manager"])
    page = attach(client, meeting, name, make()).content.decode()
    assert "There is a problem" in page and page.count(message) == 2
    assert not Paper.objects.exists() and not stored_papers()


def test_ordinary_papers_are_attached(client, senate, cast, council):
    meeting = schedule(senate, cast)
    client.force_login(cast["manager"])
    for name, data in [("plan.pdf", files.pdf()), ("plan.docx", files.docx()), ("minutes.odt", files.odt())]:
        assert attach(client, meeting, name, data).status_code == 302
    assert sorted(p.file.name.rsplit("/", 1)[-1] for p in Paper.objects.all()) == [
        "minutes.odt",
        "plan.docx",
        "plan.pdf",
    ]
    assert len(stored_papers()) == 3
    page = client.get(f"/south-west/council/{meeting.pk}/papers/new/").content.decode()
    assert "PDF, Word, Excel, PowerPoint, OpenDocument text or CSV, up to 20 MB" in page


def test_the_paper_size_limit_is_a_setting(senate, cast, council, settings):
    settings.COUNCIL_PAPER_MAX_UPLOAD_BYTES = 1024
    meeting = schedule(senate, cast)
    with pytest.raises(UploadRefused, match="must be smaller than 1 KB"):
        attach_paper(
            meeting=meeting,
            item=None,
            title="Pack",
            file=ContentFile(files.pdf() + b"%" * 2048, name="pack.pdf"),
            sent_on=meeting.date,
            by=cast["manager"],
        )


def test_a_paper_whose_transaction_fails_leaves_no_file(senate, cast, council, monkeypatch):
    meeting = schedule(senate, cast)

    def fails(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(audit, "record", fails)
    with pytest.raises(RuntimeError):
        attach_paper(
            meeting=meeting,
            item=None,
            title="Pack",
            file=ContentFile(files.pdf(), name="pack.pdf"),
            sent_on=meeting.date,
            by=cast["manager"],
        )
    assert not Paper.objects.exists() and not stored_papers()


def test_a_full_disk_is_told_on_the_paper_page_and_leaves_nothing(client, senate, cast, council, monkeypatch):
    import errno

    from django.core.files.storage import FileSystemStorage

    def no_room(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "_save", no_room)
    meeting = schedule(senate, cast)
    client.force_login(cast["manager"])
    page = attach(client, meeting, "paper.pdf", files.pdf()).content.decode()
    assert page.count("The file could not be stored because the server has no room left for files") == 2
    assert not Paper.objects.exists() and not stored_papers()
