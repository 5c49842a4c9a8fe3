"""The ORM's "active at D" is the facts' `active` column, and retired people hold no post."""

import datetime as dt

import pytest
from django.urls import reverse

from canbo.people.active import active_q_for_cadres, held_positions
from canbo.people.models import Cadre
from canbo.reports.tests.builders import Province
from canbo.rules import engine, facts

pytestmark = pytest.mark.django_db


def test_orm_definition_matches_the_facts_column():
    p = Province()
    # Men born in May 1959 retire on 31/05/2019 (60 years, before 2021).
    d = dt.date(2019, 5, 31)
    on_the_day = p.cadre(code="DAY", birth=dt.date(1959, 5, 10))
    day_after = p.cadre(code="AFTER", birth=dt.date(1959, 4, 10))
    ended = p.cadre(code="ENDED")
    starts_later = p.cadre(code="LATER")
    never = p.cadre(code="NEVER")
    for cadre in (on_the_day, day_after):
        p.hold(cadre, p.chuyen_vien)
    p.hold(ended, p.chuyen_vien, end=d - dt.timedelta(days=1))
    p.hold(starts_later, p.chuyen_vien, start=d + dt.timedelta(days=1))
    assert never.retirement_date > d and day_after.retirement_date < d == on_the_day.retirement_date
    for day in (d, d + dt.timedelta(days=1), dt.date(2030, 1, 1)):
        orm = set(Cadre.objects.filter(active_q_for_cadres(day)).values_list("code", flat=True))
        rows = facts.run(*facts.facts_sql(engine.context_for(day), None, {"active"}))
        assert orm == {row["code"] for row in rows if row["active"]}
        held = set(held_positions(day).values_list("cadre__code", flat=True))
        assert held == orm
    assert set(Cadre.objects.filter(active_q_for_cadres(d)).values_list("code", flat=True)) == {"DAY"}


def test_record_of_a_retired_cadre_says_when_and_holds_nothing(client_as, small_province):
    client = client_as("btv1", role="btv")
    # TU1, born 04/03/1962, retires on 30/09/2022 (60 years 6 months in 2022); his post was never closed.
    page = client.get(reverse("people:cadre_detail", args=["TU1"]) + "?as_of=2023-01-01")
    text = page.content.decode()
    assert "Đã nghỉ hưu từ ngày 30/09/2022" in text
    assert "Giữ đến khi nghỉ hưu (30/09/2022)" in text
    assert "Đang giữ" not in text
    listed = client.get(reverse("people:cadre_list") + "?trang_thai=dang_cong_tac")
    assert "TU1" not in [row["ma"] for row in listed.context["table"].rows]
