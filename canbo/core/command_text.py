"""How canbo's commands print (SPEC §8–§14): JSON, or a plain text table. No Django here: a reading
command may print before setting Django up (`canbo.core.kept_moves`)."""

import json


def dump(payload) -> str:
    return json.dumps(payload, ensure_ascii=False)


def table(headers: list[str], rows: list[list]) -> str:
    """A plain text table that lines up in a terminal."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
