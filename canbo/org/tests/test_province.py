"""The province's name on every document is the province whose units canbo keeps."""

import pytest

from canbo.accounts.system import system_actor
from canbo.org.selectors import province_name
from canbo.org.services import locality_create

pytestmark = pytest.mark.django_db


def test_the_province_is_the_one_of_the_units_not_the_first_of_the_localities(small_province):
    locality_create(actor=system_actor(), code="01", name="Hà Nội", level="tinh")
    assert province_name() == "Lâm Đồng"
