# ruff: noqa: E501 -- long Vietnamese texts of the plan, kept whole for reading
"""The rule set of the 2017–2020 plan (Kế hoạch của Ban Thường vụ Tỉnh ủy Lâm Đồng), as shipped.

Loaded once by the data migration `0002_kh_2017_2020`; afterwards the rows are the truth and users
give parameters new dated values through `canbo.rules.services`. Citations point into the plan
(`III.1.1.a`) or the law it relies on. Rule texts name parameters as `{key}`; the rules page fills
in the values in force at its date, so no text carries a value that a later version makes false.
"""

import datetime as dt

CODE = "KH-2017-2020"
NAME = (
    "Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức; điều động, luân chuyển cán bộ "
    "lãnh đạo, quản lý của tỉnh Lâm Đồng, giai đoạn 2017 - 2020"
)
SOURCE = "Kế hoạch của Ban Thường vụ Tỉnh ủy Lâm Đồng, giai đoạn 2017 - 2020"
VALID_FROM = dt.date(2017, 1, 1)
VALID_TO = dt.date(2020, 12, 31)

# key, label, value, unit, min, max, citation
PARAMETERS = [
    ("tuoi_tre", "Tuổi của cán bộ trẻ (dưới)", 35, "tuổi", 18, 60, "III.1.1.a"),
    ("tuoi_tap_trung", "Dưới tuổi này phải học tập trung", 40, "tuổi", 18, 65, "III.1.1.a"),
    ("nam_dao_tao_dai_hoc", "Thời gian đào tạo đại học", 4, "năm", 1, 8, "III.1.1.b"),
    ("nam_dao_tao_trung_cap", "Thời gian đào tạo trung cấp chuyên môn", 2, "năm", 1, 5, "III.1.1.b"),
    ("nam_cong_tac_con_lai", "Thời gian công tác còn lại sau khi học xong", 5, "năm", 0, 20, "III.1.1.b"),
    (
        "so_tiet_trung_llct",
        "Số tiết đại học trùng chương trình trung cấp LLCT - HC",
        250,
        "tiết",
        1,
        2000,
        "III.1.1.a",
    ),
    (
        "thang_hieu_luc_ky_luat",
        "Thời hạn hiệu lực kỷ luật khi quyết định không ghi",
        12,
        "tháng",
        1,
        120,
        "II.3",
    ),
    (
        "nam_cong_tac_sau_dai_hoc",
        "Thời gian công tác tối thiểu để đi học sau đại học",
        3,
        "năm",
        0,
        20,
        "III.1.1.b; Nghị định 101/2017/NĐ-CP, Điều 6",
    ),
    (
        "tuoi_sau_dai_hoc",
        "Tuổi tối đa đi học sau đại học",
        40,
        "tuổi",
        18,
        65,
        "III.1.1.b; Nghị định 101/2017/NĐ-CP, Điều 6",
    ),
    ("ty_le_luan_chuyen", "Tỷ lệ luân chuyển tối thiểu", 20, "%", 0, 100, "III.2.1.c"),
    ("nam_luan_chuyen_toi_thieu", "Thời gian luân chuyển tối thiểu", 3, "năm", 1, 10, "III.2.2"),
    ("nam_luan_chuyen_toi_da", "Thời gian luân chuyển tối đa", 5, "năm", 1, 10, "III.2.2"),
    ("nam_bat_dau_luan_chuyen", "Năm bắt đầu thực hiện luân chuyển", 2017, "năm", 2000, 2100, "III.2.3"),
    ("thang_bat_dau_luan_chuyen", "Tháng bắt đầu thực hiện luân chuyển", 10, "tháng", 1, 12, "III.2.3"),
    ("thang_bao_cao_ke_hoach", "Tháng báo cáo kế hoạch đào tạo hằng năm", 11, "", 1, 12, "IV.1"),
    ("ngay_nhac_han_luan_chuyen", "Số ngày nhắc trước hạn đánh giá, hết thời hạn luân chuyển", 90, "ngày", 1,
     365, "II.3; IV.2"),
    # Caps of later rule sets on succession planning; 0 (this set) sets none (canbo.training.succession_caps).
    ("so_nguoi_toi_da_mot_chuc_danh", "Số người tối đa quy hoạch vào một chức danh (0: không giới hạn)", 0,
     "người", 0, 20, "Quy định 377-QĐ/TW"),
    ("so_chuc_danh_toi_da_mot_nguoi", "Số chức danh tối đa quy hoạch cho một người (0: không giới hạn)", 0,
     "chức danh", 0, 20, "Quy định 377-QĐ/TW"),
    # The fit of a (cadre, seat) pair in the optimal proposals and the cap per sending unit (SPEC §13).
    ("diem_tieu_chuan", "Điểm phù hợp cho mỗi loại tiêu chuẩn đạt (trong 5 loại)", 20, "điểm", 0, 100, "II.3"),
    ("diem_quy_hoach", "Điểm phù hợp khi được quy hoạch chức danh của vị trí", 30, "điểm", 0, 100, "II.3"),
    ("diem_so_nam_toi_da", "Điểm tối đa theo số năm công tác còn lại (1 điểm một năm)", 15, "điểm", 0, 40,
     "III.1.1.b"),
    ("diem_nu", "Điểm phù hợp cho cán bộ nữ", 5, "điểm", 0, 100, "III.1.1.a"),
    ("diem_dan_toc_thieu_so", "Điểm phù hợp cho cán bộ người dân tộc thiểu số", 5, "điểm", 0, 100, "III.1.1.a"),
    ("diem_tre", "Điểm phù hợp cho cán bộ trẻ", 5, "điểm", 0, 100, "III.1.1.a"),
    ("so_can_bo_toi_da_mot_don_vi", "Số cán bộ tối đa cử đi luân chuyển từ một đơn vị trong một đề xuất", 2,
     "người", 1, 50, "I.4"),
    (
        "muc_ho_tro_luan_chuyen",
        "Mức hỗ trợ một lần kinh phí đối với cán bộ luân chuyển",
        10_000_000,
        "đồng",
        0,
        1_000_000_000,
        "III.2.5; Quyết định 811-QĐ/TU",
    ),
    (
        "xep_loai_bang_toi_thieu",
        "Xếp loại bằng đại học tối thiểu để đi học sau đại học",
        4,
        "",
        1,
        5,
        "III.1.1.b",
    ),
    (
        "muc_danh_gia_toi_thieu",
        "Mức đánh giá tối thiểu các năm liền trước để đi học sau đại học",
        2,
        "",
        1,
        4,
        "III.1.1.b",
    ),
    (
        "so_nam_danh_gia",
        "Số năm liền trước được xét đánh giá để đi học sau đại học",
        2,
        "năm",
        1,
        5,
        "III.1.1.b",
    ),
]

# Parameters whose value is a place on a named scale, best first (1 = the first name).
SCALES = {
    "xep_loai_bang_toi_thieu": ["xuất sắc", "giỏi", "khá", "trung bình khá", "trung bình"],
    "muc_danh_gia_toi_thieu": [
        "hoàn thành xuất sắc nhiệm vụ",
        "hoàn thành tốt nhiệm vụ",
        "hoàn thành nhiệm vụ",
        "không hoàn thành nhiệm vụ",
    ],
}

# code, group, title, text, citation, produces, parameter keys
RULES = [
    (
        "T1",
        "dao_tao",
        "Đối tượng đào tạo cao cấp lý luận chính trị",
        "Trưởng phòng và tương đương của các sở, ban, ngành, Mặt trận Tổ quốc, đoàn thể cấp tỉnh; cấp ủy viên "
        "cấp huyện, Phó Chủ tịch HĐND, UBND cấp huyện và tương đương; trưởng phòng ban, ngành, đoàn thể cấp "
        "huyện và tương đương; cán bộ quy hoạch vào các chức danh đó. Trong canbo: chức danh đang giữ hoặc được "
        "quy hoạch có tiêu chuẩn cao cấp LLCT mà cán bộ chưa có. Ưu tiên cán bộ quy hoạch chức danh diện Ban "
        "Thường vụ Tỉnh ủy quản lý.",
        "III.1.1.a",
        "cao_cap_llct",
        [],
    ),
    (
        "T2",
        "dao_tao",
        "Hình thức đào tạo lý luận chính trị",
        "Cán bộ dưới {tuoi_tap_trung} phải học hệ chính quy tập trung; từ {tuoi_tap_trung} trở lên được học tại "
        "chức, khuyến khích học tập trung.",
        "III.1.1.a",
        "hinh_thuc",
        ["tuoi_tap_trung"],
    ),
    (
        "T3",
        "dao_tao",
        "Nhóm ưu tiên đào tạo lý luận chính trị",
        "Nhóm ưu tiên: khối Đảng, khối Nội chính, cán bộ nữ, cán bộ trẻ (dưới {tuoi_tre}), cán bộ người dân tộc "
        "thiểu số, cán bộ quy hoạch chức danh diện Ban Thường vụ Tỉnh ủy quản lý. Danh sách đủ điều kiện xếp cán "
        "bộ quy hoạch chức danh diện Ban Thường vụ Tỉnh ủy quản lý trước, rồi cán bộ thuộc nhiều nhóm ưu tiên hơn, "
        "rồi theo mã cán bộ.",
        "III.1.1.a",
        "uu_tien",
        ["tuoi_tre"],
    ),
    (
        "T4",
        "dao_tao",
        "Đối tượng đào tạo trung cấp lý luận chính trị",
        "Cán bộ không thuộc đối tượng cao cấp, trong diện quy hoạch các chức danh còn lại: chức danh đang giữ "
        "hoặc được quy hoạch có tiêu chuẩn trung cấp LLCT mà cán bộ chưa có.",
        "III.1.1.a",
        "trung_cap_llct",
        [],
    ),
    (
        "T5",
        "dao_tao",
        "Hoàn chỉnh chương trình trung cấp lý luận chính trị",
        "Cán bộ đương chức được quy hoạch phó trưởng phòng và tương đương trở lên, đã tốt nghiệp đại học trở lên "
        "với số tiết trùng chương trình trung cấp LLCT - HC từ {so_tiet_trung_llct}.",
        "III.1.1.a",
        "hoan_chinh_trung_cap_llct",
        ["so_tiet_trung_llct"],
    ),
    (
        "T6",
        "dao_tao",
        "Đào tạo sau đại học",
        "Có trình độ đại học chính quy loại {xep_loai_bang_toi_thieu} trở lên, được tuyển dụng từ "
        "{nam_cong_tac_sau_dai_hoc} trở lên, không quá {tuoi_sau_dai_hoc}, {so_nam_danh_gia} liền trước đều được "
        "đánh giá {muc_danh_gia_toi_thieu} trở lên.",
        "III.1.1.b",
        "sau_dai_hoc",
        [
            "xep_loai_bang_toi_thieu",
            "nam_cong_tac_sau_dai_hoc",
            "tuoi_sau_dai_hoc",
            "so_nam_danh_gia",
            "muc_danh_gia_toi_thieu",
        ],
    ),
    (
        "T7",
        "dao_tao",
        "Đào tạo đại học",
        "Cán bộ đã bổ nhiệm hoặc quy hoạch chức danh có tiêu chuẩn đại học mà chưa có; sau khi học xong "
        "({nam_dao_tao_dai_hoc}) còn ít nhất {nam_cong_tac_con_lai} công tác.",
        "III.1.1.b",
        "dai_hoc",
        ["nam_dao_tao_dai_hoc", "nam_cong_tac_con_lai"],
    ),
    (
        "T8",
        "dao_tao",
        "Đào tạo trung cấp chuyên môn",
        "Cán bộ đã bổ nhiệm hoặc quy hoạch chức danh có tiêu chuẩn trung cấp, cao đẳng mà chưa có trình độ "
        "trung cấp; sau khi học xong ({nam_dao_tao_trung_cap}) còn ít nhất {nam_cong_tac_con_lai} công tác.",
        "III.1.1.b",
        "trung_cap_chuyen_mon",
        ["nam_dao_tao_trung_cap", "nam_cong_tac_con_lai"],
    ),
    (
        "T9",
        "dao_tao",
        "Ngoại ngữ, tin học",
        "Khuyến khích tự học; nhà nước cử đi học khi cần thiết, theo chỉ tiêu Đề án 165.",
        "III.1.1.b",
        "ngoai_ngu_tin_hoc",
        [],
    ),
    (
        "QLNN",
        "dao_tao",
        "Bồi dưỡng quản lý nhà nước",
        "Bồi dưỡng kiến thức quản lý nhà nước chương trình chuyên viên, chuyên viên chính, chuyên viên cao cấp "
        "cho cán bộ chưa đạt tiêu chuẩn của chức danh, ngạch.",
        "III.1.2",
        "qlnn",
        [],
    ),
    (
        "BC",
        "dao_tao",
        "Báo cáo kết quả đào tạo, bồi dưỡng hằng năm",
        "Các cơ quan, đơn vị báo cáo kết quả thực hiện kế hoạch đào tạo, bồi dưỡng hằng năm về Ban Tổ chức Tỉnh "
        "ủy trong tháng {thang_bao_cao_ke_hoach}.",
        "IV.1",
        "",
        ["thang_bao_cao_ke_hoach"],
    ),
    (
        "thieu_cao_cap_llct",
        "ra_soat",
        "Nợ bằng cao cấp lý luận chính trị",
        "Yêu cầu LLCT là cao cấp, trình độ đạt được thấp hơn.",
        "III.1.1.a, chú thích 1",
        "",
        [],
    ),
    (
        "thieu_trung_cap_llct",
        "ra_soat",
        "Nợ bằng trung cấp lý luận chính trị",
        "Yêu cầu LLCT là trung cấp, trình độ đạt được thấp hơn.",
        "III.1.1.a, chú thích 3",
        "",
        [],
    ),
    (
        "thieu_dai_hoc",
        "ra_soat",
        "Nợ bằng đại học",
        "Yêu cầu chuyên môn từ đại học trở lên, trình độ đạt được dưới đại học.",
        "III.1.1.b, chú thích 4",
        "",
        [],
    ),
    (
        "thieu_trung_cap_chuyen_mon",
        "ra_soat",
        "Nợ bằng trung cấp chuyên môn",
        "Yêu cầu chuyên môn trung cấp hoặc cao đẳng, chưa có trung cấp; tách cán bộ đã bổ nhiệm (chức danh đang "
        "giữ hoặc ngạch đã yêu cầu) và cán bộ quy hoạch (chỉ quy hoạch yêu cầu).",
        "III.1.1.b, chú thích 5",
        "",
        [],
    ),
    (
        "thieu_ngoai_ngu_tin_hoc",
        "ra_soat",
        "Chưa đạt chuẩn ngoại ngữ, tin học",
        "Thấp hơn yêu cầu về ngoại ngữ hoặc tin học (mỗi người tính một lần).",
        "III.1.1.b, chú thích 6",
        "",
        [],
    ),
    (
        "thieu_qlnn",
        "ra_soat",
        "Thiếu chứng chỉ quản lý nhà nước",
        "Thấp hơn yêu cầu về quản lý nhà nước của chức danh hoặc ngạch.",
        "III.1.2, chú thích 7",
        "",
        [],
    ),
    (
        "R1",
        "luan_chuyen",
        "Đối tượng luân chuyển",
        "Cán bộ đang công tác, được quy hoạch chức danh diện Ban Thường vụ Tỉnh ủy quản lý hoặc chức danh chủ "
        "chốt.",
        "III.2.1.a",
        "du_dieu_kien",
        [],
    ),
    (
        "R2",
        "luan_chuyen",
        "Không luân chuyển",
        "Chỉ luân chuyển cán bộ trong quy hoạch; không luân chuyển cán bộ bị kỷ luật (còn hiệu lực; quyết định "
        "không ghi thời hạn thì tính {thang_hieu_luc_ky_luat}), uy tín giảm sút, không đảm bảo tiêu chuẩn về phẩm "
        "chất, năng lực (đánh giá gần nhất không hoàn thành nhiệm vụ).",
        "II.3",
        "loai_tru",
        ["thang_hieu_luc_ky_luat"],
    ),
    (
        "R4",
        "luan_chuyen",
        "Chỉ tiêu luân chuyển",
        "Luân chuyển từ {ty_le_luan_chuyen} trở lên cán bộ cấp tỉnh trong quy hoạch và cán bộ diện Ban Thường vụ "
        "quản lý chưa qua luân chuyển về huyện, thành phố và ngược lại.",
        "III.2.1.c",
        "",
        ["ty_le_luan_chuyen"],
    ),
    (
        "R5",
        "luan_chuyen",
        "Thời gian luân chuyển",
        "Từ {nam_luan_chuyen_toi_thieu} đến {nam_luan_chuyen_toi_da}; trường hợp đặc biệt do Ban Thường vụ Tỉnh "
        "ủy quyết định.",
        "III.2.2",
        "",
        ["nam_luan_chuyen_toi_thieu", "nam_luan_chuyen_toi_da"],
    ),
    (
        "R3",
        "luan_chuyen",
        "Địa bàn luân chuyển",
        "Luân chuyển từ cấp trên xuống cấp dưới; từ cấp dưới lên cấp trên; từ địa phương, cơ quan, đơn vị này "
        "sang địa phương, cơ quan, đơn vị khác. Trong canbo: hướng luân chuyển so cấp của đơn vị đang công tác "
        "với cấp của đơn vị đến; không đề xuất vào chính vị trí cán bộ đang giữ.",
        "III.2.1.b",
        "huong",
        [],
    ),
    (
        "R6",
        "luan_chuyen",
        "Thời điểm thực hiện luân chuyển",
        "Việc luân chuyển cán bộ thực hiện từ ngày 01/{thang_bat_dau_luan_chuyen}/{nam_bat_dau_luan_chuyen} "
        "(quý IV/2017).",
        "III.2.3",
        "vi_pham",
        ["nam_bat_dau_luan_chuyen", "thang_bat_dau_luan_chuyen"],
    ),
    (
        "R7",
        "luan_chuyen",
        "Thẩm quyền quyết định luân chuyển",
        "Ban Thường vụ Tỉnh ủy quyết định luân chuyển đối với các chức danh cán bộ thuộc diện Ban Thường vụ "
        "Tỉnh ủy quản lý; cán bộ luân chuyển ra ngoài ngành, ngoài địa phương.",
        "III.2.4",
        "tham_quyen",
        [],
    ),
    (
        "R8",
        "luan_chuyen",
        "Hỗ trợ kinh phí đối với cán bộ luân chuyển",
        "Cán bộ lãnh đạo chủ chốt của địa phương, cơ quan, đơn vị do Ban Thường vụ Tỉnh ủy quyết định luân "
        "chuyển, ngoài việc hưởng các chế độ chính sách theo quy định, còn được tính hỗ trợ một lần kinh phí "
        "theo Quyết định số 811-QĐ/TU, ngày 29/11/2004 của Ban Thường vụ Tỉnh ủy. Trong canbo: mức hỗ trợ "
        "{muc_ho_tro_luan_chuyen}, cố định khi ban hành quyết định luân chuyển.",
        "III.2.5; Quyết định 811-QĐ/TU",
        "ho_tro_mot_lan",
        ["muc_ho_tro_luan_chuyen"],
    ),
    (
        "D1",
        "dieu_dong",
        "Đối tượng điều động",
        "Là cán bộ lãnh đạo các sở, ban, ngành, địa phương có đủ tiêu chuẩn, điều kiện đáp ứng được yêu cầu "
        "nhiệm vụ được giao. Trong canbo: không điều động cán bộ đang bị kỷ luật, uy tín giảm sút hoặc đánh giá "
        "gần nhất không hoàn thành nhiệm vụ; cảnh báo khi chưa đạt tiêu chuẩn của chức danh đề xuất.",
        "III.3.1",
        "vi_pham",
        ["thang_hieu_luc_ky_luat"],
    ),
    (
        "D2",
        "dieu_dong",
        "Địa bàn điều động",
        "Các sở, ban, ngành, Mặt trận Tổ quốc, đoàn thể tỉnh; các huyện, thành phố khuyết, thiếu hoặc cần bố "
        "trí, sắp xếp lại đội ngũ cán bộ lãnh đạo chủ chốt. Trong canbo: vị trí khuyết là số lượng vị trí của "
        "chức danh tại đơn vị trừ số người đang giữ.",
        "III.3.2",
        "khuyet",
        [],
    ),
    (
        "D4",
        "dieu_dong",
        "Thẩm quyền điều động cán bộ",
        "Ban Thường vụ Tỉnh ủy quyết định điều động đối với các chức danh cán bộ thuộc diện Ban Thường vụ Tỉnh "
        "ủy quản lý. Trường hợp điều động cán bộ ra ngoài ngành, ngoài địa phương: do Ban cán sự đảng UBND tỉnh "
        "quyết định đối với cán bộ thuộc các cơ quan Nhà nước; do Ban Tổ chức Tỉnh ủy quyết định đối với cán bộ "
        "thuộc khối Đảng, Đoàn thể sau khi có sự thống nhất bằng văn bản của Thường trực Tỉnh ủy.",
        "III.3.4",
        "tham_quyen",
        [],
    ),
    (
        "N1",
        "khong_dia_phuong",
        "Chức danh không bố trí người địa phương",
        "Các chức danh chủ chốt được đánh dấu (bí thư, chủ tịch cấp huyện, người đứng đầu một số ngành theo quy "
        "định của Trung ương) không do người có quê quán trong địa bàn của đơn vị đảm nhiệm.",
        "I.3",
        "vi_pham",
        [],
    ),
    (
        "R10",
        "luan_chuyen",
        "Theo dõi, đánh giá cán bộ luân chuyển",
        "Đơn vị nhận cán bộ luân chuyển nhận xét, đánh giá cán bộ hằng năm và khi hết thời hạn luân chuyển; canbo "
        "liệt kê cán bộ sắp hết thời hạn trong {ngay_nhac_han_luan_chuyen} tới và cán bộ đã hết hạn chưa có đánh "
        "giá.",
        "II.3; IV.2",
        "",
        ["ngay_nhac_han_luan_chuyen"],
    ),
    (
        "Q1",
        "quy_hoach",
        "Giới hạn quy hoạch theo chức danh và theo người",
        "Số người tối đa quy hoạch vào một chức danh của một đơn vị trong một nhiệm kỳ: "
        "{so_nguoi_toi_da_mot_chuc_danh}; số chức danh tối đa quy hoạch cho một người: "
        "{so_chuc_danh_toi_da_mot_nguoi} (0: không giới hạn; kế hoạch 2017–2020 không đặt). Khi đặt, trang nguồn "
        "kế cận nêu các chức danh và người được quy hoạch vượt giới hạn.",
        "Quy định 377-QĐ/TW",
        "vi_pham",
        ["so_nguoi_toi_da_mot_chuc_danh", "so_chuc_danh_toi_da_mot_nguoi"],
    ),
    (
        "P1",
        "luan_chuyen",
        "Đề xuất phân công luân chuyển tối ưu",
        "Mỗi cặp cán bộ trong nguồn luân chuyển – vị trí không vi phạm quy tắc nào của đề xuất luân chuyển được "
        "chấm điểm phù hợp: {diem_tieu_chuan} cho mỗi loại tiêu chuẩn (lý luận chính trị, chuyên môn, quản lý nhà "
        "nước, ngoại ngữ, tin học) cán bộ đã đạt, {diem_quy_hoach} khi cán bộ được quy hoạch chức danh của vị trí, "
        "1 điểm cho mỗi năm công tác còn lại đến tối đa {diem_so_nam_toi_da}, {diem_nu} cho cán bộ nữ, "
        "{diem_dan_toc_thieu_so} cho cán bộ người dân tộc thiểu số, {diem_tre} cho cán bộ trẻ (dưới {tuoi_tre}). "
        "Mỗi cán bộ nhận nhiều nhất một vị trí, mỗi vị trí một cán bộ, và mỗi đơn vị cử đi nhiều nhất "
        "{so_can_bo_toi_da_mot_don_vi} để bảo đảm ổn định hoạt động ở nơi đi; canbo chọn cách phân công có tổng "
        "điểm lớn nhất, có chứng minh tối ưu hoặc nêu cận trên khi hết thời gian giải. Kế hoạch không định điểm: các mức trên là của canbo, Ban Tổ chức "
        "Tỉnh ủy điều chỉnh khi cần.",
        "I.4; II.3",
        "",
        [
            "diem_tieu_chuan",
            "diem_quy_hoach",
            "diem_so_nam_toi_da",
            "diem_nu",
            "diem_dan_toc_thieu_so",
            "diem_tre",
            "tuoi_tre",
            "so_can_bo_toi_da_mot_don_vi",
        ],
    ),
]


# Rules of the plan that canbo lists but does not check yet.
NOT_CHECKED_YET = {"R4", "BC"}
# Why the first version of each parameter holds: it came with the plan.
INITIAL_REASON = "Giá trị ban hành cùng bộ quy tắc"
# A first value the plan does not give: why it holds until Ban Tổ chức gives the value of the document.
REASONS = {
    "muc_ho_tro_luan_chuyen": "Kế hoạch không ghi mức hỗ trợ; giá trị ban đầu của canbo, Ban Tổ chức Tỉnh ủy "
    "cập nhật theo Quyết định 811-QĐ/TU và văn bản thay thế",
    "so_nguoi_toi_da_mot_chuc_danh": "Kế hoạch 2017–2020 không đặt giới hạn này (0: không giới hạn)",
    "so_chuc_danh_toi_da_mot_nguoi": "Kế hoạch 2017–2020 không đặt giới hạn này (0: không giới hạn)",
    **{
        key: "Kế hoạch không định điểm phù hợp của đề xuất tối ưu; giá trị ban đầu của canbo"
        for key in ("diem_tieu_chuan", "diem_quy_hoach", "diem_so_nam_toi_da", "diem_nu", "diem_dan_toc_thieu_so",
                    "diem_tre")
    },
    "so_can_bo_toi_da_mot_don_vi": "Kế hoạch (I.4) yêu cầu ổn định ở nơi đi mà không ghi số; giá trị ban đầu "
    "của canbo",
}


def load(apps):
    """Write this rule set with the models of `apps`: a migration's historical registry, or the
    app registry for a database emptied of rule sets. Each row gets the fields its model has at
    that point of the migrations (a parameter's value is a field until values become versions)."""
    rule_set_model, rule_model, parameter_model = (
        apps.get_model("rules", name) for name in ("RuleSet", "Rule", "Parameter")
    )
    rule_set = rule_set_model.objects.create(
        code=CODE, name=NAME, source=SOURCE, valid_from=VALID_FROM, valid_to=VALID_TO
    )
    parameter_fields = _field_names(parameter_model)
    parameters = parameter_model.objects.bulk_create(
        parameter_model(
            rule_set=rule_set,
            **_only(
                parameter_fields,
                key=key,
                label=label,
                value=value,
                default=value,
                unit=unit,
                min_value=low,
                max_value=high,
                citation=citation,
                scale=SCALES.get(key, []),
            ),
        )
        for key, label, value, unit, low, high, citation in PARAMETERS
    )
    if "value" not in parameter_fields:
        version_model = apps.get_model("rules", "ParameterVersion")
        version_model.objects.bulk_create(
            version_model(
                parameter=parameter,
                value=parameter.default,
                valid_from=VALID_FROM,
                reason=REASONS.get(parameter.key, INITIAL_REASON),
                decision=SOURCE,
            )
            for parameter in parameters
        )
    rule_fields = _field_names(rule_model)
    rule_model.objects.bulk_create(
        rule_model(
            rule_set=rule_set,
            **_only(
                rule_fields,
                code=code,
                group=group,
                order=index,
                title=title,
                text=text,
                citation=citation,
                produces=produces,
                parameter_keys=keys,
                enforced=code not in NOT_CHECKED_YET,
            ),
        )
        for index, (code, group, title, text, citation, produces, keys) in enumerate(RULES)
    )
    return rule_set


def _field_names(model) -> set[str]:
    return {field.name for field in model._meta.get_fields()}


def _only(names: set[str], **values) -> dict:
    return {key: value for key, value in values.items() if key in names}
