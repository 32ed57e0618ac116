import pytest

from architectures.input_formats import FormatNotRecognised, FormatRegistry, InputFormat, Upload


def _fmt(name: str, marker: bytes, media: tuple[str, ...], ext: tuple[str, ...]) -> InputFormat:
    return InputFormat(
        name=name,
        label=name.title(),
        media_types=media,
        extensions=ext,
        sniff=lambda data: marker in data,
        read=lambda uploads: [u.data for u in uploads],
        description=f"the {name} format",
    )


REGISTRY = FormatRegistry(
    "thing",
    _fmt("compose", b"services:", ("application/yaml",), (".yml", ".yaml")),
    _fmt("kubernetes", b"apiVersion:", ("application/yaml",), (".yml", ".yaml")),
    _fmt("json", b"{", ("application/json",), (".json",)),
)


def test_it_detects_the_format_from_the_content():
    found = REGISTRY.detect([Upload("", b"apiVersion: v1")], media_type="application/yaml")
    assert found.name == "kubernetes"


def test_a_forced_format_wins_over_the_content():
    found = REGISTRY.detect([Upload("", b"apiVersion: v1")], forced="compose")
    assert found.name == "compose"


def test_it_refuses_an_unknown_forced_format_naming_the_known_ones():
    with pytest.raises(FormatNotRecognised, match="compose, kubernetes, json"):
        REGISTRY.detect([Upload("", b"x")], forced="helm")


def test_it_refuses_a_media_type_no_format_accepts():
    with pytest.raises(FormatNotRecognised, match="Unsupported media type 'text/csv'"):
        REGISTRY.detect([Upload("", b"{")], media_type="text/csv")


def test_a_generic_media_type_tries_every_format():
    assert REGISTRY.detect([Upload("", b"{}")], media_type="text/plain").name == "json"


def test_every_upload_must_match_the_same_format():
    uploads = [Upload("a.yml", b"services: {}"), Upload("b.yml", b"apiVersion: v1")]
    # The content disagrees; the shared ending points to the first YAML format.
    assert REGISTRY.detect(uploads, media_type="application/yaml").name == "compose"


def test_it_falls_back_to_the_file_name_when_nothing_matches():
    assert REGISTRY.detect([Upload("x.json", b"[]")]).name == "json"


def test_pasted_text_that_matches_nothing_is_not_recognised():
    with pytest.raises(FormatNotRecognised, match="Not recognised as any thing format"):
        REGISTRY.detect([Upload("", b"plain words")])


def test_it_lists_names_and_media_types_once():
    assert REGISTRY.names == ("compose", "kubernetes", "json")
    assert REGISTRY.media_types == ("application/yaml", "application/json")


def test_duplicate_names_are_refused():
    with pytest.raises(ValueError, match="Duplicate"):
        FormatRegistry("thing", *REGISTRY, *REGISTRY)


def test_a_media_type_only_one_format_accepts_names_that_format():
    # Not JSON at all, yet sent as JSON: the JSON reader is the one to say what is wrong.
    found = REGISTRY.detect([Upload("", b"services: x")], media_type="application/json")
    assert found.name == "json"
    # A generic type names nothing: the content decides.
    assert REGISTRY.detect([Upload("", b"services: x")], media_type="text/plain").name == "compose"
