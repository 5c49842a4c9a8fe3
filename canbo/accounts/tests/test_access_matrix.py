"""Who reaches what: every role × every page and API endpoint × an object in and out of its scope.

The pages come from the URL conf and the endpoints from the OpenAPI document, so a new URL or
endpoint without a row in ACCESS fails the test. The expected answers are written out here, in one
table, not derived from `canbo.core.capabilities`: the test checks the capability and scope tables
rather than repeating them. Besides the status, no answer of a role may name a cadre outside its
scope (zero leaks). One database, built once (the small province of canbo.accounts.testing).
"""

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from canbo.accounts.models import Role
from canbo.accounts.system import system_actor
from canbo.accounts.testing import AS_OF, build_small_province
from canbo.people.models import PositionHolding
from canbo.rotation.proposals import Draft, proposal_create
from canbo.rules.models import Parameter, RuleSet
from canbo.training.courses import course_create, enrolments_add
from canbo.training.models import Programme
from canbo.training.plan_lines import line_add
from canbo.training.plans import plan_create
from canbo.workflow.services import transition
from config.api import api

ROLES = ("btv", "thuong_truc", "btc", "snv", "hr_huyen", "hr_so", "school", "inspector", "anonymous")
USERS = {
    "btv": (Role.BTV, None),
    "thuong_truc": (Role.THUONG_TRUC, None),
    "btc": (Role.BTC, None),
    "snv": (Role.SNV, None),
    "hr_huyen": (Role.UNIT_HR, "HU-DT"),
    "hr_so": (Role.UNIT_HR, "SNV"),
    "school": (Role.SCHOOL, None),
    "inspector": (Role.INSPECTOR, None),
}
# (cadre in scope, cadre out of scope, unit in scope, unit out of scope); None: the role sees all.
OBJECTS = {
    "btc": ("DT1", "SNV2", "HU-DT", "SNV"),
    "snv": ("SNV2", "TU1", "UB-DT", "TU"),
    "hr_huyen": ("DT1", "SNV1", "X-LN", "TU"),
    "hr_so": ("SNV2", "DT1", "SNV", "HU-DT"),
}
PROVINCE_WIDE = ("SNV2", None, "HU-DT", None)
# (plan in scope, plan out of scope) by the unit of the plan: a plan of Huyện ủy Đức Trọng (Party bloc)
# and one of Sở Nội vụ (state bloc), both sent, each with a document attached to the step.
PLANS_OF = {"btc": ("HU-DT", "SNV"), "snv": ("SNV", "HU-DT"), "hr_huyen": ("HU-DT", "SNV"),
            "hr_so": ("SNV", "HU-DT")}
# (course run, course not run) by organiser: a Tỉnh ủy course with DT1, a Sở Nội vụ course with SNV2, both
# enrolling from plans in force; every role reads both, each seeing only its trainees.
COURSES_OF = {"btc": ("tinh_uy", "so_noi_vu"), "snv": ("so_noi_vu", "tinh_uy")}
# (proposal in scope, proposal out of scope) by the cadre proposed: Nguyễn Thị Đào of Huyện ủy Đức Trọng
# to Ban Tổ chức, Phạm Quốc Huy of Sở Nội vụ within it; both reported to the Standing Board with a file.
PROPOSALS_OF = {"btc": ("DT1", "SNV2"), "snv": ("SNV2", "DT1"), "hr_huyen": ("DT1", "SNV2"),
                "hr_so": ("SNV2", "DT1")}
MISSING = "KHONG-CO"

# A: allowed (200; 404 for an object out of scope or missing). F: 403. L: sign-in first (a redirect
# to the sign-in page; 401 from the API). P: public (200). R: a redirect elsewhere. M: 405 to GET.
# N: 404 for everyone. V: 422, an empty body refused before the capability is asked (the API's writes).
# Columns follow ROLES. Kinds: which object the URL takes (path argument, or the `don_vi` filter).
EVERYONE = "AAAAAAAAL"
REVIEWERS = "AAAAAAFAL"
PROPOSERS = "AAAAAAFFL"
DRAFTERS = "FFAAAAFFL"
# A course is run by the office its organiser names or by its provider's school users; the school user
# here has no unit of its own, so it runs none (404).
COURSE_RUNNERS = "FFAAFFNFL"
ACCESS = {
    # pages, by URL name
    "core:home": (EVERYONE, None, ""),
    "core:home_cards": (EVERYONE, None, ""),
    "accounts:login": ("RRRRRRRRP", None, ""),
    "accounts:logout": ("MMMMMMMMM", None, ""),
    "accounts:password_change": (EVERYONE, None, ""),
    "accounts:second_factor": ("RRRRRRRRL", None, ""),  # nobody here owes a code: on to the next page
    "accounts:recovery_codes_new": ("MMMMMMMMM", None, ""),
    "accounts:authenticator_replace": ("MMMMMMMMM", None, ""),
    "accounts:second_factor_setup": (EVERYONE, None, ""),
    "accounts:recovery_codes": (EVERYONE, None, ""),
    "accounts:api_keys": (EVERYONE, None, ""),
    "accounts:api_key_revoke": ("MMMMMMMML", None, ""),
    "set_language": ("RRRRRRRRR", None, ""),
    "people:cadre_list": (EVERYONE, "unit_filter", ""),
    "people:cadre_detail": (EVERYONE, "cadre", ""),
    "people:personal_history": (REVIEWERS, "cadre", ""),
    "people:personal_history_zip": (REVIEWERS, "unit_filter", ""),
    "people:cadre_add": (DRAFTERS, None, ""),
    "people:suggestions": (EVERYONE, None, "q=th"),  # Thị: SNV1 and DT1
    "people:cadre_edit": (DRAFTERS, "cadre", ""),
    "people:position_change": (DRAFTERS, "cadre", ""),
    "people:history_row_add": (DRAFTERS, "cadre_kind", ""),
    "people:history_row_edit": (DRAFTERS, "cadre_row", ""),
    "people:history_row_remove": (DRAFTERS, "cadre_row", ""),
    "people:history_row_put_back": ("FFMMMMFFL", "cadre", ""),  # a button's POST
    "org:unit_tree": (EVERYONE, None, ""),
    "org:unit_detail": (EVERYONE, "unit", ""),
    "org:unit_close": ("FFAAFFFFL", "unit", ""),
    "rules:list": (EVERYONE, None, ""),
    "rules:parameter_edit": ("FFAFFFFFL", "parameter", ""),
    "rules:rule_set_copy": ("FFAFFFFFL", "rule_set", ""),
    "rules:standard_version_new": ("FFAAFFFFL", "standard", ""),
    "reports:review": (REVIEWERS, "unit_filter", ""),
    "reports:people": (REVIEWERS, "unit_filter", "chi_so=thieu_dai_hoc"),
    "reports:cadre_verdicts": (REVIEWERS, "cadre", ""),
    "reports:eligible": (EVERYONE, "unit_filter", ""),
    "reports:rotation_pool": (REVIEWERS, "unit_filter", ""),
    "reports:nonlocal": (REVIEWERS, None, ""),
    "audit:list": ("FFAFFFFAL", None, ""),
    "training:programmes": (EVERYONE, None, ""),
    "training:programme_new": ("FFAAFFFFL", None, ""),
    "training:programme_edit": ("FFAAFFFFL", "programme", ""),
    "training:programme_delete": ("FFAAFFFFL", "programme", ""),
    "training:programme_quota": ("FFAAFFFFL", "programme", ""),
    "training:plans": (REVIEWERS, None, ""),
    "training:plan_new": (DRAFTERS, None, ""),
    "training:plan_detail": (REVIEWERS, "plan", ""),
    "training:plan_edit": (DRAFTERS, "plan", ""),
    "training:plan_amend": (DRAFTERS, "plan", ""),
    "training:plan_step": (REVIEWERS, "plan_step", ""),
    "training:plan_file": (REVIEWERS, "plan_file", ""),
    "training:plan_document": ("FFAAFFFFL", "plan", ""),
    "training:plan_line_new": (DRAFTERS, "plan", ""),
    "training:plan_line_delete": (DRAFTERS, "plan_line", ""),
    "training:courses": (EVERYONE, None, "nam=2019&trang_thai=tuyen_sinh"),
    "training:course_new": ("FFAAFFAFL", None, ""),
    "training:course_detail": (EVERYONE, "course", ""),
    "training:course_step": (EVERYONE, "course_step", ""),
    "training:course_enrol": (COURSE_RUNNERS, "course_run", ""),
    "training:course_results": (COURSE_RUNNERS, "course_run", ""),
    "training:course_results_import": (COURSE_RUNNERS, "course_run", ""),
    "training:budget": (REVIEWERS, "unit_filter", "tu_nam=2019&den_nam=2020"),
    "training:form10": (REVIEWERS, "unit_filter", "nam=2019"),
    "training:progress": (REVIEWERS, "unit_filter", "tu_nam=2019&den_nam=2020"),
    "api:api-root": ("NNNNNNNNN", None, ""),
    "api:openapi-json": ("PPPPPPPPL", None, ""),
    "api:openapi-view": ("PPPPPPPPL", None, ""),
    "admin:*": ("LLLLLLLLL", None, ""),  # staff only, and no role user here is staff
    "admin:login": ("FFFFFFFFR", None, ""),  # signed in but not staff: 403; else canbo's sign-in
    "admin:logout": ("RRRRRRRRR", None, ""),
    # API endpoints, by method and OpenAPI path
    "GET /api/tai-khoan/toi": (EVERYONE, None, ""),
    "POST /api/tai-khoan/khoa": (EVERYONE, None, ""),
    "GET /api/don-vi/": (EVERYONE, None, ""),
    "GET /api/don-vi/{ma}": (EVERYONE, "unit", ""),
    "GET /api/can-bo/": (EVERYONE, "unit_filter", ""),
    "GET /api/can-bo/{ma}": (EVERYONE, "cadre", ""),
    "GET /api/ra-soat/chi-so": (REVIEWERS, "unit_filter", ""),
    "GET /api/ra-soat/doi-tuong-dao-tao/{ma}": (EVERYONE, "cadre", ""),
    "GET /api/ra-soat/nguon-luan-chuyen": (REVIEWERS, "unit_filter", ""),
    "GET /api/ra-soat/khong-dia-phuong": (REVIEWERS, None, ""),
    "GET /api/dao-tao/khoa-hoc/": (EVERYONE, None, ""),
    "GET /api/dao-tao/khoa-hoc/{ma}": (EVERYONE, "course_code", ""),
    "POST /api/dao-tao/khoa-hoc/{ma}/buoc": ("VVVVVVVVL", "course_code", ""),
    "POST /api/dao-tao/khoa-hoc/{ma}/hoc-vien": ("VVVVVVVVL", "course_code", ""),
    "POST /api/dao-tao/khoa-hoc/{ma}/ket-qua": ("VVVVVVVVL", "course_code", ""),
    # Answers 405 to the GET this table sends; its roles and scope: canbo/training/tests/test_course_api.py.
    "DELETE /api/dao-tao/khoa-hoc/{ma}/hoc-vien/{canbo}": ("MMMMMMMMM", None, ""),
    "rotation:vacancies": (REVIEWERS, "unit_filter", ""),
    "rotation:check_proposal": (PROPOSERS, None, ""),
    "succession:by_position": (REVIEWERS, "unit_filter", "chuc_danh=BT-HU"),
    "core:compare": (REVIEWERS, "unit_filter", ""),
    "core:plan_people": (REVIEWERS, None, "as_of=01/06/2019&nam=2019&xem=ke_hoach"),
    "reports:quality": (REVIEWERS, "unit_filter", "chi_tieu=tong_so&cot=tong"),
    "rotation:target": (
        REVIEWERS, None, "tu_ngay=01/01/2017&den_ngay=31/12/2020&chieu=tinh_xuong_huyen&nhom=co_so"
    ),
    "GET /api/luan-chuyen/vi-tri-khuyet": (REVIEWERS, "unit_filter", "ngay=2017-06-30"),
    "rotation:proposals": (REVIEWERS, None, ""),
    "rotation:proposal_new": ("FFAAFFFFL", None, ""),
    "rotation:proposal_list_new": ("FFAAFFFFL", None, ""),
    "rotation:proposal_detail": (REVIEWERS, "proposal", ""),
    "rotation:proposal_opinion": ("MMMMMMMMM", None, ""),
    "rotation:proposal_evaluation": ("MMMMMMMMM", None, ""),
    "rotation:proposal_step": (REVIEWERS, "proposal_step", ""),
    "rotation:proposal_file": (REVIEWERS, "proposal_file", ""),
    "rotation:proposal_decision": (REVIEWERS, "proposal", ""),
    "rotation:rotations": (REVIEWERS, None, ""),
    "jobs:state": ("NNNNNNNNL", None, ""),  # job 1 is nobody's here; a user sees only their own jobs
    "rotation:allowances": ("AAAAFFFAL", "unit_filter", ""),
    "rotation:meeting_list": (REVIEWERS, None, ""),
    "rotation:batch_step": (REVIEWERS, None, "buoc=du_thao&den=trinh_thuong_truc"),
    "exchange:import": ("FFAAFFFFL", None, ""),
    "exchange:import_job": ("FFNNFFFFL", None, ""),  # job 1 is nobody's here, as above
    "exchange:import_confirm": ("MMMMMMMMM", None, ""),
    "optimize:optimiser": ("FFAAFFFFL", None, ""),
    "optimize:optimiser_send": ("MMMMMMMMM", None, ""),
    "optimize:scenarios": (REVIEWERS, None, ""),
    "optimize:scenario_new": ("FFAAFFFFL", None, ""),
    "optimize:scenario_edit": ("FFNNFFFFL", None, ""),  # scenario 1 does not exist here
    "GET /api/luan-chuyen/de-xuat": (REVIEWERS, None, ""),
    "GET /api/luan-chuyen/de-xuat/{so}": (REVIEWERS, "proposal", ""),
    "POST /api/luan-chuyen/de-xuat": ("VVVVVVVVL", None, ""),
    "POST /api/luan-chuyen/de-xuat/{so}/y-kien": ("VVVVVVVVL", "proposal", ""),
    "POST /api/luan-chuyen/de-xuat/{so}/buoc": ("VVVVVVVVL", "proposal", ""),
    "GET /api/luan-chuyen/kiem-tra-de-xuat": (
        PROPOSERS, "cadre_query", "loai=dieu_dong&den_don_vi=TU&chuc_danh=CV&tu_ngay=2017-06-30"
    ),
}
# Pages that list events about every cadre to the roles that audit (not a scope leak).
NOT_SCOPED_BY_CADRE = {"audit:list"}


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, (namespace, pattern.namespace))) or None
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), f"{namespace}:{pattern.name}" if namespace else pattern.name


def _api_operations():
    """(method, path, success status) of every operation in the OpenAPI document."""
    for path, operations in api.get_openapi_schema()["paths"].items():
        for method, operation in operations.items():
            success = min(str(code) for code in operation["responses"] if str(code).startswith("2"))
            yield method.upper(), path, int(success)


def _pages():
    """(key in ACCESS, route) of every page; the API's operations are checked from the document."""
    operations = {path.removeprefix("/") for _m, path, _s in _api_operations()}
    for route, name in _walk(get_resolver().url_patterns):
        if re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route) in operations:
            continue
        key = name if name in ACCESS or not name.startswith("admin:") else "admin:*"
        yield key, route


def _targets():
    for key, route in _pages():
        yield key, "GET", route, 200
    for method, path, success in _api_operations():
        yield f"{method} {path}", method, path.removeprefix("/"), success


def test_every_page_and_endpoint_has_a_row():
    keys = {key for key, *_rest in _targets()}
    assert keys - set(ACCESS) == set(), "pages or endpoints with no row in ACCESS"
    assert set(ACCESS) - keys == set(), "rows of ACCESS that name no page or endpoint"
    assert all(len(letters) == len(ROLES) for letters, _kind, _query in ACCESS.values())


# Pages outside the capability table: signing in and out, the language switch, the API's own
# pages (the document needs a sign-in), and Django's admin (staff only).
OUTSIDE_THE_TABLE = {"accounts:login", "accounts:logout", "set_language", "api:api-root", "api:openapi-json",
                     "api:openapi-view", "admin:*", "admin:login", "admin:logout"}


def test_every_page_and_endpoint_names_its_action():
    """`@requires` and `@requires_api` leave the action on the view, so none is forgotten."""
    from django.urls import resolve

    pages = {key: resolve(_fill(route, "1")).func for key, route in _pages() if key not in OUTSIDE_THE_TABLE}
    assert [key for key, view in pages.items() if not hasattr(view, "capability")] == []
    endpoints = [
        (prefix + path, operation.view_func)
        for prefix, router in api._routers
        for path, path_view in router.path_operations.items()
        for operation in path_view.operations
    ]
    assert len(endpoints) == len(list(_api_operations()))
    assert [path for path, view in endpoints if not hasattr(view, "capability")] == []


def _sent_plans(small, users) -> dict[str, tuple[str, str]]:
    """Unit code -> (plan id, id of the file attached when it was sent, id of its line)."""
    plans = {}
    qpan = Programme.objects.filter(code="qpan_doi_tuong_2").order_by("pk").first()
    for unit, drafter in (("HU-DT", "hr_huyen"), ("SNV", "hr_so")):
        plan = plan_create(actor=users[drafter], unit=small.units[unit], year=2020, content="Kế hoạch")
        line = line_add(actor=users[drafter], plan=plan, programme=qpan, mode="tap_trung", headcount=2)
        step = transition(actor=users[drafter], obj=plan, to="da_gui",
                          files=[SimpleUploadedFile("to-trinh.pdf", b"%PDF-1.4\n%%EOF\n")])
        plans[unit] = (str(plan.pk), str(step.files.get().pk), str(line.pk))
    return plans


def _courses(small, users) -> dict[str, tuple[str, str]]:
    """Organiser -> (course id, course code): a course enrolling from a plan in force of 2019."""
    system = system_actor()
    programme = Programme.objects.filter(code="nghiep_vu_dang").order_by("pk").first()
    courses = {}
    for unit, organiser, cadre in (("HU-DT", "tinh_uy", "DT1"), ("SNV", "so_noi_vu", "SNV2")):
        plan = plan_create(actor=system, unit=small.units[unit], year=2019, content="Kế hoạch")
        line_add(actor=system, plan=plan, programme=programme, mode="tap_trung", codes=[cadre])
        for target in ("da_gui", "da_tong_hop", "da_trinh", "da_phe_duyet", "co_hieu_luc"):
            transition(actor=system, obj=plan, to=target)
        course = course_create(actor=system, code=f"KH-{organiser}", name="Lớp nghiệp vụ",
                               programme=programme, provider="Trường Chính trị", place="Đà Lạt",
                               start=dt.date(2019, 5, 1), end=dt.date(2019, 5, 30), seats=5,
                               mode="tap_trung", organiser=organiser, venue="trong_nuoc")
        enrolments_add(actor=system, course=course, codes=[cadre])
        transition(actor=system, obj=course, to="tuyen_sinh")
        courses[organiser] = (str(course.pk), course.code)
    return courses


def _reported_proposals(small) -> dict[str, tuple[str, str]]:
    """Cadre code -> (proposal id, id of the file attached when it was reported to the Standing Board)."""
    proposals = {}
    for code, unit, position_type in (("DT1", "BTC", "CV"), ("SNV2", "SNV", "GD-SO")):
        proposal = proposal_create(actor=system_actor(), draft=Draft(code, unit, position_type),
                                   kind="dieu_dong", start=dt.date(2021, 1, 1), reasons="Điều động")
        step = transition(actor=system_actor(), obj=proposal, to="trinh_thuong_truc",
                          files=[SimpleUploadedFile("to-trinh.pdf", b"%PDF-1.4\n%%EOF\n")])
        proposals[code] = (str(proposal.pk), str(step.files.get().pk))
    return proposals


@pytest.fixture(scope="module")
def province(django_db_setup, django_db_blocker, tmp_path_factory):
    """The small province and one user per role, built once and rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic(), \
            override_settings(FILES_DIR=tmp_path_factory.mktemp("tep")):
        small = build_small_province()
        users = {
            name: small.user(f"matrix_{name}", role, scope_unit) for name, (role, scope_unit) in USERS.items()
        }
        yield {
            "plans": _sent_plans(small, users),
            "courses": _courses(small, users),
            "proposals": _reported_proposals(small),
            "users": users,
            "parameter": str(Parameter.objects.order_by("pk").first().pk),
            "rule_set": RuleSet.objects.order_by("pk").first().code,
            "programme": str(Programme.objects.order_by("pk").first().pk),
        }
        transaction.set_rollback(True)


def _variants(role: str, kind: str | None, province: dict):
    """(label, path argument, extra query) of the requests to make for one row."""
    cadre_in, cadre_out, unit_in, unit_out = OBJECTS.get(role, PROVINCE_WIDE)
    if kind is None:
        return [("", None, "")]
    if kind == "standard":  # not scoped: every catalogue editor reaches every position type
        return [("", "chuc-danh/CV", ""), ("missing", f"chuc-danh/{MISSING}", "")]
    if kind in ("plan", "plan_step", "plan_file", "plan_line"):
        return _plan_variants(role, kind, province["plans"])
    if kind in ("course", "course_step", "course_run", "course_code"):
        return _course_variants(role, kind, province["courses"])
    if kind in ("proposal", "proposal_step", "proposal_file"):
        return _proposal_variants(role, kind, province["proposals"])
    if kind in ("cadre_kind", "cadre_row"):
        return _record_row_variants(kind, cadre_in, cadre_out)
    if kind in ("parameter", "rule_set", "programme"):
        return [("", province[kind], ""), ("missing", MISSING if kind == "rule_set" else "999999", "")]
    inside, outside = (cadre_in, cadre_out) if kind in ("cadre", "cadre_query") else (unit_in, unit_out)
    objects = [("", inside), ("out", outside), ("missing", MISSING)]
    if kind == "unit_filter":
        return [("", None, "")] + [(label, None, f"don_vi={code}") for label, code in objects if code]
    if kind == "cadre_query":
        return [(label, None, f"ma_can_bo={code}") for label, code in objects if code]
    return [(label, code, "") for label, code in objects if code]


def _record_row_variants(kind: str, inside: str, outside: str | None) -> list[tuple[str, str, str]]:
    """The positions held of a cadre (every cadre of the small province holds one): the page adding one,
    or the first one's pages."""
    def argument(code):
        if kind == "cadre_kind":
            return f"{code}/cong-tac"
        held = PositionHolding.objects.filter(cadre__code=code).values_list("pk", flat=True).first()
        return f"{code}/cong-tac/{held or 999999}"

    found = [("", inside), ("out", outside), ("missing", MISSING)]
    return [(label, argument(code), "") for label, code in found if code]


def _plan_variants(role: str, kind: str, plans: dict) -> list[tuple[str, str, str]]:
    inside, outside = PLANS_OF.get(role, ("HU-DT", None))
    missing = ("999999", "1", "1")
    found = [("", plans[inside]), ("out", plans[outside]) if outside else None, ("missing", missing)]

    def argument(plan_id, file_id, line_id):
        return {"plan": plan_id, "plan_step": f"{plan_id}/da_tong_hop", "plan_file": f"{plan_id}/{file_id}",
                "plan_line": f"{plan_id}/{line_id}"}[kind]

    return [(label, argument(*ids), "") for label, ids in filter(None, found)]


def _course_variants(role: str, kind: str, courses: dict) -> list[tuple[str, str, str]]:
    inside, outside = COURSES_OF.get(role, ("tinh_uy", None))
    if kind == "course_code":
        return [("", courses[inside][1], ""), ("missing", MISSING, "")]
    if kind == "course_step":
        return [("", f"{courses[inside][0]}/dang_hoc", ""), ("missing", "999999/dang_hoc", "")]
    found = [("", courses[inside][0], ""), ("missing", "999999", "")]
    if kind == "course_run" and outside:
        found.insert(1, ("out", courses[outside][0], ""))
    return found


def _proposal_variants(role: str, kind: str, proposals: dict) -> list[tuple[str, str, str]]:
    inside, outside = PROPOSALS_OF.get(role, ("DT1", None))
    missing = ("999999", "1")
    found = [("", proposals[inside]), ("out", proposals[outside]) if outside else None, ("missing", missing)]

    def argument(proposal_id, file_id):
        return {"proposal": proposal_id, "proposal_step": f"{proposal_id}/xin_y_kien",
                "proposal_file": f"{proposal_id}/{file_id}"}[kind]

    return [(label, argument(*ids), "") for label, ids in filter(None, found)]


def _expected(letter: str, label: str, is_api: bool, success: int) -> int:
    if letter == "L":
        return 401 if is_api else 302
    if letter == "A":
        return 404 if label in ("out", "missing") else success
    return {"F": 403, "P": 200, "R": 302, "M": 405, "N": 404, "V": 422}[letter]


def _fill(route: str, argument: str | None) -> str:
    """The route with its arguments; "a/b" fills a route's two arguments in order."""
    parts = iter((argument or "1").split("/"))
    return "/" + re.sub(r"<(?:\w+:)?\w+>|\{\w+\}", lambda _m: next(parts, "1"), route)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(role, province, django_db_blocker):
    column = ROLES.index(role)
    client = Client()
    with django_db_blocker.unblock():
        if role != "anonymous":
            client.force_login(province["users"][role])
        out_of_scope = OBJECTS.get(role, PROVINCE_WIDE)[1]
        wrong = []
        for key, method, route, success in _targets():
            letters, kind, query = ACCESS[key]
            is_api = " " in key
            for label, argument, extra in _variants(role, kind, province):
                params = "&".join(filter(None, [f"as_of={AS_OF.isoformat()}", query, extra]))
                url = f"{_fill(route, argument)}?{params}"
                if method == "POST":
                    response = client.post(url, {}, content_type="application/json")
                else:
                    response = client.get(url)
                expected = _expected(letters[column], label, is_api, success)
                if response.status_code != expected:
                    wrong.append(f"{method} {url}: {response.status_code}, expected {expected}")
                elif expected == 302 and letters[column] == "L" and "login" not in response["Location"] \
                        and "dang-nhap" not in response["Location"]:
                    wrong.append(f"{method} {url}: redirects to {response['Location']}, not to sign in")
                elif expected in (200, 201) and out_of_scope and key not in NOT_SCOPED_BY_CADRE:
                    body = b"".join(response.streaming_content) if response.streaming else response.content
                    if re.search(rf"\b{re.escape(out_of_scope)}\b", body.decode(errors="replace")):
                        wrong.append(f"{method} {url}: names {out_of_scope}, who is out of scope")
    assert wrong == [], "\n".join(wrong)
