"""Benchmark of the documents: building a plan document as DOCX (python-docx), and turning
1, 20 and 100 of them into PDF in one LibreOffice run each (what a batch of 2C forms costs).

    .venv/bin/python bench/documents.py [--no-record]

Prints the figures and records them in bench/RESULTS.md under "## Documents (DOCX and PDF)".
"""

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from results import record_section  # noqa: E402
from review import machine  # noqa: E402

from canbo.documents.content import Annex, Heading, OfficialDocument, Paragraph, Signature, Table  # noqa: E402
from canbo.documents.docx import official_docx  # noqa: E402
from canbo.documents.layouts import PARTY  # noqa: E402
from canbo.documents.pdf import docx_to_pdf  # noqa: E402
from canbo.documents.text import place_and_date  # noqa: E402

BATCHES = (1, 20, 100)


def sample() -> OfficialDocument:
    """A plan of 40 paragraphs with a 60-row annex."""
    rows = tuple((str(n), f"Đơn vị số {n}", str(n % 30 + 1), f"{n * 1_000_000:,}") for n in range(1, 61))
    text = "Nâng cao chất lượng đội ngũ cán bộ. " * 6
    blocks = tuple(Heading(f"{n}. Mục") if n % 8 == 0 else Paragraph(text) for n in range(40))
    return OfficialDocument(
        layout=PARTY, superior="", issuer="Tỉnh ủy Lâm Đồng", number=PARTY.number(127, "KH", "TU"),
        place_date=place_and_date("Lâm Đồng", dt.date(2017, 11, 5)), doc_type="Kế hoạch",
        summary="Đào tạo, bồi dưỡng cán bộ năm 2018", signature=Signature("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "A"),
        recipients=("- Lưu VPTU.",), blocks=blocks,
        annexes=(Annex("PHỤ LỤC", "(Kèm theo)", (Table(("TT", "Đơn vị", "Số người", "Kinh phí"), rows,
                                                        (12, 91, 22, 40), frozenset({2, 3})),)),))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    load_start = os.getloadavg()[0]
    document = sample()
    started = time.perf_counter()
    for _n in range(20):
        content = official_docx(document)
    build = (time.perf_counter() - started) / 20
    conversions = []
    for count in BATCHES:
        started = time.perf_counter()
        docx_to_pdf({f"d{n}.docx": content for n in range(count)})
        conversions.append((count, time.perf_counter() - started))
    lines = [
        f"`bench/documents.py`, {dt.datetime.now(dt.UTC):%d/%m/%Y %H:%M} UTC. Machine: {machine()}. "
        f"Load average (1 min) at the start and end: {load_start:.1f} and {os.getloadavg()[0]:.1f}.",
        "",
        f"A plan document (40 paragraphs, a 60-row annex) as DOCX: {build * 1000:.0f} ms (mean of 20).",
        "",
        "| documents in one LibreOffice run | seconds |",
        "|---:|---:|",
        *(f"| {count} | {seconds:.1f} |" for count, seconds in conversions),
    ]
    print("\n".join(lines))
    if not args.no_record:
        record_section("Documents (DOCX and PDF)", lines)
        print("recorded in bench/RESULTS.md")


if __name__ == "__main__":
    main()
