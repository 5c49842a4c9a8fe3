import pytest
from django.urls import reverse

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor

pytestmark = pytest.mark.django_db


def test_tree_counts_each_cadre_once_per_subtree(client_as, small_province):
    from canbo.people.services import holding_add

    # DT1 also chairs the district People's Committee: still one cadre in Đức Trọng.
    head = small_province.cadres["DT1"]
    holding_add(actor=system_actor(), cadre=head, unit=small_province.units["UB-DT"],
                position_type=small_province.types["CV"], valid_from=head.holdings.get().valid_from)
    client = client_as("hr", role=Role.UNIT_HR, scope_unit="HU-DT")
    response = client.get(reverse("org:unit_tree"), {"as_of": "01/01/2020"})
    (root,) = response.context["roots"]
    assert root.unit.code == "HU-DT"
    assert (root.direct, root.subtree) == (1, 2)
    assert {child.unit.code: child.subtree for child in root.children} == {"UB-DT": 2, "X-LN": 0}
    assert "?don_vi=HU-DT" in response.content.decode()


def test_tree_for_btc_shows_only_its_blocs(client_as):
    client = client_as("btc", role=Role.BTC)
    roots = client.get(reverse("org:unit_tree")).context["roots"]
    assert {node.unit.code for node in roots} == {"TU", "HLHPN", "HU-DT"}


def test_unit_detail_and_404(client_as):
    client = client_as("hr", role=Role.UNIT_HR, scope_unit="HU-DT")
    response = client.get(reverse("org:unit_detail", args=["HU-DT"]), {"as_of": "01/01/2020"})
    assert response.status_code == 200
    assert "Nguyễn Thị Đào" in response.content.decode()
    assert client.get(reverse("org:unit_detail", args=["TU"])).status_code == 404
