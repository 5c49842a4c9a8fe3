"""Summaries are worded when read, from the recorded values, in the reader's language."""

import datetime as dt

import pytest
from django.utils import translation

from canbo.accounts.system import system_actor
from canbo.audit.actions import AuditAction
from canbo.audit.models import AuditEvent
from canbo.audit.render import RENDERERS, changes, summary
from canbo.people import services
from canbo.rules.models import ParameterVersion

pytestmark = pytest.mark.django_db


def _event(action, **fields) -> AuditEvent:
    return AuditEvent(action=action, **fields)


def test_every_action_has_a_renderer():
    assert set(RENDERERS) == set(AuditAction)


def test_a_parameter_change_is_worded_from_its_values():
    event = _event(
        AuditAction.PARAMETER_VERSION_CREATE, object_type="rules.Parameter", object_key="tuoi_tre",
        before={"value": 35}, after={"value": 36}, data={"bo_quy_tac": "KH-2017-2020"},
    )
    assert summary(event) == "Sửa tham số tuoi_tre của KH-2017-2020: 35 → 36"
    assert [(c.label, c.before, c.after) for c in changes(event)] == [("giá trị", "35", "36")]


def test_record_events_read_as_sentences_with_labels(small_province):
    cadre = small_province.cadres["SNV2"]
    event = services.qualification_add(actor=system_actor(), cadre=cadre, kind="llct", level="cao_cap",
                                       obtained_on=dt.date(2019, 5, 2))
    recorded = AuditEvent.objects.get(action=AuditAction.QUALIFICATION_ADD, object_key=str(event.pk))
    assert summary(recorded) == "SNV2: thêm trình độ Lý luận chính trị – Cao cấp"
    by_field = {c.field: c for c in changes(recorded)}
    assert by_field["obtained_on"].after == "02/05/2019" and by_field["obtained_on"].before == ""
    assert "cadre" not in by_field  # shown in its own column
    holding = AuditEvent.objects.filter(action=AuditAction.HOLDING_ADD, cadre_code="DT1").first()
    assert summary(holding) == "DT1: giữ chức danh BT-HU tại HU-DT từ 01/01/2015"
    created = AuditEvent.objects.get(action=AuditAction.CADRE_CREATE, object_key="DT1")
    assert summary(created) == "Thêm cán bộ DT1 – Nguyễn Thị Đào"
    assert {c.label: c.after for c in changes(created)}["giới tính"] == "Nữ"


def test_admin_changes_list_each_field_with_its_label():
    event = _event(
        AuditAction.ADMIN_UPDATE, object_type="org.Unit", object_key="X-LN",
        before={"name": "Xã cũ", "parent": "HU-DT"}, after={"name": "Xã mới", "parent": "UB-DT"},
    )
    assert summary(event) == "Quản trị sửa đơn vị X-LN: tên: Xã cũ → Xã mới; đơn vị cấp trên: HU-DT → UB-DT"


def test_the_reader_language_words_the_same_event_again():
    event = _event(
        AuditAction.PARAMETER_VERSION_CREATE, object_type="rules.Parameter", object_key="tuoi_tre",
        before={"value": 35}, after={"value": 36}, data={"bo_quy_tac": "KH-2017-2020"},
    )
    toggle = _event(AuditAction.RULE_TOGGLE, object_type="rules.Rule", object_key="T3",
                    before={"enabled": True}, after={"enabled": False})
    with translation.override("en"):
        sentence = translation.gettext("Sửa tham số %(key)s của %(set)s") % {
            "key": "tuoi_tre", "set": "KH-2017-2020"}
        assert summary(event) == f"{sentence}: 35 → 36"
        label = str(ParameterVersion._meta.get_field("value").verbose_name)
        assert [(c.label, c.before, c.after) for c in changes(event)] == [(label, "35", "36")]
        yes, no = translation.pgettext("có hay không", "có"), translation.pgettext("có hay không", "không")
        assert summary(toggle).endswith(f"{yes} → {no}")


def test_events_from_before_the_structured_log_keep_their_sentence():
    legacy = _event(AuditAction.UNIT_CREATE, data={"noi_dung": "Thêm đơn vị TU – Tỉnh ủy"})
    assert summary(legacy) == "Thêm đơn vị TU – Tỉnh ủy"


def test_every_field_the_log_records_has_a_label():
    """The log lists each recorded field by its label ("đề xuất", not "proposal"); the tables canbo
    keeps for itself (`core`) are never logged."""
    from django.apps import apps

    from canbo.audit.render import OWN_COLUMN_FIELDS
    from canbo.audit.values import recorded_fields

    unlabelled = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model.__module__.startswith("canbo.") and model._meta.app_label != "core"
        for field in recorded_fields(model)
        if field.name not in OWN_COLUMN_FIELDS and str(field.verbose_name) == field.name.replace("_", " ")
    ]
    assert unlabelled == []


def test_a_recorded_user_reads_by_their_full_name_within_codes_named(small_province):
    """An opinion's recorder is kept by user name; officials read the person (or the system)."""
    from canbo.accounts.models import Role
    from canbo.audit.render import codes_named

    officer = small_province.user("to_chuc_dt", Role.UNIT_HR, "HU-DT")
    officer.first_name, officer.last_name = "Nguyễn", "Lan"
    officer.save()
    event = _event(AuditAction.PROPOSAL_OPINION, object_type="rotation.Opinion", object_key="1",
                   after={"recorded_by": "to_chuc_dt"})
    system = _event(AuditAction.PROPOSAL_OPINION, object_type="rotation.Opinion", object_key="2",
                    after={"recorded_by": system_actor().username})
    assert [c.after for c in changes(event)] == ["to_chuc_dt"]  # outside codes_named: as recorded
    with codes_named([event, system]):
        assert [c.after for c in changes(event)] == ["Nguyễn Lan"]
        assert [c.after for c in changes(system)] == ["Hệ thống (dòng lệnh)"]


def test_a_step_reads_as_a_sentence_beginning_with_a_capital():
    event = _event(AuditAction.WORKFLOW_STEP, object_type="rotation.Proposal", object_key="5",
                   before={"state": "du_thao"}, after={"state": "trinh_thuong_truc"},
                   data={"y_kien": "Bổ sung nhận xét.", "thuc_hien_luc": "2026-11-22T10:00:00+00:00"})
    assert summary(event).startswith("Đề xuất luân chuyển, điều động 5: ")
    assert summary(event).endswith("; ý kiến: Bổ sung nhận xét; thực hiện lúc 22/11/2026 17:00")


def test_an_opinion_names_its_proposal_in_the_readers_language():
    event = _event(AuditAction.PROPOSAL_OPINION, object_type="rotation.Opinion", object_key="9",
                   after={"proposal": "4", "party": "thuong_truc", "verdict": "dong_y"})
    assert summary(event).startswith("Đề xuất số 4: ý kiến của ")
    with translation.override("en"):
        assert summary(event).startswith("Proposal no. 4: opinion of ")
    older = _event(AuditAction.PROPOSAL_OPINION, object_type="rotation.Opinion", object_key="8",
                   data={"de_xuat": "Đề xuất số 3"})
    assert summary(older).startswith("Đề xuất số 3: ý kiến của")


def test_the_cadre_an_event_is_about_reads_by_name_and_code_within_codes_named(small_province):
    from canbo.audit.render import codes_named

    event = _event(AuditAction.ENROLMENT_ADD, object_type="training.Enrolment", object_key="1",
                   cadre_code="DT1", after={"course": "KH-01"})
    unknown = _event(AuditAction.ENROLMENT_ADD, object_type="training.Enrolment", object_key="2",
                     cadre_code="KHONG-CO", after={"course": "KH-01"})
    assert summary(event).startswith("Ghi danh DT1 vào")  # outside codes_named: as recorded
    with codes_named([event, unknown]):
        assert summary(event).startswith("Ghi danh Nguyễn Thị Đào (DT1) vào")
        assert summary(unknown).startswith("Ghi danh KHONG-CO vào")


def test_a_result_names_its_trainee_and_course(small_province):
    from canbo.audit.render import codes_named

    event = _event(AuditAction.RESULT_RECORD, object_type="training.Enrolment", object_key="KH-01/DT1",
                   cadre_code="DT1", before={"result": "chua_co"}, after={"result": "dat"})
    with codes_named([event]):
        assert summary(event) == "Ghi kết quả học tập của Nguyễn Thị Đào (DT1), khóa học KH-01: Chưa có → Đạt"
