import datetime as dt

import pytest

from senate.members.models import Membership
from senate.participation import development, home, induction, queries, record


def test_an_accepted_offer_is_in_the_record_and_the_senates_experience(cast, senate):
    priya = Membership.objects.get(profile__user=cast["council"]).profile
    asked = development.express_interest(profile=priya, senate=senate, kind="chair_panel", note="", by=cast["council"])
    with pytest.raises(development.DevelopmentRefused, match="already asked"):
        development.express_interest(profile=priya, senate=senate, kind="chair_panel", note="", by=cast["council"])
    development.offer(development=asked, offer_text="Chair the maternity panel", by=cast["manager"])
    development.answer(development=asked, accept=True, by=cast["council"])

    year = record.appraisal_year(dt.date.today())
    assert record.record_of(priya, senate, year).development == ["Chairing a panel: Chair the maternity panel"]
    assert queries.experience(senate)["Chairing a panel"] == ["Priya Council"]


def test_the_front_page_asks_the_member_and_the_team(cast, senate):
    today = dt.date.today()
    m = Membership.objects.get(profile__user=cast["council"])
    m.term_end = today + dt.timedelta(days=50)
    m.save()
    induction.start_induction(m, by=cast["manager"])
    member = [t.text for t in home.tasks(cast["council"], senate, today)]
    assert member == ["Complete your induction (4 items left)", "Tell the Senate team whether you wish to continue"]
    team = [t.text for t in home.tasks(cast["manager"], senate, today)]
    assert team == ["Review the renewal of 1 term ending soon"]
