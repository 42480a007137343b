from senate.interests.navigation import items


class _Request:
    def __init__(self, user):
        self.user = user


def test_the_senate_team_gets_interests_and_everyone_else_the_register(cast, senate):
    from django.contrib.auth.models import AnonymousUser

    assert [i["text"] for i in items(_Request(cast["manager"]), senate)] == ["Interests"]
    assert [i["text"] for i in items(_Request(cast["council"]), senate)] == ["Register of interests", "My declarations"]
    assert [i["text"] for i in items(_Request(AnonymousUser()), senate)] == ["Register of interests"]
