"""The list of courses as a report (`canbo.core.report`): each course with its programme, provider,
dates, mode, seats, the trainees and passes the reader sees (each a link to them) and its state;
sorted by any column, 50 a page, exported like every other list."""

from django.utils.translation import gettext as _

from canbo.core.report import Column, Kind, Link, Report, url_maker
from canbo.training.models import CourseState


def courses_report(courses) -> Report:
    """`courses`: `course_selectors.course_list`, latest first, each at its state at the list's date.
    The passes of a course whose results were not final then are left blank (the link would open
    today's)."""
    detail = url_maker("training:course_detail")
    rows = []
    for course in courses:
        page = detail(str(course.pk))
        rows.append({
            "ma": Link(course.code, page),
            "ten": course.name,
            "chuong_trinh": course.programme.name,
            "co_so": course.provider,
            "tu_ngay": course.start,
            "den_ngay": course.end,
            "hinh_thuc": course.get_mode_display(),
            "so_cho": course.seats,
            "hoc_vien": Link(course.enrolled, f"{page}#hoc-vien"),
            "dat": Link(course.passed, f"{page}?ket_qua=dat#hoc-vien") if course.results_final else None,
            "trang_thai": CourseState(course.state_then).label,
        })
    columns = [
        Column("ma", _("Mã")),
        Column("ten", _("Khóa học")),
        Column("chuong_trinh", _("Chương trình")),
        Column("co_so", _("Cơ sở đào tạo")),
        Column("tu_ngay", _("Từ ngày"), Kind.DATE),
        Column("den_ngay", _("Đến ngày"), Kind.DATE),
        Column("hinh_thuc", _("Hình thức")),
        Column("so_cho", _("Số chỗ"), Kind.NUMBER),
        Column("hoc_vien", _("Học viên"), Kind.NUMBER),
        Column("dat", _("Đạt"), Kind.NUMBER),
        Column("trang_thai", _("Trạng thái")),
    ]
    return Report(
        _("Khóa học đào tạo, bồi dưỡng"), columns, rows, _("Chưa có khóa học nào khớp bộ lọc."),
        _("Ban Tổ chức, Sở Nội vụ hoặc cơ sở đào tạo mở khóa học cho chương trình có trong kế hoạch đang "
          "thực hiện."),
    )
