"""Recording figures in bench/RESULTS.md: each benchmark appends its run under its own heading."""

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def record_section(heading: str, lines: list[str]) -> None:
    """Append `lines` under `## heading`, after the runs already there (a new section if none)."""
    text = RESULTS.read_text()
    section = "\n".join(lines).rstrip() + "\n"
    match = re.search(rf"^## {re.escape(heading)}\n.*?(?=^## |\Z)", text, flags=re.S | re.M)
    if match is None:
        text = text.rstrip() + f"\n\n## {heading}\n\n" + section
    else:
        text = text[: match.end()].rstrip() + "\n\n" + section + "\n" + text[match.end() :].lstrip("\n")
    RESULTS.write_text(text.rstrip() + "\n")
