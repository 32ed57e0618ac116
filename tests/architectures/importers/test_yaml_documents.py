import pytest

from architectures.importers.records import DeploymentInvalid
from architectures.importers.yaml_documents import (
    MAX_BYTES,
    MAX_FILES,
    check_sizes,
    load_documents,
)
from architectures.input_formats import Upload


def test_it_reads_every_document_and_skips_empty_ones():
    documents = load_documents(Upload("all.yaml", b"a: 1\n---\n---\nb: 2\n"))
    assert [d.data for d in documents] == [{"a": 1}, {"b": 2}]
    assert [d.index for d in documents] == [0, 1] and documents[0].of == 2


def test_aliases_are_refused_with_their_place_and_a_way_out():
    with pytest.raises(DeploymentInvalid) as caught:
        load_documents(Upload("c.yml", b"x: &a [1]\ny: *a\n"))
    (problem,) = caught.value.problems
    assert problem.loc == ("c.yml", "yaml", 2, 4)
    assert "aliases" in problem.msg and "docker compose config" in problem.msg


def test_tags_that_build_objects_are_refused():
    with pytest.raises(DeploymentInvalid):
        load_documents(Upload("", b"!!python/object/apply:os.system ['echo hacked']\n"))


def test_sizes_are_checked_before_anything_is_parsed():
    with pytest.raises(DeploymentInvalid) as caught:
        check_sizes([Upload("big.yml", b"#" * (MAX_BYTES + 1))])
    assert caught.value.problems[0].loc == ("big.yml",)
    with pytest.raises(DeploymentInvalid, match="At most"):
        check_sizes([Upload(f"{i}.yml", b"a: 1") for i in range(MAX_FILES + 1)])
    with pytest.raises(DeploymentInvalid, match="Nothing to read"):
        check_sizes([])


def test_deep_nesting_is_a_problem_not_a_crash():
    with pytest.raises(DeploymentInvalid) as caught:
        load_documents(Upload("", b"[" * 20_000))
    assert caught.value.problems
