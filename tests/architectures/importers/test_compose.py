"""Compose files as a whole: merging, top-level keys, interpolation, errors."""

import pytest

from architectures.importers import DeploymentInvalid, NoticeKind

from .inputs import compose, kinds, links, notices


def test_an_override_file_adds_to_and_overrides_the_base():
    imported = compose(
        """
        version: "3.4"
        services:
          api: {image: acme/api, environment: [DB_HOST=old-db]}
          db: {image: postgres}
          old-db: {image: mysql}
        """,
        """
        services:
          api:
            environment: [DB_HOST=db]
            ports: ["8080:80"]
          web: {image: acme/web, depends_on: [api]}
        """,
    )
    assert links(imported) == {("api", "db"), ("web", "api"), ("client", "api")}
    assert imported.files == ("docker-compose.yml", "override-1.yml")
    files = {e.origin.file for e in imported.evidence}
    assert files == {"docker-compose.yml", "override-1.yml"}


def test_variables_take_their_defaults_and_unset_ones_are_reported():
    imported = compose("""
        services:
          api:
            image: ${REGISTRY:-acme}/api:${TAG:-1}
            environment:
              - BUS=${BUS_HOST:-rabbitmq}
              - EXTERNAL=http://${PUBLIC_HOST}:80
          rabbitmq: {image: rabbitmq}
    """)
    assert links(imported) == {("api", "rabbitmq")}
    (message,) = notices(imported, NoticeKind.UNSET_VARIABLE)
    assert "PUBLIC_HOST" in message and ".env" in message


def test_top_level_keys_and_service_keys_not_read_are_listed():
    imported = compose("""
        services:
          api: {image: acme/api, restart: always, healthcheck: {test: [CMD, "true"]}}
        volumes: {data: {}}
        secrets: {key: {file: ./key.pem}}
        include: [other.yml]
    """)
    ignored = notices(imported, NoticeKind.IGNORED_KEY)
    assert any("volumes, secrets" in m for m in ignored)
    assert any("healthcheck (1 service), restart (1 service)" in m for m in ignored)
    assert any("include" in m for m in notices(imported, NoticeKind.UNREAD_FILE))


def test_a_second_document_in_a_compose_file_is_warned_about():
    imported = compose("services:\n  a: {image: x}\n---\nservices:\n  b: {image: y}\n")
    assert kinds(imported) == {"a": "service"}
    assert notices(imported, NoticeKind.IGNORED_DOCUMENT)


def test_a_file_without_services_is_refused_naming_the_key():
    with pytest.raises(DeploymentInvalid) as caught:
        compose("web:\n  image: nginx\n")
    (problem,) = caught.value.problems
    assert problem.loc == ("docker-compose.yml", "services")
    assert "version 1" in problem.msg


def test_bad_values_are_refused_naming_file_service_and_key():
    with pytest.raises(DeploymentInvalid) as caught:
        compose("services:\n  web:\n    image: [nginx]\n    ports: 80\n    environment: 5\n")
    locs = {p.loc for p in caught.value.problems}
    assert locs == {
        ("docker-compose.yml", "services", "web", "image"),
        ("docker-compose.yml", "services", "web", "ports"),
        ("docker-compose.yml", "services", "web", "environment"),
    }
