"""The backup file: a zip holding a table of contents (`muc_luc.json`), one JSON-lines file per
table (`du_lieu/<app>.<model>.jsonl`: a header naming the columns, then lines each holding a JSON
array of rows, a row being an array of values) and the uploaded files (`tep/…`, from MEDIA_ROOT).

The table of contents names the format, canbo's version, the database it came from, when it was
made, the migrations applied per app, and for every table and file its size and SHA-256. The data
is portable: a backup of SQLite restores into PostgreSQL and back.
"""

import hashlib
import json
import zipfile
from collections.abc import Iterable, Iterator
from importlib.metadata import version
from pathlib import Path, PurePosixPath

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.ops.errors import BackupError
from canbo.ops.schema import applied_migrations
from canbo.ops.tables import backed_up_models, stored_fields, table_lines

CONTENTS = "muc_luc.json"
FORMAT = "canbo-sao-luu"
FORMAT_VERSION = 1
FILES_PREFIX = "tep/"
CHUNK = 1 << 20  # bytes of an uploaded file read at a time


def _data_name(model) -> str:
    return f"du_lieu/{model._meta.label_lower}.jsonl"


def _write_lines(archive: zipfile.ZipFile, name: str, lines: Iterable[tuple[str, int]]) -> tuple[int, str]:
    """Write `lines` (each with its number of rows) into member `name`; the rows and the SHA-256."""
    digest, rows = hashlib.sha256(), 0
    with archive.open(name, "w", force_zip64=True) as out:
        for line, count in lines:
            data = (line + "\n").encode()
            digest.update(data)
            out.write(data)
            rows += count
    return rows, digest.hexdigest()


def _write_file(archive: zipfile.ZipFile, name: str, file: Path) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    with file.open("rb") as source, archive.open(name, "w", force_zip64=True) as out:
        while block := source.read(CHUNK):
            digest.update(block)
            size += len(block)
            out.write(block)
    return size, digest.hexdigest()


def _media_files(media_root: Path) -> list[Path]:
    return sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.is_dir() else []


def write_archive(path: Path, media_root: Path) -> dict:
    """Write every backed up table (read in the caller's transaction) and every file under
    `media_root` into a new zip at `path`; returns its table of contents."""
    contents = {
        "dinh_dang": FORMAT,
        "phien_ban_dinh_dang": FORMAT_VERSION,
        "phien_ban_canbo": version("canbo"),
        "co_so_du_lieu": connection.vendor,
        "tao_luc": timezone.now().isoformat(),
        "migration": applied_migrations(),
        "bang": [],
        "tep": [],
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for model in backed_up_models():
            fields = stored_fields(model)
            header = json.dumps({"mo_hinh": model._meta.label_lower, "cot": [f.column for f in fields]})
            name = _data_name(model)
            rows, digest = _write_lines(archive, name, _chain(header, model, fields))
            contents["bang"].append(
                {"mo_hinh": model._meta.label_lower, "tep": name, "so_dong": rows, "sha256": digest}
            )
        for file in _media_files(media_root):
            name = FILES_PREFIX + file.relative_to(media_root).as_posix()
            size, digest = _write_file(archive, name, file)
            contents["tep"].append({"ten": name, "kich_thuoc": size, "sha256": digest})
        archive.writestr(CONTENTS, json.dumps(contents, ensure_ascii=False, indent=1))
    return contents


def _chain(header: str, model, fields) -> Iterator[tuple[str, int]]:
    yield header, 0
    yield from table_lines(model, fields)


class BackupArchive:
    """A backup file opened for a restore; its table of contents checked on opening."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
            self.contents = json.loads(self.zip.read(CONTENTS))
        except FileNotFoundError as error:
            raise BackupError(_("Không tìm thấy tệp %(file)s.") % {"file": path}) from error
        except (zipfile.BadZipFile, KeyError, ValueError) as error:
            raise BackupError(_("%(file)s không phải tệp sao lưu của canbo.") % {"file": path}) from error
        if self.contents.get("dinh_dang") != FORMAT:
            raise BackupError(_("%(file)s không phải tệp sao lưu của canbo.") % {"file": path})
        if self.contents.get("phien_ban_dinh_dang") != FORMAT_VERSION:
            raise BackupError(
                _("Tệp sao lưu %(file)s có định dạng %(format)s; phiên bản canbo này đọc định dạng %(ours)s.")
                % {"file": path, "format": self.contents.get("phien_ban_dinh_dang"), "ours": FORMAT_VERSION}
            )

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.zip.close()

    def _damaged(self, name: str) -> BackupError:
        return BackupError(_("Tệp sao lưu bị hỏng: %(part)s không khớp mã kiểm tra.") % {"part": name})

    def table_rows(self, entry: dict, columns: list[str]) -> Iterator[list]:
        """The rows of one table as JSON arrays; raises BackupError, after the last row, if the
        member's SHA-256 or row count differs from the table of contents."""
        digest, count = hashlib.sha256(), 0
        with self.zip.open(entry["tep"]) as member:
            header = member.readline()
            digest.update(header)
            if json.loads(header)["cot"] != columns:
                raise BackupError(
                    _("Các cột của bảng %(table)s trong tệp sao lưu khác cơ sở dữ liệu này.")
                    % {"table": entry["mo_hinh"]}
                )
            for line in member:
                digest.update(line)
                try:
                    rows = json.loads(line)
                except ValueError:
                    rows = None
                if not isinstance(rows, list) or not all(
                    isinstance(row, list) and len(row) == len(columns) for row in rows
                ):
                    raise self._damaged(entry["tep"])
                count += len(rows)
                yield from rows
        if digest.hexdigest() != entry["sha256"] or count != entry["so_dong"]:
            raise self._damaged(entry["tep"])

    def extract_files(self, target: Path) -> int:
        """Write the uploaded files under `target`, each checked against its SHA-256."""
        for entry in self.contents["tep"]:
            relative = PurePosixPath(entry["ten"]).relative_to(FILES_PREFIX.rstrip("/"))
            if relative.is_absolute() or ".." in relative.parts:
                raise self._damaged(entry["ten"])
            destination = target.joinpath(*relative.parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with self.zip.open(entry["ten"]) as source, destination.open("wb") as out:
                while block := source.read(CHUNK):
                    digest.update(block)
                    out.write(block)
            if digest.hexdigest() != entry["sha256"]:
                raise self._damaged(entry["ten"])
        return len(self.contents["tep"])
