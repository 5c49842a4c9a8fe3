"""canbo's secret key when `CANBO_SECRET_KEY` is not set: made once at random and kept in the data
folder, in a file only its owner may read, so a fresh install needs no set-up and no key is ever
committed.

The file appears whole or not at all: the key is written to a private temporary file, which is
then hard-linked to its name. Linking fails when the name exists, so of two processes starting at
once the first to link wins and both read its key.
"""

import os
import secrets
import stat
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

OTHERS = stat.S_IRWXG | stat.S_IRWXO


def _read(path: Path) -> str:
    fd = os.open(path, os.O_RDONLY)
    with os.fdopen(fd, encoding="ascii") as kept:
        if os.fstat(fd).st_mode & OTHERS:
            raise ImproperlyConfigured(
                f"Tệp khóa bí mật {path} đang cho người khác đọc; chạy `chmod 600 {path}` rồi khởi động lại."
            )
        key = kept.read().strip()
    if not key:
        raise ImproperlyConfigured(f"Tệp khóa bí mật {path} rỗng; xoá nó để canbo tạo khóa mới.")
    return key


def _unwritable(path: Path, error: OSError) -> ImproperlyConfigured:
    return ImproperlyConfigured(
        f"Không ghi được khóa bí mật vào {path} ({error.strerror}); đặt CANBO_SECRET_KEY hoặc cho canbo "
        "quyền ghi thư mục dữ liệu (CANBO_DATA_DIR)."
    )


def _create(path: Path) -> None:
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.")  # mode 0600
    except OSError as error:
        raise _unwritable(path, error) from error
    try:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secrets.token_urlsafe(50) + "\n")
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process made it first: its key is the one
        except OSError as error:  # a file system without hard links
            raise _unwritable(path, error) from error
    finally:
        os.unlink(temporary)


def secret_key_from(path: Path) -> str:
    """The key kept in `path`, made there first if the file does not exist."""
    try:
        return _read(path)
    except FileNotFoundError:
        _create(path)
    return _read(path)
