"""Peer check: microFreshener's analyser on the MicroTOSCA that Decider exports.

For the smells both tools cover, every microFreshener finding must be among Decider's,
on the same elements. Run with `-s` to see the counts.
"""

import json
from pathlib import Path

import pytest

from architectures.antipatterns import detect_in
from architectures.microtosca import export_microtosca
from architectures.model import Kind, parse_architecture
from tests.architectures.importers.real_files import FIXTURES as DEPLOYMENT_FIXTURES
from tests.architectures.importers.real_files import load as load_deployment

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "architectures"
PEERS = {
    "Endpoint-based-service-interaction": "hardcoded-endpoints",
    "Wobbly-service-interaction": "wobbly-service-interaction",
    "Shared-persistency": "shared-persistence",
    "No-api-gateway": "no-api-gateway",
    "Multiple-services-in-one-container": "multiple-services-per-deploy-unit",
}


@pytest.fixture
def analyse(tmp_path, monkeypatch):
    # microFreshener's logger creates ./log on import and crashes doing so: give it one.
    (tmp_path / "log").mkdir()
    monkeypatch.chdir(tmp_path)
    importer = pytest.importorskip("microfreshener.core.importer")
    analyser = pytest.importorskip("microfreshener.core.analyser")

    def run(architecture):
        path = tmp_path / "architecture.yml"
        path.write_text(export_microtosca(architecture))
        model = importer.YMLImporter().Import(str(path))
        return analyser.MicroToscaAnalyserBuilder(model).add_all_sniffers().build().run()

    return run


def peer_findings(result):
    """(Decider id, elements that must appear together) for each compared smell: one per
    link for smells on links (microFreshener groups a node's links in one smell, Decider
    reports each link), else the nodes involved."""
    smells = [s for item in result["nodes"] + result["groups"] for s in item["smells"]]
    found = []
    for smell in smells:
        if smell["name"] not in PEERS:
            continue
        entry_id = PEERS[smell["name"]]
        computes = _computes(smell)
        if smell["links"] and not computes:
            found += [(entry_id, frozenset({x["source"], x["target"]})) for x in smell["links"]]
        else:
            ends = {end for link in smell["links"] for end in (link["source"], link["target"])}
            found.append((entry_id, frozenset(ends - computes if ends else smell["nodes"])))
    return list(dict.fromkeys(found))


def _computes(smell):
    # A shared container is a deploy unit, not a component: compare the services on it.
    if smell["name"] == "Multiple-services-in-one-container":
        return {link["target"] for link in smell["links"]}
    return set()


def matched(peer, ours):
    entry_id, elements = peer
    return any(f.id == entry_id and elements <= set(f.elements) for f in ours)


def load(path):
    return parse_architecture(json.loads(path.read_text()))


def test_every_microfreshener_finding_is_among_deciders(analyse):
    totals = {name: [0, 0] for name in PEERS.values()}
    missed = []
    for path in sorted(FIXTURES.glob("*.json")):
        architecture = load(path)
        ours = detect_in(architecture)
        for peer in peer_findings(analyse(architecture)):
            totals[peer[0]][0] += 1
            if matched(peer, ours):
                totals[peer[0]][1] += 1
            else:
                missed.append((path.stem, peer))
    print("\npeer check (microFreshener findings, matched by Decider):")
    for entry_id, (found, hit) in totals.items():
        print(f"  {entry_id}: {found} found, {hit} matched")
    print(
        f"  total: {sum(t[0] for t in totals.values())}, matched: {sum(t[1] for t in totals.values())}"
    )
    assert sum(t[0] for t in totals.values()) > 0
    assert missed == []


def test_the_clean_example_is_clean_for_microfreshener_too(analyse):
    assert peer_findings(analyse(load(FIXTURES / "clean.json"))) == []


def test_where_the_tools_disagree_on_purpose(analyse):
    """Decider leaves out two cases microFreshener flags, and says why in its rules:
    a single application facing clients needs no gateway, and a service packaged with
    its own datastore is still one service per unit."""
    monolith = parse_architecture(
        {
            "components": [
                {"name": "web", "kind": "client"},
                {"name": "application", "kind": "service", "deploy_unit": "vm"},
                {"name": "database", "kind": "datastore", "deploy_unit": "vm"},
            ],
            "links": [
                {"source": "web", "target": "application"},
                {"source": "application", "target": "database"},
            ],
        }
    )
    peers = {entry_id for entry_id, _ in peer_findings(analyse(monolith))}
    assert peers == {"no-api-gateway", "multiple-services-per-deploy-unit"}
    assert detect_in(monolith) == []


def on_purpose(peer, architecture) -> str | None:
    """Why Decider leaves out a microFreshener finding, for the two documented cases
    (README, "Compared with microFreshener"), or None."""
    entry_id, elements = peer
    services = [e for e in elements if architecture.component(e).kind == Kind.SERVICE]
    exposed = {
        x.target for x in architecture.links if architecture.component(x.source).kind == Kind.CLIENT
    }
    exposed_services = [e for e in exposed if architecture.component(e).kind == Kind.SERVICE]
    if entry_id == "no-api-gateway" and len(exposed_services) < 2:
        return "a single service facing clients needs no gateway"
    if entry_id == "multiple-services-per-deploy-unit" and len(services) < 2:
        return "datastores sharing a unit (one server, several databases) are not services"
    return None


@pytest.mark.parametrize("name", sorted(DEPLOYMENT_FIXTURES))
def test_on_imported_deployment_files_decider_finds_all_microfreshener_finds(analyse, name):
    """Real compose files and Kubernetes manifests, imported, exported to MicroTOSCA
    and analysed by both tools: Decider's findings include every one of the peer's,
    except where a documented rule makes them disagree on purpose."""
    architecture = load_deployment(name).architecture
    ours = detect_in(architecture)
    peers = peer_findings(analyse(architecture))
    missed = [p for p in peers if not matched(p, ours) and not on_purpose(p, architecture)]
    agreed = [p for p in peers if matched(p, ours)]
    print(f"\n{name}: microFreshener {len(peers)}, matched {len(agreed)}, missed {len(missed)}")
    assert missed == []


def test_a_database_server_with_several_databases_is_not_several_services(analyse):
    architecture = load_deployment("eshoponcontainers").architecture
    peers = peer_findings(analyse(architecture))
    unit = next(p for p in peers if p[0] == "multiple-services-per-deploy-unit")
    assert on_purpose(unit, architecture) and not matched(unit, detect_in(architecture))
