"""Problems found in a workbook: each names the sheet, the row as Excel shows it, the column and value."""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Finding:
    sheet: str
    row: int | None  # Excel row number; None for a problem of the whole sheet
    column: str
    value: str
    message: str

    def as_dict(self) -> dict:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message,
        }


def findings_table(findings: list[Finding], limit: int | None = None) -> str:
    """A plain-text table of findings, the first `limit` of them, then how many were left out."""
    shown = findings if limit is None else findings[:limit]
    headers = (_("Trang"), _("Dòng"), _("Cột"), _("Giá trị"), _("Lỗi"))
    rows = [
        (i.sheet, "" if i.row is None else str(i.row), i.column, _clip(i.value), i.message) for i in shown
    ]
    widths = [max([len(h)] + [len(r[n]) for r in rows]) for n, h in enumerate(headers[:-1])]

    def line(cells):
        return "  ".join(c.ljust(w) for c, w in zip(cells[:-1], widths, strict=True)) + "  " + cells[-1]

    out = [line(headers), line(["-" * w for w in widths] + ["-" * len(headers[-1])])]
    out += [line(row) for row in rows]
    if len(shown) < len(findings):
        out.append(
            _("… và %(n)s lỗi khác (tổng cộng %(total)s).")
            % {"n": len(findings) - len(shown), "total": len(findings)}
        )
    return "\n".join(out)


def _clip(value: str, width: int = 40) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"
