"""The labels of the qualification levels are worded in the reader's language when shown."""

from django.utils import translation

from canbo.core.levels import LEVELS, Kind


def _labels(kind) -> list[str]:
    return [str(label) for _code, _rank, label in LEVELS[kind]]


def test_numbered_levels_follow_the_active_language():
    with translation.override("vi"):
        assert _labels(Kind.NGOAI_NGU)[2] == "Bậc 3" and _labels(Kind.QPAN)[0] == "Đối tượng 1"
    with translation.override("en"):
        assert _labels(Kind.NGOAI_NGU)[2] == "Level 3" and _labels(Kind.LLCT)[0] == "Elementary"
