"""The workflow core on a toy process: a step is taken with its row, files and audit event in one
transaction, or refused with every reason (capability, scope, guard, comment, files)."""

import hashlib
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from canbo.accounts.models import Role, User
from canbo.audit.models import AuditEvent
from canbo.audit.render import summary
from canbo.core.errors import NotFound
from canbo.workflow.files import path_of
from canbo.workflow.models import Step, StepFile
from canbo.workflow.process import Process, Transition, TransitionRefused, register
from canbo.workflow.selectors import step_file_get, steps_of
from canbo.workflow.services import options, transition
from canbo.workflow.tests.toy import ToyState, create_toy_model, drop_toy_model, process

pytestmark = pytest.mark.django_db(transaction=True)

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def toy(settings, tmp_path):
    settings.FILES_DIR = tmp_path / "tep"
    model = create_toy_model()
    yield model
    drop_toy_model(model)


def _user(username, role, **extra):
    return User.objects.create_user(username=username, password="x-very-long-1", role=role, **extra)


@pytest.fixture
def people():
    return {"hr": _user("hr", Role.UNIT_HR), "other_hr": _user("hr2", Role.UNIT_HR),
            "btc": _user("btc", Role.BTC), "school": _user("truong", Role.SCHOOL)}


def _docx(part="word/document.xml") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(part, "<w:document/>")
    return buffer.getvalue()


def test_a_step_writes_the_state_its_row_its_files_and_an_audit_event(toy, people):
    request = toy.objects.create(code="DN1", title="Cử đi học", owner="hr")
    step = transition(actor=people["hr"], obj=request, to=ToyState.GUI, comment="Kính gửi",
                      files=[SimpleUploadedFile("To trinh.pdf", PDF_BYTES, "application/octet-stream")])
    request.refresh_from_db()
    assert request.state == ToyState.GUI
    assert (step.actor, step.source, step.target, step.comment) == (people["hr"], "nhap", "gui", "Kính gửi")
    attached = StepFile.objects.get(step=step)
    assert (attached.name, attached.size) == ("To trinh.pdf", len(PDF_BYTES))
    assert attached.content_type == "application/pdf"
    assert attached.sha256 == hashlib.sha256(PDF_BYTES).hexdigest()
    assert path_of(attached.sha256).read_bytes() == PDF_BYTES
    event = AuditEvent.objects.get(action="workflow_step")
    assert (event.object_key, event.before, event.after) == ("DN1", {"state": "nhap"}, {"state": "gui"})
    assert event.data["tep"] == [{"ten": "To trinh.pdf", "byte": len(PDF_BYTES), "sha256": attached.sha256}]
    assert "ý kiến: Kính gửi" in summary(event) and "tệp: To trinh.pdf" in summary(event)
    history = steps_of(request)
    assert [(s.source_label, s.target_label) for s in history] == [("Nháp", "Đã gửi")]
    assert step_file_get(obj=request, pk=attached.pk) == attached


def _refused(toy_request, actor, to, **kwargs) -> list[str]:
    before = (Step.objects.count(), AuditEvent.objects.count(), toy_request.state)
    with pytest.raises(TransitionRefused) as refused:
        transition(actor=actor, obj=toy_request, to=to, **kwargs)
    toy_request.refresh_from_db()
    assert (Step.objects.count(), AuditEvent.objects.count(), toy_request.state) == before
    return refused.value.reasons


def test_a_role_without_the_capability_is_told_which_and_who_has_it(toy, people):
    request = toy.objects.create(code="DN1", title="Cử đi học", owner="hr")
    reasons = _refused(request, people["school"], ToyState.GUI)
    assert reasons == ["Bạn không có quyền: Sửa hồ sơ cán bộ. Quyền này thuộc: Ban Tổ chức Tỉnh ủy, "
                       "Sở Nội vụ, Cán bộ tổ chức đơn vị."]


def test_an_object_outside_the_scope_is_refused(toy, people):
    request = toy.objects.create(code="DN1", title="Cử đi học", owner="hr")
    assert _refused(request, people["other_hr"], ToyState.GUI) == ["Đề nghị DN1 không thuộc phạm vi của bạn."]


def test_a_guard_says_why_and_nothing_is_written(toy, people):
    request = toy.objects.create(code="DN1", owner="hr")
    assert _refused(request, people["hr"], ToyState.GUI) == ["Đề nghị chưa có tiêu đề."]


def test_a_return_needs_its_reason_and_a_step_outside_the_table_is_refused(toy, people):
    request = toy.objects.create(code="DN1", title="Cử đi học", owner="hr")
    assert _refused(request, people["hr"], ToyState.DUYET) == ["Không thể chuyển từ “Nháp” sang “Đã duyệt”."]
    transition(actor=people["hr"], obj=request, to=ToyState.GUI)
    assert _refused(request, people["btc"], ToyState.NHAP, comment="  ") == [
        "Bước “Trả lại” cần ghi rõ lý do."]
    transition(actor=people["btc"], obj=request, to=ToyState.NHAP, comment="Bổ sung danh sách")
    assert [s.comment for s in steps_of(request)] == ["", "Bổ sung danh sách"]


@pytest.mark.parametrize(("name", "content", "why"), [
    ("hoso.exe", b"MZ\x90\x00", "không thuộc loại được nhận"),
    ("hoso.pdf", b"MZ\x90\x00 not a pdf", "không phải tệp PDF"),
    ("hoso.docx", b"PK\x03\x04 broken", "không phải tệp DOCX"),
    ("hoso.xlsx", _docx(), "không phải tệp XLSX"),
    ("hoso.pdf", b"", "rỗng"),
], ids=["exe", "pdf-not-pdf", "docx-broken", "xlsx-is-docx", "empty"])  # a zip's bytes carry its time
def test_files_are_checked_by_their_content(toy, people, name, content, why):
    request = toy.objects.create(code="DN1", title="Cử đi học", owner="hr")
    reasons = _refused(request, people["hr"], ToyState.GUI, files=[SimpleUploadedFile(name, content)])
    assert len(reasons) == 1 and why in reasons[0]


def test_a_file_over_the_limit_is_refused_and_office_files_pass(toy, people, settings):
    settings.FILE_MAX_BYTES = 1024
    request = toy.objects.create(code="DN1", title="Cử đi học", owner="hr")
    big = SimpleUploadedFile("lon.pdf", PDF_BYTES + b"0" * 2000)
    assert "lớn hơn" in _refused(request, people["hr"], ToyState.GUI, files=[big])[0]
    step = transition(actor=people["hr"], obj=request, to=ToyState.GUI,
                      files=[SimpleUploadedFile("../../ke hoach.docx", _docx())])
    assert StepFile.objects.get(step=step).name == "ke hoach.docx"


def test_a_file_is_reached_only_through_its_own_object(toy, people):
    first = toy.objects.create(code="DN1", title="Một", owner="hr")
    second = toy.objects.create(code="DN2", title="Hai", owner="hr")
    step = transition(actor=people["hr"], obj=first, to=ToyState.GUI,
                      files=[SimpleUploadedFile("a.pdf", PDF_BYTES)])
    with pytest.raises(NotFound):
        step_file_get(obj=second, pk=step.files.get().pk)


def test_the_offered_steps_follow_the_capability_and_show_what_blocks_them(toy, people):
    request = toy.objects.create(code="DN1", owner="hr")
    offered = options(people["hr"], request)
    assert [(o["transition"].label, o["reasons"]) for o in offered] == [("Gửi", ["Đề nghị chưa có tiêu đề."])]
    assert options(people["school"], request) == []
    assert options(people["other_hr"], request) == []
    request.title = "Cử đi học"
    request.save()
    transition(actor=people["hr"], obj=request, to=ToyState.GUI)
    assert request.state == ToyState.GUI
    assert [o["transition"].label for o in options(people["btc"], request)] == ["Trả lại", "Duyệt"]
    assert options(people["hr"], request) == []


def test_an_effect_that_fails_undoes_the_whole_step(toy, people):
    def fails(actor, obj, step):
        raise RuntimeError("hết chỗ")

    register(toy, process(effects=[fails]))
    request = toy.objects.create(code="DN1", title="Cử đi học", owner="hr")
    transition(actor=people["hr"], obj=request, to=ToyState.GUI)
    counts = (Step.objects.count(), AuditEvent.objects.count())
    with pytest.raises(RuntimeError):
        transition(actor=people["btc"], obj=request, to=ToyState.DUYET)
    request.refresh_from_db()
    assert request.state == ToyState.GUI and (Step.objects.count(), AuditEvent.objects.count()) == counts


def test_a_table_naming_an_unknown_state_or_a_pair_twice_is_refused():
    with pytest.raises(ValueError, match="unknown states"):
        Process("x", "x", ToyState, (Transition("nhap", "mat", "xem_ho_so", "?"),), lambda a, o: True)
    with pytest.raises(ValueError, match="two transitions"):
        Process("x", "x", ToyState, (Transition("nhap", "gui", "xem_ho_so", "a"),
                                     Transition("nhap", "gui", "sua_ho_so", "b")), lambda a, o: True)
