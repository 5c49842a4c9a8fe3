import pytest

from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from canbo.audit.render import summary
from canbo.org.models import PositionType, Unit

pytestmark = pytest.mark.django_db


def test_admin_catalogues_open_and_unit_save_rebuilds_paths(admin_client, small_province):
    for url in ("/quan-tri/", "/quan-tri/org/unit/", "/quan-tri/org/positiontype/",
                "/quan-tri/org/locality/",
                "/quan-tri/org/civilservicerank/", "/quan-tri/accounts/user/", "/quan-tri/people/cadre/",
                "/quan-tri/org/unit/?q=%C4%90%E1%BB%A9c+Tr%E1%BB%8Dng",
                "/quan-tri/org/unit/?bloc__exact=dang"):
        assert admin_client.get(url).status_code == 200, url
    unit = small_province.units["X-LN"]
    response = admin_client.post(f"/quan-tri/org/unit/{unit.pk}/change/", {
        "code": "X-LN", "name": "Đảng ủy thị trấn Liên Nghĩa", "level": "xa", "bloc": "dang",
        "parent": small_province.units["UB-DT"].pk, "locality": unit.locality_id,
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    unit = Unit.objects.get(pk=unit.pk)
    assert unit.path == f"{small_province.units['UB-DT'].path}{unit.pk}/"
    event = AuditEvent.objects.get(action=AuditAction.ADMIN_UPDATE)
    assert (event.object_type, event.object_key) == ("org.Unit", "X-LN")
    assert (event.before, event.after) == ({"parent": "HU-DT"}, {"parent": "UB-DT"})
    assert summary(event) == "Quản trị sửa đơn vị X-LN: HU-DT → UB-DT"


def test_admin_create_and_delete_record_the_values(admin_client, small_province):
    response = admin_client.post(
        "/quan-tri/org/positiontype/add/",
        {"code": "PGD", "name": "Phó Giám đốc Sở", "standards-TOTAL_FORMS": "0",
         "standards-INITIAL_FORMS": "0"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = AuditEvent.objects.get(action=AuditAction.ADMIN_CREATE)
    assert created.before is None and created.after["name"] == "Phó Giám đốc Sở"
    position_type = PositionType.objects.get(code="PGD")
    admin_client.post(f"/quan-tri/org/positiontype/{position_type.pk}/delete/", {"post": "yes"})
    deleted = AuditEvent.objects.get(action=AuditAction.ADMIN_DELETE)
    assert deleted.after is None and deleted.before["code"] == "PGD" and deleted.object_key == "PGD"
    assert not PositionType.objects.filter(code="PGD").exists()
