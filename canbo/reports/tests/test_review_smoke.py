import datetime as dt

import pytest

from canbo.accounts.system import system_actor
from canbo.reports.selectors import review
from canbo.reports.tests.builders import Province

pytestmark = pytest.mark.django_db
D = dt.date(2017, 6, 30)


def test_smoke():
    p = Province()
    a = p.cadre()
    p.hold(a, p.truong_phong)
    p.qualify(a, "llct", "trung_cap")
    result = review(actor=system_actor(), as_of=D)
    assert result["thieu_cao_cap_llct"] == 1
    assert result["thieu_dai_hoc"] == 1
    assert result["thieu_qlnn"] == 1
    assert result["thieu_trung_cap_chuyen_mon"] == {"tong": 0, "bo_nhiem": 0, "quy_hoach": 0}
