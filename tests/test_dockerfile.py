"""The Dockerfile, checked as text: no Docker engine runs here, so this checks its syntax
and what it promises (Debian slim, Graphviz, a non-root user, gunicorn, a health check)."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTRUCTIONS = {
    "FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME",
    "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
}  # fmt: skip


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) for each logical line, continuations joined."""
    text = (ROOT / "Dockerfile").read_text()
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    logical = re.sub(r"\\\n", " ", "\n".join(lines))
    found = []
    for line in logical.splitlines():
        if line.strip():
            keyword, _, arguments = line.strip().partition(" ")
            found.append((keyword, arguments.strip()))
    return found


def test_every_line_is_a_dockerfile_instruction_and_the_first_is_from():
    found = instructions()
    assert all(keyword in INSTRUCTIONS for keyword, _ in found), found
    assert [k for k, _ in found if k != "ARG"][0] == "FROM"


def test_it_builds_on_debian_slim_with_graphviz():
    args = dict(instructions())
    assert re.fullmatch(r"python:3\.1[2-9]-slim-\w+", args["FROM"])
    runs = " ".join(a for k, a in instructions() if k == "RUN")
    assert "apt-get install" in runs and "graphviz" in runs
    assert "rm -rf /var/lib/apt/lists/*" in runs


def test_it_runs_gunicorn_as_a_non_root_user_in_exec_form():
    found = instructions()
    users = [a for k, a in found if k == "USER"]
    assert users and users[-1] not in ("root", "0")
    cmd = json.loads(dict(found)["CMD"])
    assert cmd[:2] == ["gunicorn", "decider.wsgi"] and "gunicorn.conf.py" in cmd


def test_the_health_check_asks_healthz_in_exec_form():
    check = dict(instructions())["HEALTHCHECK"]
    command = json.loads(check.split("CMD", 1)[1])
    assert command[0] == "python" and "/healthz" in command[-1]
    compile(command[-1], "healthcheck", "exec")  # the inline Python is valid


def test_what_it_copies_exists_and_the_ignore_file_keeps_secrets_and_state_out():
    for keyword, arguments in instructions():
        if keyword == "COPY":
            sources = [a for a in arguments.split()[:-1] if not a.startswith("--")]
            assert all((ROOT / s).exists() for s in sources), sources
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "db.sqlite3*", ".cache"} <= set(ignored)
