"""Archives of projects as users upload them, built in memory for the tests."""

import io
import tarfile
import zipfile
from pathlib import Path

LOCALLIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "projects" / "locallibrary"


def locallibrary_files(wrapper: str = "locallibrary-main/") -> dict[str, bytes]:
    """Every file of the real LocalLibrary project, below a wrapper folder as GitHub's
    archives have one."""
    return {
        f"{wrapper}{path.relative_to(LOCALLIBRARY).as_posix()}": path.read_bytes()
        for path in sorted(LOCALLIBRARY.rglob("*"))
        if path.is_file()
    }


def zipped(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def tarred(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in entries.items():
            add_file(archive, name, data)
    return buffer.getvalue()


def add_file(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))
