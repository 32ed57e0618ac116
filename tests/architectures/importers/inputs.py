"""Small inputs for importer tests: YAML text in, an `Imported` out."""

from textwrap import dedent

from architectures.importers import Imported, NoticeKind, import_compose, import_kubernetes
from architectures.input_formats import Upload


def compose(*texts: str) -> Imported:
    """Compose files, read in order (a base file, then its overrides)."""
    names = ["docker-compose.yml", *(f"override-{i}.yml" for i in range(1, len(texts)))]
    return import_compose(
        [Upload(n, dedent(t).encode()) for n, t in zip(names, texts, strict=True)]
    )


def kubernetes(*documents: str) -> Imported:
    """Kubernetes documents, joined into one multi-document file."""
    text = "\n---\n".join(dedent(d) for d in documents)
    return import_kubernetes([Upload("manifests.yaml", text.encode())])


def links(imported: Imported) -> set[tuple[str, str]]:
    return {(link.source, link.target) for link in imported.architecture.links}


def link(imported: Imported, source: str, target: str):
    return next(x for x in imported.architecture.links if (x.source, x.target) == (source, target))


def kinds(imported: Imported) -> dict[str, str]:
    return {c.name: str(c.kind) for c in imported.architecture.components}


def notices(imported: Imported, kind: NoticeKind) -> list[str]:
    return [n.message for n in imported.warnings if n.kind == kind]


def deployment(name: str, image: str, env: dict[str, str] | None = None, **extra: str) -> str:
    """A Deployment of one container, labelled `app: <name>`, with optional env."""
    lines = [f'        - name: {k}\n          value: "{v}"' for k, v in (env or {}).items()]
    env_block = ("\n        env:\n" + "\n".join(lines)) if lines else ""
    more = "".join(f"\n  {k}: {v}" for k, v in extra.items())
    return f"""\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}{more}
spec:
  selector:
    matchLabels: {{app: {name}}}
  template:
    metadata:
      labels: {{app: {name}}}
    spec:
      containers:
      - name: {name}
        image: {image}{env_block}
"""


def service(name: str, app: str | None = None, kind: str = "ClusterIP", port: int = 80) -> str:
    return f"""\
apiVersion: v1
kind: Service
metadata:
  name: {name}
spec:
  type: {kind}
  selector: {{app: {app or name}}}
  ports:
  - port: {port}
"""
