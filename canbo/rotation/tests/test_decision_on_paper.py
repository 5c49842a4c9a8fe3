"""A decision issued on paper before it was entered keeps the number it bore: step 4 takes it instead of
the register's next one, if no other document of the register has it, and the register goes on after
the greater. A number already given, or one that is not a number, is refused by name and nothing
changes."""

import pytest
from django.urls import reverse

from canbo.audit.models import AuditEvent
from canbo.audit.render import summary
from canbo.documents.models import IssuedNumber, NumberSeries
from canbo.rotation.models import ProposalState as S
from canbo.rotation.tests.test_decision_document import decided, issue_day  # noqa: F401
from canbo.rotation.tests.test_procedure import rotation, through_step_three, w  # noqa: F401
from canbo.workflow.models import Step
from canbo.workflow.process import TransitionRefused
from canbo.workflow.services import transition

pytestmark = pytest.mark.django_db


def _another(w):  # noqa: F811
    proposal = rotation(w, w.person(w.hu_dt, w.pho_phong), position_type=w.pho_phong)
    through_step_three(w, proposal)
    transition(actor=w.users["btv"], obj=proposal, to=S.DA_QUYET_DINH)
    return proposal


def test_the_number_on_paper_is_kept_and_the_register_goes_on_after_it(client, w, decided):  # noqa: F811
    client.force_login(w.users["btc"])
    url = reverse("rotation:proposal_step", args=[decided.pk, S.DA_BAN_HANH])
    form = client.get(url).content.decode()
    assert 'name="so_tren_giay"' in form and "Số văn bản đã cấp trên giấy" in form
    assert client.post(url, {"so_tren_giay": " 12 "}).status_code == 302
    decided.refresh_from_db()
    assert (decided.state, decided.decision_no) == (S.DA_BAN_HANH, "12-QĐ/TU")
    assert Step.objects.filter(target=S.DA_BAN_HANH).get().inputs == {"so_tren_giay": "12"}
    issue = AuditEvent.objects.get(action="document_number_issue")
    assert summary(issue) == ("Ghi số văn bản đã cấp trên giấy Số 12-QĐ/TU ngày 05/11/2017 "
                              f"cho đề xuất luân chuyển, điều động {decided.pk}")

    gap, after = _another(w), _another(w)
    transition(actor=w.users["btc"], obj=gap, to=S.DA_BAN_HANH, inputs={"so_tren_giay": "7"})
    transition(actor=w.users["btc"], obj=after, to=S.DA_BAN_HANH)
    gap.refresh_from_db(), after.refresh_from_db()
    assert (gap.decision_no, after.decision_no) == ("7-QĐ/TU", "13-QĐ/TU")
    assert NumberSeries.objects.get().last == 13


def test_a_number_already_given_is_refused_and_nothing_changes(client, w, decided):  # noqa: F811
    transition(actor=w.users["btc"], obj=decided, to=S.DA_BAN_HANH)  # the register's 1
    other = _another(w)
    client.force_login(w.users["btc"])
    url = reverse("rotation:proposal_step", args=[other.pk, S.DA_BAN_HANH])
    page = client.post(url, {"so_tren_giay": "1"}).content.decode()
    assert "Số 1-QĐ/TU đã cấp ngày 05/11/2017 cho văn bản khác trong sổ" in page
    assert 'value="1"' in page  # what was typed stays in the form
    other.refresh_from_db()
    assert (other.state, other.decision_no) == (S.DA_QUYET_DINH, "")
    assert list(IssuedNumber.objects.values_list("number", flat=True)) == [1]
    assert not Step.objects.filter(object_id=other.pk, target=S.DA_BAN_HANH).exists()


@pytest.mark.parametrize("text", ["12-QĐ/TU", "0", "mười hai"])
def test_what_is_not_a_number_is_refused(w, decided, text):  # noqa: F811
    with pytest.raises(TransitionRefused, match=f"Số văn bản trên giấy “{text}” không hợp lệ"):
        transition(actor=w.users["btc"], obj=decided, to=S.DA_BAN_HANH, inputs={"so_tren_giay": text})
    decided.refresh_from_db()
    assert decided.state == S.DA_QUYET_DINH and not IssuedNumber.objects.exists()


def test_the_api_takes_the_number_on_paper_and_refuses_a_taken_one(client, w, decided):  # noqa: F811
    client.force_login(w.users["btc"])
    url = f"/api/luan-chuyen/de-xuat/{decided.pk}/buoc"
    taken = client.post(url, {"sang": S.DA_BAN_HANH, "so_tren_giay": "5"}, content_type="application/json")
    assert taken.status_code == 200 and taken.json()["so_quyet_dinh"] == "5-QĐ/TU"
    other = _another(w)
    refused = client.post(f"/api/luan-chuyen/de-xuat/{other.pk}/buoc",
                          {"sang": S.DA_BAN_HANH, "so_tren_giay": "5"}, content_type="application/json")
    assert refused.status_code == 409 and "Số 5-QĐ/TU đã cấp ngày 05/11/2017" in refused.json()["detail"][0]
