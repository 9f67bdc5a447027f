"""User names fold look-alikes: ａｄｍｉｎ, Admin and 'ad min' are admin; a zero-width space is refused."""

import pytest

from zhenxing.auth import service as accounts
from zhenxing.errors import Conflict, Rejected


@pytest.mark.parametrize("twin", ["ａｄｍｉｎ", "Admin", "ad min", " admin "])
def test_a_look_alike_of_an_existing_user_name_is_refused(session, twin):
    accounts.create_user(session, name="admin", role="admin", password="correct-horse-9")
    with pytest.raises(Conflict) as refused:
        accounts.create_user(session, name=twin, role="office", password="correct-horse-9")
    assert refused.value.field == "name"


def test_a_user_name_with_a_zero_width_space_is_refused(session):
    with pytest.raises(Rejected, match="不可见字符"):
        accounts.create_user(session, name="ad\u200bmin", role="office", password="correct-horse-9")
