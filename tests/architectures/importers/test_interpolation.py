from architectures.importers.interpolation import interpolate


def test_defaults_are_used_and_unset_variables_reported():
    unset: set[str] = set()
    text = "${REGISTRY:-eshop}/api:${TAG-latest} http://${HOST}:5105 $PORT"
    assert interpolate(text, unset) == "eshop/api:latest http://:5105 "
    assert unset == {"HOST", "PORT"}


def test_nested_defaults_escapes_and_alternatives():
    unset: set[str] = set()
    assert interpolate("${A:-${B:-inner}}", unset) == "inner"
    assert interpolate("cost $$5", unset) == "cost $5"
    assert interpolate("${A:+set}", unset) == ""
    assert interpolate("${A:?must be set}", unset) == ""
    assert unset == {"A"}


def test_unclosed_braces_are_kept_as_text():
    assert interpolate("x ${oops", set()) == "x ${oops"
