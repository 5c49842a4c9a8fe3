"""What `canbo review` prints (SPEC §8), from the sums of its verdicts. No Django here: the command
prints it again from its count moved by later writes before setting Django up
(`canbo.core.kept_moves`)."""

from canbo.core.command_text import dump, table
from canbo.people.reach_groups import Reach, sum_within
from canbo.rules.review_figures import figures_of


def review_text(figures: dict, words: dict, as_json: bool) -> str:
    """The command's output: the figures as JSON, or a table under a heading; `words` are the
    heading, the columns' headers, each figure's `[key, title]` in order and the split's two labels."""
    if as_json:
        return dump(figures) + "\n"
    rows = []
    for key, title in words["titles"]:
        value = figures[key]
        if isinstance(value, dict):
            rows.append([key, title, value["tong"]])
            rows.append(["  bo_nhiem", "  " + words["appointed"], value["bo_nhiem"]])
            rows.append(["  quy_hoach", "  " + words["planned"], value["quy_hoach"]])
        else:
            rows.append([key, title, value])
    return words["heading"] + "\n" + table(words["headers"], rows) + "\n"


def moved_review(value: list[list], *, names: list[str], keys: list[str], words: dict, as_json: bool) -> str:
    """The output from the whole workforce's review count grouped by reach (`value`), summed over
    everyone (the command's system actor sees everyone)."""
    sums = sum_within(Reach(None), value, len(names))
    return review_text(figures_of(names, keys, sums), words, as_json)
