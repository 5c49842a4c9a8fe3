import datetime as dt

import pytest
from django.urls import reverse

from canbo.accounts.system import system_actor
from canbo.people import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def named(small_province):
    for code, name in [
        ("S1", "Ya K'Gioi"),
        ("S2", "Nguyễn Thị Hoa"),
        ("S3", "Trần Hoàng Long"),
        ("S4", "Hoàng Văn Hoan"),
        ("S5", "Lê Hoa Mai"),
    ]:
        services.cadre_create(actor=system_actor(), code=code, full_name=name, birth_date=dt.date(1980, 1, 1),
                              gender="nam", category="cong_chuc")
    return small_province


def _codes(client, query, **more):
    response = client.get(reverse("people:cadre_list"), {"q": query, **more})
    return [row["ma"] for row in response.context["table"].rows]


def test_apostrophes_and_diacritics_fold(client_as, named):
    client = client_as("btv1", role="btv")
    assert _codes(client, "kgioi") == ["S1"]
    assert _codes(client, "K'Gioi") == ["S1"]
    assert _codes(client, "dao") == ["DT1"]  # Nguyễn Thị Đào: đ is d


def test_whole_words_rank_before_prefixes_and_every_word_must_match(client_as, named):
    client = client_as("btv1", role="btv")
    hits = _codes(client, "hoa")
    assert set(hits[:3]) == {"S2", "S5", "SNV1"}  # Hoa as a whole word
    assert set(hits[3:]) == {"S3", "S4", "HOI"}  # Hoàng, Hoan: "hoa" starts the word
    assert _codes(client, "hoa mai") == ["S5", "HOI"]  # both words whole first; Hoàng Thị Mai next
    assert _codes(client, "hoa zzz") == []


def test_name_column_sorts_the_vietnamese_way(client_as, named):
    client = client_as("btv1", role="btv")
    response = client.get(reverse("people:cadre_list"), {"sap_xep": "ho_ten"})
    names = [row["ho_ten"].text for row in response.context["table"].rows]
    # Given names: Bình, Cũ, Điệp, Đào, … ordered b c d đ; Đào (đ, a) before Điệp (đ, i).
    givens = [name.split()[-1] for name in names]
    assert givens.index("Bình") < givens.index("Cũ") < givens.index("Đào") < givens.index("Điệp")
    assert givens.index("Hoa") < givens.index("Hoan") < givens.index("Huy")
