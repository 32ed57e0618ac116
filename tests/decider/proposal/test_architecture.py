import networkx as nx
import pytest

from architectures.antipatterns import detect_in
from architectures.model import Architecture, Kind, LinkStyle, parse_architecture
from decider.engine.answers import parse_answers
from decider.engine.choices import Op, Style
from decider.proposal.architecture import propose
from decider.proposal.parts import MAX_SERVICES_PER_TEAM

SHOP = [
    {"name": "users", "team": "identity"},
    {"name": "orders", "depends_on": ["users", "payments"], "publishes_to": ["shipping"]},
    {"name": "payments", "depends_on": ["orders"]},
    {"name": "shipping", "load": "high"},
    {"name": "catalog", "load": "high", "publishes_to": ["search"]},
    {"name": "search", "depends_on": ["catalog"]},
]


def answers(domains=SHOP, teams=3):
    return parse_answers(
        {
            "teams": teams,
            "deploy_contention": "often",
            "scaling": "divergent",
            "tech_diversity": "none",
            "monolith_pain": 3,
            "domains": domains,
        }
    )


def services(architecture: Architecture) -> list[str]:
    return [c.name for c in architecture.of_kind(Kind.SERVICE)]


def assert_no_avoidable_anti_pattern(architecture: Architecture) -> None:
    kinds = {c.name: c.kind for c in architecture.components}
    service_names = set(services(architecture))
    sync_between_services = nx.DiGraph()
    for link in architecture.links:
        source, target = kinds[link.source], kinds[link.target]
        if source == Kind.CLIENT and len(service_names) > 1:
            assert target == Kind.GATEWAY, "a client bypasses the gateway"
        if link.style == LinkStyle.SYNC and source == Kind.SERVICE and target == Kind.SERVICE:
            assert link.timeout and link.circuit_breaker, "wobbly service interaction"
            assert link.discovery, "hard-coded endpoint"
            sync_between_services.add_edge(link.source, link.target)
    assert nx.is_directed_acyclic_graph(sync_between_services), "sync cycle"
    for store in architecture.of_kind(Kind.DATASTORE):
        users = {link.source for link in architecture.links if link.target == store.name}
        assert users == {store.owner}, f"shared or unowned datastore {store.name}"
    units = [c.deploy_unit for c in architecture.of_kind(Kind.SERVICE)]
    assert len(set(units)) == len(units), "several services in one deploy unit"
    owned = [c.team for c in architecture.of_kind(Kind.SERVICE) if c.team]
    assert all(owned.count(team) <= MAX_SERVICES_PER_TEAM for team in owned)


@pytest.mark.parametrize("style", list(Style))
def test_each_style_avoids_the_avoidable_anti_patterns(style):
    assert_no_avoidable_anti_pattern(propose(answers(), style))


@pytest.mark.parametrize("style", list(Style))
def test_each_proposal_is_a_valid_architecture(style):
    architecture = propose(answers(), style)
    assert parse_architecture(architecture.to_dict()) == architecture


def test_a_monolith_is_client_application_and_one_database():
    architecture = propose(answers(), Style.MONOLITH)
    assert [c.kind for c in architecture.components] == [
        Kind.CLIENT,
        Kind.SERVICE,
        Kind.DATASTORE,
    ]
    app = architecture.component("Application")
    assert app.modules == ("users", "orders", "payments", "shipping", "catalog", "search")
    assert architecture.component("Database").modules == ()


def test_a_modular_monolith_has_one_schema_per_module():
    architecture = propose(answers(), Style.MODULAR_MONOLITH)
    database = architecture.component("Database")
    assert database.modules == architecture.component("Application").modules
    assert "enforced" in architecture.component("Application").note


def test_microservices_merge_domains_joined_by_a_sync_cycle():
    architecture = propose(answers(), Style.MICROSERVICES)
    merged = architecture.component("orders + payments service")
    assert merged.modules == ("orders", "payments")
    assert "cycle" in merged.note


def test_microservices_give_each_service_its_own_datastore_and_its_named_team():
    architecture = propose(answers(), Style.MICROSERVICES)
    owners = {c.owner for c in architecture.of_kind(Kind.DATASTORE)}
    assert owners == set(services(architecture))
    assert architecture.component("users service").team == "identity"
    assert architecture.component("shipping service").load == "high"


def test_the_proposal_never_invents_team_names():
    architecture = propose(answers(), Style.MICROSERVICES)
    assert architecture.teams == ["identity"]
    assert architecture.component("shipping service").team is None


def test_microservices_route_events_through_one_broker():
    architecture = propose(answers(), Style.MICROSERVICES)
    assert len(architecture.of_kind(Kind.BROKER)) == 1
    events = {(x.source, x.target) for x in architecture.links if x.style == LinkStyle.ASYNC}
    assert ("orders + payments service", "Event broker") in events
    assert ("Event broker", "shipping service") in events


def test_microservices_keep_a_team_to_its_cap_of_services():
    domains = [{"name": f"d{i}", "team": "solo"} for i in range(7)]
    architecture = propose(answers(domains, teams=1), Style.MICROSERVICES)
    assert len(services(architecture)) == MAX_SERVICES_PER_TEAM
    covered = [m for c in architecture.of_kind(Kind.SERVICE) for m in c.modules or [c.name[:2]]]
    assert sorted(covered) == [f"d{i}" for i in range(7)]


def test_merging_a_team_s_services_never_closes_a_sync_cycle():
    domains = [
        {"name": "a", "team": "t", "depends_on": ["b"]},
        {"name": "b", "team": "u", "depends_on": ["c"]},
        {"name": "c", "team": "t"},
        {"name": "d", "team": "t"},
        {"name": "e", "team": "t"},
    ]
    assert_no_avoidable_anti_pattern(propose(answers(domains), Style.MICROSERVICES))


def test_incremental_migration_extracts_high_load_slices_and_says_why():
    architecture = propose(answers(), Style.INCREMENTAL_MIGRATION)
    assert services(architecture)[0] == "Monolith"
    extracted = [c for c in architecture.of_kind(Kind.SERVICE) if c.name != "Monolith"]
    assert {c.name for c in extracted} == {"shipping service", "catalog service"}
    assert all(c.note.startswith("Extracted first: high load") for c in extracted)
    assert "shipping" not in architecture.component("Monolith").modules


def test_incremental_migration_prefers_a_slice_with_its_own_team_then_fewest_calls():
    domains = [
        {"name": "core", "team": "a", "depends_on": ["billing"]},
        {"name": "admin", "team": "a", "depends_on": ["core"]},
        {"name": "billing", "team": "b"},
    ]
    architecture = propose(answers(domains), Style.INCREMENTAL_MIGRATION)
    billing = architecture.component("billing service")
    assert "its own team (b)" in billing.note
    assert "1 sync dependency" in billing.note
    assert_no_avoidable_anti_pattern(architecture)


def test_incremental_migration_never_cuts_a_slice_out_of_the_middle_of_a_call_chain():
    domains = [
        {"name": "a", "depends_on": ["b"]},
        {"name": "b", "depends_on": ["c"]},
        {"name": "c"},
    ]
    architecture = propose(answers(domains, teams=1), Style.INCREMENTAL_MIGRATION)
    assert "b service" not in services(architecture)
    assert_no_avoidable_anti_pattern(architecture)


def test_long_merged_names_stay_within_the_name_limit():
    long = [
        {"name": f"{'x' * 38}{i:02}", "depends_on": [f"{'x' * 38}{(i + 1) % 3:02}"]}
        for i in range(3)
    ]
    architecture = propose(answers(long), Style.MICROSERVICES)
    assert parse_architecture(architecture.to_dict()) == architecture
    assert f"{'x' * 38}00 + 2 more service" in services(architecture)


RICH_DOMAINS = [
    {
        "name": "orders",
        "team": "Shop",
        "depends_on": ["pricing", "users"],
        "publishes_to": ["shipping"],
    },
    {"name": "pricing", "team": "Shop", "depends_on": ["orders"]},
    {"name": "users", "team": "Identity", "load": "high"},
    {"name": "shipping", "team": "Logistics", "publishes_to": ["notifications"]},
    {"name": "notifications", "team": "Logistics"},
    {"name": "catalog", "team": "Shop", "load": "high"},
    {"name": "search", "team": "Shop", "depends_on": ["catalog"]},
]


@pytest.mark.parametrize("style", list(Style))
def test_no_proposal_has_an_architectural_anti_pattern_the_catalog_detects(style):
    answers = parse_answers(
        {
            "teams": 3,
            "deploy_contention": "often",
            "scaling": "divergent",
            "tech_diversity": "none",
            "monolith_pain": 3,
            "existing_system": "monolith",
            "domains": RICH_DOMAINS,
        }
    )
    architecture = propose(answers, style)
    findings = detect_in(architecture)
    assert findings == [], [f.message for f in findings]


def test_a_named_team_is_capped_even_when_its_service_merges_an_unnamed_domain():
    domains = [
        {"name": "e", "team": "["},
        {"name": "h", "team": "["},
        {"name": "q", "team": "[", "depends_on": ["g"]},
        {"name": "g", "depends_on": ["q"]},
        {"name": "a"},
        {"name": "b"},
    ]
    architecture = propose(answers(domains, teams=4), Style.MICROSERVICES)
    owned = [c for c in architecture.of_kind(Kind.SERVICE) if c.team == "["]
    assert len(owned) <= MAX_SERVICES_PER_TEAM


def test_a_fleet_far_larger_than_its_teams_is_drawn_consolidated():
    answers = parse_answers(
        {
            "teams": 4,
            "deploy_contention": "often",
            "scaling": "moderate",
            "tech_diversity": "none",
            "monolith_pain": 2,
            "existing_system": "microservices",
            "services_today": 40,
            "domains": RICH_DOMAINS,
        }
    )
    for style in Style:
        drawn = propose(answers, style)
        services = [c for c in drawn.components if c.kind == "service"]
        assert all(s.note.startswith("Consolidates today's 40 services") for s in services)
        assert len(services) <= 2 * 4
    few = parse_answers({**answers.to_dict(), "services_today": 8})
    assert not any(
        "Consolidates" in (c.note or "") for c in propose(few, Style.MICROSERVICES).components
    )


def test_a_migration_that_builds_prerequisites_says_so_on_the_monolith():
    answers = parse_answers(
        {
            "teams": 6,
            "deploy_contention": "often",
            "scaling": "divergent",
            "tech_diversity": "none",
            "monolith_pain": 3,
            "existing_system": "monolith",
            "domains": RICH_DOMAINS,
        }
    )
    drawn = propose(answers, Style.INCREMENTAL_MIGRATION, build_first=[Op.OBSERVABILITY])
    monolith = drawn.component("Monolith")
    assert monolith.note.startswith("First build monitoring and alerting; then:")


def test_a_monolith_several_named_teams_work_in_is_no_single_teams():
    shared = [
        {"name": "catalog", "team": "catalog", "load": "high"},
        {"name": "orders", "team": "checkout", "depends_on": ["users"]},
        {"name": "users", "team": "identity"},
        {"name": "billing", "team": "checkout", "depends_on": ["users"]},
    ]
    drawn = propose(answers(shared, teams=8), Style.INCREMENTAL_MIGRATION)
    monolith = next(c for c in drawn.components if c.modules)
    assert len(monolith.modules) > 1 and monolith.team is None
    alone = [{**d, "team": "checkout"} for d in shared]
    drawn = propose(answers(alone, teams=1), Style.INCREMENTAL_MIGRATION)
    assert next(c for c in drawn.components if c.modules).team == "checkout"
