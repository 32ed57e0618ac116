import pytest
from django.core.exceptions import ImproperlyConfigured

from decider.env import (
    env_bool,
    env_choice,
    env_header_pair,
    env_int,
    env_list,
    env_origins,
    env_seconds,
)


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("yes", True), ("0", False), ("", False)]
)
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("X_FLAG", raw)
    assert env_bool("X_FLAG", default=not expected) is expected


def test_env_bool_keeps_the_default_when_unset(monkeypatch):
    monkeypatch.delenv("X_FLAG", raising=False)
    assert env_bool("X_FLAG", default=True) is True


@pytest.mark.parametrize("raw", ["2", "maybe", "ture"])
def test_env_bool_fails_loudly_naming_the_variable(monkeypatch, raw):
    monkeypatch.setenv("X_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env_bool("X_FLAG", default=False)


def test_env_int_reads_a_number_and_keeps_the_default_when_empty(monkeypatch):
    monkeypatch.setenv("X_INT", " 42 ")
    assert env_int("X_INT", 7) == 42
    monkeypatch.setenv("X_INT", "")
    assert env_int("X_INT", 7) == 7


@pytest.mark.parametrize("raw", ["ten", "3.5", "-1", "1e3"])
def test_env_int_fails_loudly_on_what_is_not_a_count(monkeypatch, raw):
    monkeypatch.setenv("X_INT", raw)
    with pytest.raises(ImproperlyConfigured, match="X_INT"):
        env_int("X_INT", 7)


def test_env_int_refuses_values_past_its_bounds(monkeypatch):
    monkeypatch.setenv("X_INT", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("X_INT", 7, minimum=1)
    monkeypatch.setenv("X_INT", "11")
    with pytest.raises(ImproperlyConfigured, match="at most 10"):
        env_int("X_INT", 7, maximum=10)


@pytest.mark.parametrize("raw", ["soon", "0", "-2", "nan", "inf"])
def test_env_seconds_fails_loudly_on_a_bad_duration(monkeypatch, raw):
    monkeypatch.setenv("X_SECONDS", raw)
    with pytest.raises(ImproperlyConfigured, match="X_SECONDS"):
        env_seconds("X_SECONDS", 1.0)


def test_env_seconds_reads_fractions(monkeypatch):
    monkeypatch.setenv("X_SECONDS", "0.25")
    assert env_seconds("X_SECONDS", 1.0) == 0.25


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("X_LIST", " a.example, ,b.example ")
    assert env_list("X_LIST", "") == ["a.example", "b.example"]


def test_env_origins_reads_scheme_and_host(monkeypatch):
    monkeypatch.setenv("X_ORIGINS", "https://decider.example.com,http://localhost:8000")
    assert env_origins("X_ORIGINS") == ["https://decider.example.com", "http://localhost:8000"]


@pytest.mark.parametrize(
    "raw", ["decider.example.com", "https://x.example/path", "ftp://x.example"]
)
def test_env_origins_fails_loudly_on_what_is_not_an_origin(monkeypatch, raw):
    monkeypatch.setenv("X_ORIGINS", raw)
    with pytest.raises(ImproperlyConfigured, match="X_ORIGINS"):
        env_origins("X_ORIGINS")


def test_env_header_pair_reads_the_proxy_header(monkeypatch):
    monkeypatch.setenv("X_PROXY", "HTTP_X_FORWARDED_PROTO, https")
    assert env_header_pair("X_PROXY") == ("HTTP_X_FORWARDED_PROTO", "https")
    monkeypatch.delenv("X_PROXY")
    assert env_header_pair("X_PROXY") is None


@pytest.mark.parametrize("raw", ["X-Forwarded-Proto,https", "HTTP_X_FORWARDED_PROTO", "HTTP_X,a,b"])
def test_env_header_pair_fails_loudly_on_a_malformed_pair(monkeypatch, raw):
    monkeypatch.setenv("X_PROXY", raw)
    with pytest.raises(ImproperlyConfigured, match="X_PROXY"):
        env_header_pair("X_PROXY")


def test_env_choice_accepts_only_its_choices(monkeypatch):
    monkeypatch.setenv("X_CHOICE", "RQ")
    assert env_choice("X_CHOICE", "database", ("database", "rq")) == "rq"
    monkeypatch.setenv("X_CHOICE", "celery")
    with pytest.raises(ImproperlyConfigured, match="X_CHOICE must be one of database, rq"):
        env_choice("X_CHOICE", "database", ("database", "rq"))
