import csv
import io

from senate.interests.publication import withhold_declaration
from senate.interests.tests.conftest import ago
from senate.interests.tests.factories import declared


def _rows(client, query=""):
    response = client.get("/south-west/interests/register.csv" + query)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response.streaming, "the CSV is streamed, not built whole in memory"
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_csv_has_the_same_published_entries_and_nothing_confidential(
    client, cast, council_profile, assembly_profile
):
    declared(council_profile, nature="Sister works for a rival bidder", may_publish=False)
    withheld = declared(assembly_profile, nature="Shelter volunteer")
    withhold_declaration(withheld, grounds="safety", reason="Risk of harm", by=cast["manager"])
    declared(council_profile, nature="Paid adviser to Acme Medical", organisation_name="Acme Medical Ltd")
    rows = _rows(client)
    text = "\n".join(",".join(r) for r in rows)
    assert rows[0][0] == "Member"
    assert ["Priya Council", "Council: Clinical member", "Financial interest", "Acme Medical Ltd"] == rows[1][:4]
    assert "rival bidder" not in text and "Shelter volunteer" not in text and "Risk of harm" not in text
    assert "2 entries withheld" in text


def test_the_csv_can_be_taken_as_at_a_date(client, cast, council_profile):
    declared(council_profile, nature="Declared today")
    assert "Declared today" not in "".join(sum(_rows(client, f"?on={ago(10).isoformat()}"), []))


def test_cells_that_a_spreadsheet_would_run_are_defused(client, cast, council_profile):
    declared(council_profile, nature='=HYPERLINK("http://example.com")')
    nature = _rows(client)[1][4]
    assert nature.startswith("'=")
