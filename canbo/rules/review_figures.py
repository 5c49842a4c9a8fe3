"""The shape of the review's figures (SPEC §8) from the sums of its verdicts. No Django here: a
reading command builds them before setting Django up (`canbo.reports.review_text`)."""

SPLIT_FIGURE = "thieu_trung_cap_chuyen_mon"  # the figure also given as appointed and planned


def figures_of(names: list[str], keys: list[str], values: list[int]) -> dict:
    """The figures `keys` (in their order), the split one as its total, appointed and planned, from
    the sums `values` of the verdicts and splits `names`."""
    counts = dict(zip(names, values, strict=True))
    result = {key: counts[key] for key in keys}
    result[SPLIT_FIGURE] = {
        "tong": counts[SPLIT_FIGURE],
        "bo_nhiem": counts["split_bo_nhiem"],
        "quy_hoach": counts["split_quy_hoach"],
    }
    return result
