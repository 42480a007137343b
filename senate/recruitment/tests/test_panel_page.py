"""The selection panel page: the Senate team sets the panel; a panel member only reads it."""

from senate.recruitment.models import PanelMember
from senate.recruitment.tests.factories import apply, close, open_vacancy, panel_of


def _scoring(cast):
    vacancy = open_vacancy(cast["manager"])
    apply(vacancy)
    close(vacancy)
    return vacancy


def test_the_manager_puts_a_member_on_the_panel(client, cast):
    vacancy = _scoring(cast)
    client.force_login(cast["manager"])
    response = client.post(
        f"/south-west/recruitment/{vacancy.pk}/panel/", {"profile": cast["council"].profile.pk}, follow=True
    )
    assert "Priya Council is on the selection panel." in response.content.decode()
    assert PanelMember.objects.filter(vacancy=vacancy, profile=cast["council"].profile).exists()


def test_adding_someone_already_on_the_panel_says_so_on_the_field(client, cast):
    vacancy = _scoring(cast)
    panel_of(vacancy, cast["council"])
    client.force_login(cast["manager"])
    response = client.post(f"/south-west/recruitment/{vacancy.pk}/panel/", {"profile": cast["council"].profile.pk})
    assert "Priya Council is already on the selection panel" in response.content.decode()


def test_a_panel_member_cannot_add_someone_to_the_panel(client, cast):
    vacancy = _scoring(cast)
    panel_of(vacancy, cast["council"])
    client.force_login(cast["council"])
    url = f"/south-west/recruitment/{vacancy.pk}/panel/"
    response = client.post(url, {"profile": cast["assembly"].profile.pk})
    assert response.status_code == 403
    assert not PanelMember.objects.filter(vacancy=vacancy, profile=cast["assembly"].profile).exists()
