# ruff: noqa: E501 -- names of the plan's programmes, kept whole for reading
"""The programme catalogue of the 2017–2020 plan, as shipped with its rule set `KH-2017-2020`.

Loaded by the data migration `0002_programmes_kh_2017_2020` (and with the shipped rule set into an
emptied database); afterwards the rows are the truth and btc and snv edit them on the programme page.
The eight degree programmes keep the keys of SPEC §9 (`canbo eligibility`); lengths follow SPEC §14,
where the rule set's parameters hold one (`nam_dao_tao_dai_hoc`, `nam_dao_tao_trung_cap`) the programme
names it; the years of service required after university and trung cấp (III.1.1.b) are the parameter
`nam_cong_tac_con_lai`. The plan states no costs, so none are shipped: the offices enter them.
"""

FULL_TIME, IN_SERVICE, BOTH = (True, False), (False, True), (True, True)
QUOTA_165 = "Chỉ tiêu phân bổ hằng năm của Đề án 165, Ban Tổ chức Trung ương; khuyến khích tự học"


def _grants(*pairs) -> list[dict]:
    """[(kind, level)] as stored; level None: the level the trainee was required to have."""
    return [{"kind": kind, "level": level or "", "as_required": level is None} for kind, level in pairs]


# Programme: code, name, what a pass gives, years or parameter key, modes, commitment (years,
# parameter key or None), quota.
def _p(code, name, grants=(), length=1, modes=FULL_TIME, commitment=None, quota=""):
    return (code, name, _grants(*grants), length, modes, commitment, quota)


FAMILIES = [
    ("llct", "Đào tạo lý luận chính trị", "dao_tao", "III.1.1.a", [
        _p("cao_cap_llct", "Cao cấp lý luận chính trị", [("llct", "cao_cap")], modes=BOTH),
        _p("hoan_chinh_trung_cap_llct", "Hoàn chỉnh chương trình trung cấp lý luận chính trị",
           [("llct", "trung_cap")], modes=BOTH),
        _p("trung_cap_llct", "Trung cấp lý luận chính trị", [("llct", "trung_cap")], modes=BOTH),
    ]),
    ("chuyen_mon", "Đào tạo chuyên môn", "dao_tao", "III.1.1.b", [
        _p("sau_dai_hoc", "Sau đại học", [("chuyen_mon", "thac_si")], 2, BOTH),
        _p("dai_hoc", "Đại học", [("chuyen_mon", "dai_hoc")], "nam_dao_tao_dai_hoc", BOTH,
           "nam_cong_tac_con_lai"),
        _p("trung_cap_chuyen_mon", "Trung cấp chuyên môn", [("chuyen_mon", "trung_cap")],
           "nam_dao_tao_trung_cap", BOTH, "nam_cong_tac_con_lai"),
    ]),
    ("ngoai_ngu_tin_hoc", "Đào tạo ngoại ngữ, tin học", "dao_tao", "III.1.1.b", [
        _p("ngoai_ngu_tin_hoc", "Ngoại ngữ, tin học", [("ngoai_ngu", None), ("tin_hoc", None)], modes=BOTH,
           quota=QUOTA_165),
    ]),
    ("cap_nhat_kien_thuc", "Bồi dưỡng cập nhật thông tin, kiến thức mới theo Quy định 164-QĐ/TW", "boi_duong",
     "III.1.2; Quy định 164-QĐ/TW", [
        _p("cap_nhat_doi_tuong_3", "Cập nhật kiến thức cho cán bộ diện Ban Thường vụ Tỉnh ủy quản lý (đối tượng 3)"),
        _p("cap_nhat_doi_tuong_4", "Cập nhật kiến thức cho cán bộ diện ban thường vụ huyện ủy, thành ủy quản lý (đối tượng 4)"),
    ]),
    ("nghiep_vu", "Bồi dưỡng chuyên môn, nghiệp vụ công tác Đảng, Mặt trận, đoàn thể, nhà nước và đơn vị sự nghiệp",
     "boi_duong", "III.1.2", [
        _p("nghiep_vu_dang", "Nghiệp vụ công tác Đảng"),
        _p("nghiep_vu_mat_tran_doan_the", "Nghiệp vụ công tác Mặt trận Tổ quốc, đoàn thể"),
        _p("nghiep_vu_nha_nuoc", "Chuyên môn, nghiệp vụ của cơ quan nhà nước"),
        _p("nghiep_vu_su_nghiep", "Chuyên môn, nghiệp vụ của đơn vị sự nghiệp"),
    ]),
    ("ky_nang_quy_hoach", "Bồi dưỡng kỹ năng lãnh đạo, quản lý cho cán bộ quy hoạch", "boi_duong", "III.1.2", [
        _p("quy_hoach_bch_tinh", "Cán bộ quy hoạch Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2020 – 2025"),
        _p("quy_hoach_lanh_dao_so", "Cán bộ quy hoạch trưởng, phó các sở, ban, ngành, đoàn thể tỉnh"),
        _p("quy_hoach_chu_chot_huyen", "Cán bộ quy hoạch chủ chốt cấp huyện"),
    ]),
    ("quoc_phong_an_ninh", "Bồi dưỡng kiến thức quốc phòng – an ninh", "boi_duong", "III.1.2", [
        _p("qpan_doi_tuong_1", "Kiến thức quốc phòng – an ninh đối tượng 1 (Học viện Quốc phòng)",
           [("qpan", "doi_tuong_1")]),
        _p("qpan_doi_tuong_2", "Kiến thức quốc phòng – an ninh đối tượng 2 (Quân khu 7)", [("qpan", "doi_tuong_2")]),
    ]),
    ("qlnn_chuc_danh_nghe_nghiep", "Bồi dưỡng quản lý nhà nước và tiêu chuẩn chức danh nghề nghiệp", "boi_duong",
     "III.1.2", [
        _p("qlnn", "Bồi dưỡng quản lý nhà nước (chuyên viên, chuyên viên chính, chuyên viên cao cấp)",
           [("qlnn", None)], modes=BOTH),
        _p("chuc_danh_y_te", "Tiêu chuẩn chức danh nghề nghiệp viên chức ngành Y tế"),
        _p("chuc_danh_giao_duc", "Tiêu chuẩn chức danh nghề nghiệp viên chức ngành Giáo dục – Đào tạo"),
        _p("chuc_danh_nganh_khac", "Tiêu chuẩn chức danh nghề nghiệp viên chức các ngành khác"),
    ]),
    ("quan_ly_kinh_te", "Bồi dưỡng kiến thức quản lý kinh tế, kỹ năng lãnh đạo, quản lý, chuyên môn, nghiệp vụ",
     "boi_duong", "III.1.2", [
        _p("quan_ly_kinh_te", "Kiến thức quản lý kinh tế"),
        _p("ky_nang_lanh_dao_quan_ly", "Kỹ năng lãnh đạo, quản lý"),
        _p("nghiep_vu_vi_tri_viec_lam", "Chuyên môn, nghiệp vụ theo vị trí việc làm"),
    ]),
    ("van_hoa_cong_so", "Bồi dưỡng kỹ năng quản lý, giao tiếp, văn hóa công sở, đạo đức nghề nghiệp ngành Y tế, Giáo dục và Đào tạo",
     "boi_duong", "III.1.2", [
        _p("van_hoa_cong_so_y_te", "Văn hóa công sở, đạo đức nghề nghiệp ngành Y tế"),
        _p("van_hoa_cong_so_giao_duc", "Văn hóa công sở, đạo đức nghề nghiệp ngành Giáo dục và Đào tạo"),
    ]),
    ("dai_bieu_hdnd", "Bồi dưỡng kiến thức, kỹ năng hoạt động cho đại biểu hội đồng nhân dân các cấp", "boi_duong",
     "III.1.2", [
        _p("dai_bieu_hdnd_tinh", "Đại biểu hội đồng nhân dân cấp tỉnh"),
        _p("dai_bieu_hdnd_huyen", "Đại biểu hội đồng nhân dân cấp huyện"),
        _p("dai_bieu_hdnd_xa", "Đại biểu hội đồng nhân dân cấp xã"),
    ]),
    ("khong_chuyen_trach", "Bồi dưỡng kỹ năng nghiệp vụ cho người hoạt động không chuyên trách", "boi_duong",
     "III.1.2", [
        _p("khong_chuyen_trach_xa", "Người hoạt động không chuyên trách ở xã, phường, thị trấn"),
        _p("khong_chuyen_trach_thon", "Người hoạt động không chuyên trách ở thôn, bản, tổ dân phố"),
    ]),
]


def load(apps, rule_set) -> int:
    """Write the catalogue into `rule_set` (the shipped one) with the models of `apps`: a migration's
    historical registry or the app registry. Returns the number of programmes written."""
    family_model, programme_model = (apps.get_model("training", name) for name in ("ProgrammeFamily", "Programme"))
    programmes = []
    for family_order, (code, name, category, citation, rows) in enumerate(FAMILIES):
        family = family_model.objects.create(
            rule_set=rule_set, code=code, name=name, category=category, citation=citation, order=family_order
        )
        for order, (p_code, p_name, grants, length, (full_time, in_service), commitment, quota) in enumerate(rows):
            programmes.append(programme_model(
                rule_set=rule_set, family=family, code=p_code, name=p_name, order=order, citation=citation,
                qualifications=grants, full_time=full_time, in_service=in_service, quota_source=quota,
                years=length if isinstance(length, int) else None,
                years_parameter=length if isinstance(length, str) else "",
                commitment_years=commitment if isinstance(commitment, int) else None,
                commitment_parameter=commitment if isinstance(commitment, str) else "",
            ))
    programme_model.objects.bulk_create(programmes)
    return len(programmes)

