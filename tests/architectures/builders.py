"""Small builders for architectures in detector tests."""

from architectures.model import Architecture, parse_architecture

SAFE = {"timeout": True, "circuit_breaker": True, "discovery": True}


def build(components: list[dict], links=()) -> Architecture:
    return parse_architecture({"components": components, "links": list(links)})


def c(name: str, kind: str = "service", **extra) -> dict:
    return {"name": name, "kind": kind, **extra}


def link(source: str, target: str, style: str = "sync", **flags) -> dict:
    return {"source": source, "target": target, "style": style, **flags}
