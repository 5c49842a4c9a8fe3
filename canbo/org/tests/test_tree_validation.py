"""A unit or locality cannot be its own ancestor: model validation says so (the admin shows it on
the parent field) instead of the tree rebuild failing after the save."""

import pytest
from django.core.exceptions import ValidationError

from canbo.org.models import Locality, Unit

pytestmark = pytest.mark.django_db


def test_a_unit_under_its_own_descendant_is_refused(small_province):
    district = small_province.units["HU-DT"]
    district.parent = small_province.units["X-LN"]  # X-LN is under HU-DT
    with pytest.raises(ValidationError) as exc:
        district.full_clean()
    assert "Đảng ủy thị trấn Liên Nghĩa" in exc.value.message_dict["parent"][0]
    district.parent = district
    with pytest.raises(ValidationError) as exc:
        district.full_clean()
    assert "parent" in exc.value.message_dict


def test_a_unit_cannot_succeed_itself(small_province):
    unit = small_province.units["X-LN"]
    unit.successor = unit
    with pytest.raises(ValidationError) as exc:
        unit.full_clean()
    assert "successor" in exc.value.message_dict


def test_a_locality_under_its_own_descendant_is_refused(small_province):
    province = Locality.objects.get(code="68")
    province.parent = Locality.objects.get(code="24913")
    with pytest.raises(ValidationError) as exc:
        province.full_clean()
    assert "parent" in exc.value.message_dict


def test_the_admin_answers_a_cycle_with_a_form_error(admin_client, small_province):
    district = small_province.units["HU-DT"]
    response = admin_client.post(f"/quan-tri/org/unit/{district.pk}/change/", {
        "code": "HU-DT", "name": district.name, "level": "huyen", "bloc": "dang",
        "parent": small_province.units["X-LN"].pk, "locality": district.locality_id,
    })
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["parent"]
    assert Unit.objects.get(pk=district.pk).parent_id is None


def test_the_admin_refuses_far_dates_of_a_unit(admin_client, small_province):
    unit = small_province.units["X-LN"]
    response = admin_client.post(f"/quan-tri/org/unit/{unit.pk}/change/", {
        "code": "X-LN", "name": unit.name, "level": "xa", "bloc": "dang", "parent": unit.parent_id,
        "locality": unit.locality_id, "valid_to": "31/12/9999",
    })
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["valid_to"]
