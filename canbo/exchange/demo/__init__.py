"""A synthetic province in the 2017 shape of Lâm Đồng, written as an exchange workbook (SPEC §7)."""
