import io
import struct
import tarfile
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from architectures.decomposition.archive import (
    ArchiveLimits,
    archive_kind,
    archive_names,
    extract_archive,
)
from architectures.decomposition.monolith import MonolithInvalid
from tests.project_archives import add_file, zipped


def tarred(add) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        add(archive)
    return buffer.getvalue()


def refusal(data: bytes, target, **limits) -> str:
    with pytest.raises(MonolithInvalid) as caught:
        extract_archive(data, target, limits=ArchiveLimits(**limits) if limits else ArchiveLimits())
    return caught.value.problems[0].msg


def test_it_writes_only_the_python_files_of_a_zip(tmp_path):
    data = zipped({"shop/__init__.py": b"", "shop/models.py": b"X = 1\n", "shop/a.html": b"<p>"})
    assert archive_kind(data) == "zip"
    assert extract_archive(data, tmp_path) == 2
    assert (tmp_path / "shop" / "models.py").read_bytes() == b"X = 1\n"
    assert not (tmp_path / "shop" / "a.html").exists()
    assert (tmp_path / "shop" / "models.py").stat().st_mode & 0o111 == 0


def test_it_reads_a_tar_gz(tmp_path):
    data = tarred(lambda a: add_file(a, "proj-main/shop/views.py", b"import shop\n"))
    assert archive_kind(data) == "tar.gz"
    assert extract_archive(data, tmp_path) == 1
    assert (tmp_path / "proj-main" / "shop" / "views.py").is_file()


@pytest.mark.parametrize("name", ["../evil.py", "shop/../../evil.py", "/etc/evil.py", "C:/evil.py"])
def test_a_path_escaping_the_folder_is_refused(tmp_path, name):
    target = tmp_path / "out"
    target.mkdir()
    assert "outside the folder" in refusal(zipped({name: b"x = 1\n"}), target)
    assert "outside the folder" in refusal(tarred(lambda a: add_file(a, name, b"x")), target)
    assert not (tmp_path / "evil.py").exists()


def test_a_zip_bomb_is_refused_by_its_expansion_ratio(tmp_path):
    data = zipped({"shop/big.py": b"#" * (20 * 2**20)})
    assert len(data) < 100_000
    assert "expands more than" in refusal(data, tmp_path)


def test_a_declared_size_over_the_limit_is_refused_before_reading(tmp_path):
    data = zipped({"a.py": b"1" * 5000, "b.py": b"2" * 5000})
    assert "exceeds" in refusal(data, tmp_path, total_bytes=6000, ratio=10_000)


def test_too_many_entries_are_refused(tmp_path):
    data = zipped({f"m{i}.py": b"" for i in range(11)})
    assert "More than 10 entries" in refusal(data, tmp_path, files=10)


def test_a_symbolic_link_is_refused_in_a_zip_and_a_tar(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("shop/settings.py")
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
    assert "links and devices are refused" in refusal(buffer.getvalue(), tmp_path)

    def add_link(archive: tarfile.TarFile) -> None:
        info = tarfile.TarInfo("shop/settings.py")
        info.type = tarfile.SYMTYPE
        info.linkname = "/etc/passwd"
        archive.addfile(info)

    assert "links and devices are refused" in refusal(tarred(add_link), tmp_path)
    assert not (tmp_path / "shop" / "settings.py").exists()


def test_something_else_is_not_an_archive(tmp_path):
    assert archive_kind(b'{"modules": []}') is None
    assert "Not a .zip or .tar.gz" in refusal(b"plain text", tmp_path)
    assert "cannot be read" in refusal(b"PK\x03\x04 broken", tmp_path)


# Damaged and exotic archives, found by fuzzing: each was an unexpected exception (a 500).
ONE = {"shop/models.py": b"x = 1\n" * 50}


def _patched(data: bytes, *fields: tuple[bytes, int, int]) -> bytes:
    """`data` with a 16-bit field set in the first header carrying each signature."""
    raw = bytearray(data)
    for signature, offset, value in fields:
        struct.pack_into("<H", raw, raw.find(signature) + offset, value)
    return bytes(raw)


def _with_flag(data: bytes, bits: int) -> bytes:
    return _patched(data, (b"PK\x03\x04", 6, bits), (b"PK\x01\x02", 8, bits))


def _deflated(files: dict[str, bytes], method: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _corrupt_data(data: bytes, start: int, length: int) -> bytes:
    raw = bytearray(data)
    header = raw.find(b"PK\x03\x04")
    name_length, extra_length = struct.unpack_from("<HH", raw, header + 26)
    begin = header + 30 + name_length + extra_length + start
    raw[begin : begin + length] = b"\xff" * length
    return bytes(raw)


def _central_directory_moved(data: bytes) -> bytes:
    raw = bytearray(data)
    end = raw.rfind(b"PK\x05\x06")
    struct.pack_into("<I", raw, end + 16, struct.unpack_from("<I", raw, end + 16)[0] + 2)
    return bytes(raw)


def _tar_with_pax(name: str, content: bytes, pax: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", format=tarfile.PAX_FORMAT) as archive:
        info = tarfile.TarInfo(name)
        info.size, info.pax_headers = len(content), pax
        archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


DAMAGED = {
    "a name flagged UTF-8 that is not": _with_flag(
        zipped({"shop/ab.py": b"x = 1\n"}).replace(b"shop/ab.py", b"shop/\xff\xff.py"), 0x800
    ),
    "encrypted": _with_flag(zipped(ONE), 0x1),
    "strongly encrypted": _with_flag(zipped(ONE), 0x40),
    "an unknown compression method": _patched(
        zipped(ONE), (b"PK\x03\x04", 8, 99), (b"PK\x01\x02", 10, 99)
    ),
    "an unknown zip version": _patched(zipped(ONE), (b"PK\x01\x02", 6, 224)),
    "a corrupt deflate stream": _corrupt_data(_deflated(ONE, zipfile.ZIP_DEFLATED), 0, 1),
    "a corrupt lzma stream": _corrupt_data(_deflated(ONE, zipfile.ZIP_LZMA), 9, 5),
    "a central directory offset past its place": _central_directory_moved(zipped(ONE)),
    "a garbage GNU sparse map": _tar_with_pax(
        "shop/a.py",
        b"x = 1\n",
        {
            "GNU.sparse.major": "1",
            "GNU.sparse.minor": "0",
            "GNU.sparse.name": "shop/s.py",
            "GNU.sparse.realsize": "10",
        },
    ),  # fmt: skip
}


@pytest.mark.parametrize("data", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_or_exotic_archive_is_refused_as_unreadable(tmp_path, data):
    assert refusal(data, tmp_path).startswith("The archive cannot be read")
    names = archive_names(data)  # listing reads no content: it may succeed, but never raise
    assert names is None or names == [n for n in names if isinstance(n, str)]
    assert str(tmp_path) not in refusal(data, tmp_path)


def test_a_name_with_a_nul_character_is_refused(tmp_path):
    data = _tar_with_pax("shop/a.py", b"x\n", {"path": "shop/a\x00b.py"})
    assert "NUL character" in refusal(data, tmp_path)


@pytest.mark.parametrize("kind", [tarfile.GNU_FORMAT, tarfile.PAX_FORMAT])
def test_an_outsized_long_name_is_refused_before_it_is_read(tmp_path, kind):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", format=kind) as archive:
        add_file(archive, "shop/" + "a" * 200_000 + ".py", b"x = 1\n")
    assert "header of" in refusal(buffer.getvalue(), tmp_path)


def test_a_name_that_is_not_utf8_reads_as_replacement_characters(tmp_path):
    data = tarred(lambda a: add_file(a, b"bad\xff/x.py".decode("utf-8", "surrogateescape"), b""))
    assert archive_names(data) == ["bad\ufffd/x.py"]


SAMPLES = {
    "zip": _deflated(
        {"shop/__init__.py": b"", "shop/models.py": b"x = 1\n" * 40}, zipfile.ZIP_DEFLATED
    ),
    "lzma zip": _deflated({"shop/models.py": b"x = 1\n" * 40}, zipfile.ZIP_LZMA),
    "tar.gz": tarred(lambda a: add_file(a, "shop/models.py", b"x = 1\n" * 40)),
}


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(SAMPLES)),
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), min_size=1, max_size=4),
)
def test_a_damaged_archive_is_read_or_refused_never_a_crash(kind, damage):
    raw = bytearray(SAMPLES[kind])
    for position, value in damage:
        raw[position % len(raw)] = value
    with tempfile.TemporaryDirectory() as folder:
        try:
            extract_archive(bytes(raw), Path(folder))
        except MonolithInvalid as refused:
            assert refused.problems[0].msg
    names = archive_names(bytes(raw))
    assert names is None or all(isinstance(n, str) for n in names)
