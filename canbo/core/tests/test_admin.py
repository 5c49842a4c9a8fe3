import pytest

from canbo.audit.models import AuditEvent
from canbo.org.models import Unit

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
    assert AuditEvent.objects.filter(action="admin_unit_update").exists()
