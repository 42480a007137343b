"""A row's address worked out once per page is the address reverse() gives it."""

from django.urls import reverse

from senate.participation.links import row_address


def test_a_rows_address_is_the_one_reverse_gives():
    record = row_address("participation:member_record", "south-west")
    renewal = row_address("participation:renewal", "south-west", numbers=2)
    for profile_id, membership_id in [(1, 2), (40, 7), (123456, 98765)]:
        assert record(profile_id) == reverse("participation:member_record", args=["south-west", profile_id])
        assert renewal(profile_id, membership_id) == reverse(
            "participation:renewal", args=["south-west", profile_id, membership_id]
        )
