from senate.core.models import AuditEvent
from senate.members.models import MemberProfile


def _valid(**changes):
    data = {
        "full_name": "Tom Assembly",
        "profession": "nurse",
        "job_title": "Advanced nurse practitioner",
        "contact_preference": "email",
        "willing_to_serve_other_senates": "True",
        "expertise_specialty": ["stroke", "urgent-care"],
        "expertise_life_stage": ["older-people"],
    }
    data.update(changes)
    return data


def test_member_edits_their_own_profile(client, cast):
    client.force_login(cast["assembly"])
    response = client.post("/profile/change/", _valid(job_title="Nurse consultant"))
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=cast["assembly"])
    assert profile.job_title == "Nurse consultant"
    assert profile.willing_to_serve_other_senates is True
    assert set(profile.expertise.values_list("code", flat=True)) == {"stroke", "urgent-care", "older-people"}
    event = AuditEvent.objects.get(action="profile.updated")
    assert event.actor == cast["assembly"]
    assert b"Your profile has been saved" in client.get("/profile/").content


def test_bad_input_gets_an_error_summary_and_saves_nothing(client, cast):
    client.force_login(cast["assembly"])
    before = MemberProfile.objects.get(user=cast["assembly"])
    response = client.post(
        "/profile/change/",
        _valid(full_name="", phone="not a number", job_title="Changed", expertise_specialty=["stroke"]),
    )
    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert b"Enter your full name" in response.content
    assert b"Enter a UK phone number" in response.content
    after = MemberProfile.objects.get(user=cast["assembly"])
    assert after.job_title == before.job_title
    assert not after.expertise.exists()
    assert not AuditEvent.objects.filter(action="profile.updated").exists()


def test_phone_contact_needs_a_phone_number(client, cast):
    client.force_login(cast["assembly"])
    response = client.post("/profile/change/", _valid(contact_preference="phone", phone=""))
    assert b"Enter a phone number, or choose to be contacted by email" in response.content


def test_people_without_a_profile_are_told_so(client, cast):
    client.force_login(cast["manager"])
    response = client.get("/profile/")
    assert response.status_code == 404
