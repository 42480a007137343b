"""The case bundle says where the advice sat in NHS England's assurance: every dated step with who
decided and the outcome, and the partners the review engaged."""

import datetime as dt
import io

from senate.assurance import partners, recording
from senate.bundles.contents import Mode
from senate.bundles.making import make_bundle
from senate.bundles.tests.unzipped import rows, unzip
from senate.organisations.models import Organisation
from senate.reviews.tests.factories import RequestFactory


def test_the_bundle_holds_the_assurance_steps_and_the_partners_engaged(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    request = RequestFactory(stage="issued")
    recording.record_step(
        request=request, step="decision", on=dt.date(2027, 2, 14), body="Joint committee", outcome="Option B",
        by=cast["manager"],
    )  # fmt: skip
    healthwatch = Organisation.objects.create(name="Healthwatch Devon", type="healthwatch")
    partners.record_engagement(request=request, organisation=healthwatch, how="evidence", note="", by=cast["manager"])
    out = io.BytesIO()
    make_bundle(request, mode=Mode.FULL, by=cast["manager"], out=out)
    files = unzip(out.getvalue())
    assert rows(files, "assurance_steps") == [
        {
            "Date": "14 Feb 2027",
            "Step": "Commissioner's decision",
            "Held or decided by": "Joint committee",
            "Outcome": "Option B",
        }
    ]
    assert rows(files, "partners")[0]["Partner"] == "Healthwatch Devon"
