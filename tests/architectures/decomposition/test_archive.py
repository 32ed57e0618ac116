import io
import tarfile
import zipfile

import pytest

from architectures.decomposition.archive import ArchiveLimits, archive_kind, extract_archive
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
