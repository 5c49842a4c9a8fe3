from canbo.core.names import name_order, name_sort_key, search_fold


def test_names_sort_by_given_then_middle_then_family_name():
    names = ["Nguyễn Văn Bình", "Trần Thị An", "Lê Văn An", "Đỗ Thị Ánh", "Phạm Anh"]
    assert sorted(names, key=name_sort_key) == [
        "Trần Thị An", "Lê Văn An", "Phạm Anh", "Đỗ Thị Ánh", "Nguyễn Văn Bình",
    ]
    assert name_order("Nguyễn Thị Minh Khai") == ["Khai", "Thị", "Minh", "Nguyễn"]


def test_vietnamese_letter_order_and_tones_after_the_letters():
    words = ["Bình", "Ân", "Ăn", "An", "Ánh", "Anh", "Án", "Đào", "Dung", "Ơn", "Ông", "Ưng", "Uy", "Ưa"]
    assert sorted(words, key=name_sort_key) == [
        "An", "Án", "Anh", "Ánh", "Ăn", "Ân", "Bình", "Dung", "Đào", "Ông", "Ơn", "Uy", "Ưa", "Ưng",
    ]
    tones = ["Hạ", "Há", "Hà", "Ha", "Hả", "Hã"]
    assert sorted(tones, key=name_sort_key) == ["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"]
    # Decomposed input (as some keyboards type it) sorts like the composed one.
    assert name_sort_key("Nguye\u0302\u0303n Ha\u0300") == name_sort_key("Nguyễn Hà")


def test_key_is_digits_only_and_upper_case_does_not_matter():
    key = name_sort_key("K'Gioi Ya")
    assert key.isdigit()
    assert key == name_sort_key("k'gioi ya")


def test_search_fold_drops_diacritics_and_apostrophes():
    assert search_fold("Ya K’Gioi Đào") == "ya kgioi dao"
