"""Deployment descriptors into an architecture for review: compose files and Kubernetes
manifests, read as plain data. No file named in them is opened, nothing is fetched, and
the values of variables are never kept (only the hosts they name).

Where each rule lives (every one is documented there):
- `compose` and `compose_service`: what each compose key gives, and how files merge;
- `kubernetes` and `kubernetes_pods`: workloads, Services, Ingress, autoscalers;
- `kinds`: a workload's kind from its image and name, and what is left out;
- `addresses`: the hosts an environment value names, and which names look secret;
- `links`: how references become links, and what is warned about;
- `inference`: redis as a broker, gateways, links inferred from names, load, team;
- `assembly` and `result`: the order the rules apply in, entry points and the client.

Each import returns an `Imported`: the architecture, its `warnings` (what was ignored,
unresolved or inferred) and `evidence` (the file and key behind each component and link).
"""

from .compose import import_compose
from .kubernetes import import_kubernetes
from .records import DeploymentInvalid, Evidence, Imported, Notice, NoticeKind, Origin

__all__ = [
    "DeploymentInvalid",
    "Evidence",
    "Imported",
    "Notice",
    "NoticeKind",
    "Origin",
    "import_compose",
    "import_kubernetes",
]
