"""What an official document says, apart from how it looks: the letterhead, the type and summary,
the body as blocks (headings, paragraphs, tables), the signature and the recipients. An app fills
one of these; `canbo.documents.docx.official_docx` lays it out by its layout profile."""

from dataclasses import dataclass

from canbo.documents.layouts import Layout


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Centred:
    """A line centred in bold: `BAN THƯỜNG VỤ TỈNH ỦY` and `QUYẾT ĐỊNH:` before a decision's articles."""

    text: str


@dataclass(frozen=True)
class Article:
    """An article of a decision: `Điều 1.` in bold, then its text."""

    label: str
    text: str


@dataclass(frozen=True)
class Note:
    """A note under a table, in small italics."""

    text: str


@dataclass(frozen=True)
class Table:
    """A table of the body or an annex; `widths` in millimetres, `numeric` the columns aligned right,
    `total` a last row in bold."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    numeric: frozenset[int] = frozenset()
    total: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Annex:
    title: str
    note: str
    blocks: tuple = ()


@dataclass(frozen=True)
class Signature:
    """`T/M BAN THƯỜNG VỤ` / `BÍ THƯ` / the name (the authority is empty when the head signs, and has
    one line more when a deputy signs for the head of a collective: `TM. …` then `KT. CHỦ TỊCH`)."""

    authority: str
    position: str
    name: str

    @property
    def lines(self) -> list[str]:
        """The block's lines above the name, as printed."""
        return [*self.authority.splitlines(), self.position]


@dataclass(frozen=True)
class OfficialDocument:
    layout: Layout
    superior: str
    issuer: str
    number: str
    place_date: str
    doc_type: str
    summary: str
    signature: Signature
    recipients: tuple[str, ...]
    blocks: tuple = ()
    annexes: tuple[Annex, ...] = ()
    draft: bool = False
    title: str = ""
