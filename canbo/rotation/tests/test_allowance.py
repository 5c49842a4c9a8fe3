"""The one-time allowance of R8: its amount is the rule set's parameter (shipped with a reason that says
the plan gives none), fixed when the decision is issued; shown on the proposal and in the decision; the
list for the finance office by decision date and unit, with the total, on the page and in XLSX."""

import datetime as dt
import io

import docx
import openpyxl
import pytest
from django.urls import reverse

from canbo.accounts.models import Role, User
from canbo.rotation import decision as decision_module
from canbo.rotation.allowance import AMOUNT, allowance_of
from canbo.rotation.tests import test_procedure as procedure
from canbo.rules.models import Parameter, ParameterVersion
from canbo.rules.selectors import rule_set_in_force
from canbo.rules.services import parameter_version_create
from canbo.workflow.services import transition

S, rotation, through_step_three = procedure.S, procedure.rotation, procedure.through_step_three
w = procedure.w

pytestmark = pytest.mark.django_db

ISSUE_DAY = dt.date(2017, 11, 5)
SHIPPED = 10_000_000


@pytest.fixture(autouse=True)
def issue_day(monkeypatch):
    monkeypatch.setattr(decision_module, "today", lambda: ISSUE_DAY)
    monkeypatch.setattr(decision_module, "issue_day", lambda step: ISSUE_DAY)


def issued(w, cadre, **extra):
    proposal = rotation(w, cadre, **extra)
    through_step_three(w, proposal)
    transition(actor=w.users["btv"], obj=proposal, to=S.DA_QUYET_DINH)
    transition(actor=w.users["btc"], obj=proposal, to=S.DA_BAN_HANH)
    proposal.refresh_from_db()
    return proposal


def new_amount(w, value):
    parameter = Parameter.objects.get(rule_set=rule_set_in_force(procedure.START), key=AMOUNT)
    parameter_version_create(
        actor=w.users["btc"],
        parameter=parameter,
        value=value,
        valid_from=dt.date(2017, 12, 1),
        reason="Mức mới",
        decision="Số 99-QĐ/TU",
    )


def test_the_amount_is_a_parameter_of_the_rule_set_cited_and_explained():
    version = ParameterVersion.objects.get(parameter__key=AMOUNT)
    assert version.value == SHIPPED and "811-QĐ/TU" in version.parameter.citation
    assert "không ghi mức" in version.reason
    assert version.shown() == "10.000.000 đồng"
    rule = rule_set_in_force(procedure.START).rules.get(code="R8")
    assert AMOUNT in rule.parameter_keys and "{muc_ho_tro_luan_chuyen}" in rule.text


def test_a_key_leader_rotated_by_the_standing_committee_gets_the_amount_fixed_at_issue(w):
    key = w.person(w.xa_ln, w.chu_chot_xa)
    proposal = issued(w, key)
    assert proposal.check_result["ho_tro_mot_lan"] is True and proposal.allowance == SHIPPED
    new_amount(w, 15_000_000)
    proposal.refresh_from_db()
    assert allowance_of(proposal) == SHIPPED  # the issued decision keeps its amount
    other = rotation(w, w.person(w.xa_ln, w.chu_chot_xa))
    assert other.allowance is None and allowance_of(other) == 15_000_000  # in force at the start
    head = issued(w, w.person(w.hu_dt, w.pho_phong), position_type=w.pho_phong)
    assert head.check_result["ho_tro_mot_lan"] is False and head.allowance is None
    assert allowance_of(head) is None


def test_the_proposal_page_and_the_decision_show_the_amount(client, w):
    proposal = issued(w, w.person(w.xa_ln, w.chu_chot_xa))
    client.force_login(w.users["btc"])
    page = client.get(reverse("rotation:proposal_detail", args=[proposal.pk])).content.decode()
    assert 'id="ho-tro">10.000.000 đ' in page and "cố định khi ban hành" in page
    decision = client.get(reverse("rotation:proposal_decision", args=[proposal.pk]))
    text = [p.text for p in docx.Document(io.BytesIO(decision.content)).paragraphs]
    article = next(line for line in text if line.startswith("Điều 2."))
    assert "mức 10.000.000 đồng" in article and "811-QĐ/TU" in article


def test_the_finance_list_by_decision_date_and_unit_with_its_total(client, w):
    first = issued(w, w.person(w.xa_ln, w.chu_chot_xa))
    new_amount(w, 15_000_000)
    second = rotation(w, w.person(w.xa_ln, w.chu_chot_xa))
    through_step_three(w, second)
    transition(actor=w.users["btv"], obj=second, to=S.DA_QUYET_DINH)
    transition(actor=w.users["btc"], obj=second, to=S.DA_BAN_HANH)
    issued(w, w.person(w.hu_dt, w.pho_phong), position_type=w.pho_phong)  # no allowance: not listed
    url = reverse("rotation:allowances")
    period = {"tu_ngay": "01/11/2017", "den_ngay": "30/11/2017"}
    client.force_login(w.users["btc"])
    page = client.get(url, period).content.decode()
    assert first.cadre.full_name in page and second.cadre.full_name in page
    assert 'id="tong-tien">25.000.000 đ' in page and 'data-total="2"' in page
    export = client.get(url, {**period, "xuat": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    rows = [row for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert [row[-1] for row in rows] == [10_000_000, 15_000_000, 25_000_000]
    assert rows[-1][3].startswith("Tổng cộng (2")
    outside = client.get(url, {"tu_ngay": "01/12/2017", "den_ngay": "31/12/2017"}).content.decode()
    assert first.cadre.full_name not in outside and 'data-total="2"' not in outside
    other_unit = client.get(url, {**period, "don_vi": w.mat_tran.code}).content.decode()
    assert first.cadre.full_name not in other_unit
    client.force_login(w.users["thuong_truc"])
    assert client.get(url, period).status_code == 200
    year = client.get(url, {"as_of": "15/06/2017"}).content.decode()  # by default, the viewing date's year
    assert 'value="01/01/2017"' in year and 'value="31/12/2017"' in year and 'data-total="2"' in year


def test_a_unit_officer_may_not_read_the_finance_list(client, w):
    officer = User.objects.create_user(username="hr", password="x", role=Role.UNIT_HR, scope_unit=w.hu_dt)
    client.force_login(officer)
    assert client.get(reverse("rotation:allowances")).status_code == 403
