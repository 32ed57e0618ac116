from decider.release import release


def test_the_release_digest_changes_with_the_templates_and_the_code(tmp_path, settings):
    (tmp_path / "templates").mkdir()
    (tmp_path / "decider").mkdir()
    (tmp_path / "templates" / "a.html").write_text("one")
    (tmp_path / "decider" / "b.py").write_text("x = 1")
    settings.BASE_DIR = tmp_path
    digests = set()
    try:
        for path, text in [(None, None), ("templates/a.html", "two"), ("decider/b.py", "x = 2")]:
            if path:
                (tmp_path / path).write_text(text)
            release.cache_clear()
            digests.add(release())
    finally:
        release.cache_clear()
    assert len(digests) == 3
