"""A toy process for testing the workflow core alone: a request drafted by an HR officer, sent, and
approved by the Organization Committee, or returned with a reason. Its table is created for the test
and dropped after it."""

from django.db import connection, models
from django.test.utils import isolate_apps

from canbo.core.capabilities import Action
from canbo.core.roles import Role
from canbo.workflow.process import Process, Transition, register, unregister


class ToyState(models.TextChoices):
    NHAP = "nhap", "Nháp"
    GUI = "gui", "Đã gửi"
    DUYET = "duyet", "Đã duyệt"


def _has_title(actor, obj):
    return None if obj.title else "Đề nghị chưa có tiêu đề."


def _own_or_province(actor, obj):
    return actor.role != Role.UNIT_HR or obj.owner == actor.username


def process(effects=()) -> Process:
    return Process(
        code="de_nghi_thu",
        label="Đề nghị thử",
        states=ToyState,
        in_scope=_own_or_province,
        transitions=(
            Transition(ToyState.NHAP, ToyState.GUI, Action.EDIT_RECORDS, "Gửi", guards=(_has_title,)),
            Transition(ToyState.GUI, ToyState.NHAP, Action.EDIT_RULES, "Trả lại", comment_required=True),
            Transition(ToyState.GUI, ToyState.DUYET, Action.EDIT_RULES, "Duyệt", effects=tuple(effects)),
        ),
    )


def create_toy_model():
    with isolate_apps("canbo.workflow"):

        class ToyRequest(models.Model):
            code = models.CharField(max_length=20)
            title = models.CharField(max_length=100, blank=True)
            owner = models.CharField(max_length=30, blank=True)
            state = models.CharField(max_length=20, choices=ToyState.choices, default=ToyState.NHAP)

            class Meta:
                app_label = "workflow"

            def __str__(self):
                return f"Đề nghị {self.code}"

    with connection.schema_editor() as editor:
        editor.create_model(ToyRequest)
    register(ToyRequest, process())
    return ToyRequest


def drop_toy_model(model) -> None:
    unregister(model)
    with connection.schema_editor() as editor:
        editor.delete_model(model)
