"""The real deployment files of fixtures/deployments (sources and licences in its README),
grouped as a user would upload them."""

from pathlib import Path

from architectures.importers import Imported, import_compose, import_kubernetes
from architectures.input_formats import Upload

DEPLOYMENTS = Path(__file__).parents[3] / "fixtures" / "deployments"
FIXTURES = {
    "sock-shop compose": (import_compose, ["sock-shop/docker-compose/docker-compose.yml"]),
    "sock-shop kubernetes": (
        import_kubernetes,
        [
            "sock-shop/kubernetes/complete-demo.yaml",
            "sock-shop/kubernetes/autoscaling/cart-hsc.yaml",
            "sock-shop/kubernetes/autoscaling/front-end-hsc.yaml",
        ],
    ),  # fmt: skip
    "online-boutique": (import_kubernetes, ["online-boutique/kubernetes-manifests.yaml"]),
    "eshoponcontainers": (
        import_compose,
        ["eshoponcontainers/docker-compose.yml", "eshoponcontainers/docker-compose.override.yml"],
    ),
    "voting compose": (import_compose, ["example-voting-app/docker-compose.yml"]),
    "voting kubernetes": (
        import_kubernetes,
        sorted(
            f"example-voting-app/k8s-specifications/{p.name}"
            for p in (DEPLOYMENTS / "example-voting-app/k8s-specifications").glob("*.yaml")
        ),
    ),
}


def load(name: str) -> Imported:
    reader, paths = FIXTURES[name]
    return reader([Upload(Path(p).name, (DEPLOYMENTS / p).read_bytes()) for p in paths])
