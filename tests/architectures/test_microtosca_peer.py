"""Peer check: microFreshener's analyser on the MicroTOSCA that Decider exports.

For the smells both tools cover, every microFreshener finding must be among Decider's,
on the same elements. Run with `-s` to see the counts.
"""

import json
from pathlib import Path

import pytest

from architectures.antipatterns import detect
from architectures.microtosca import export_microtosca
from architectures.model import parse_architecture

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
    """(Decider id, elements that must appear together) for each compared smell."""
    smells = [s for item in result["nodes"] + result["groups"] for s in item["smells"]]
    found = []
    for smell in smells:
        if smell["name"] in PEERS:
            ends = {end for link in smell["links"] for end in (link["source"], link["target"])}
            elements = ends - _computes(smell) if ends else set(smell["nodes"])
            found.append((PEERS[smell["name"]], frozenset(elements)))
    return found


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
        ours = detect(answers=None, architecture=architecture)
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
    assert detect(answers=None, architecture=monolith) == []
