from architectures.antipatterns import from_answers as rules
from architectures.model import parse_architecture
from decider.engine.answers import parse_answers

ALL_OPS = ["ci_cd", "containers", "observability", "central_logging"]


def answers(**overrides):
    data = {
        "teams": 3,
        "deploy_contention": "often",
        "scaling": "moderate",
        "tech_diversity": "none",
        "monolith_pain": 2,
        "ops": ALL_OPS,
    }
    return parse_answers(data | overrides)


def services(*names, team=None):
    return parse_architecture({"components": [{"name": n, "kind": "service"} for n in names]})


def test_nothing_fires_without_answers():
    for rule in (
        rules.api_versioning,
        rules.legacy_organization,
        rules.lack_of_monitoring,
        rules.shared_libraries,
        rules.no_devops_tools,
        rules.local_logging,
    ):
        assert rule(None, services("a", "b", "c")) == []


def test_api_versioning_fires_when_two_teams_consume_others_domains():
    domains = [
        {"name": "orders", "team": "sales", "depends_on": ["stock"]},
        {"name": "stock", "team": "warehouse", "publishes_to": ["orders"]},
    ]
    (found,) = rules.api_versioning(answers(domains=domains), None)
    assert found.id == "api-versioning"
    assert "'sales' and 'warehouse'" in found.message and "we version our APIs" in found.message


def test_api_versioning_is_silent_when_only_one_team_consumes():
    domains = [
        {"name": "orders", "team": "sales", "depends_on": ["stock"]},
        {"name": "stock", "team": "warehouse"},
    ]
    assert rules.api_versioning(answers(domains=domains), None) == []


def test_api_versioning_is_silent_when_apis_are_versioned():
    domains = [
        {"name": "orders", "team": "sales", "depends_on": ["stock"]},
        {"name": "stock", "team": "warehouse", "depends_on": ["orders"]},
    ]
    assert rules.api_versioning(answers(domains=domains, practices=["api_versioning"]), None) == []


def test_api_versioning_reads_teams_from_the_architecture():
    architecture = parse_architecture(
        {
            "components": [
                {"name": "a", "kind": "service", "team": "x"},
                {"name": "b", "kind": "service", "team": "y"},
            ],
            "links": [{"source": "a", "target": "b"}, {"source": "b", "target": "a"}],
        }
    )
    assert [f.id for f in rules.api_versioning(answers(), architecture)] == ["api-versioning"]


def test_legacy_organization_fires_on_two_traits_and_names_them():
    (found,) = rules.legacy_organization(answers(org=["release_train", "manual_qa"]), None)
    assert "release train" in found.message and "manual QA" in found.message
    assert found.severity == "medium"


def test_legacy_organization_is_high_with_all_three_traits():
    org = ["release_train", "manual_qa", "separate_ops_team"]
    assert rules.legacy_organization(answers(org=org), None)[0].severity == "high"


def test_legacy_organization_is_silent_on_one_trait():
    assert rules.legacy_organization(answers(org=["release_train"]), None) == []


def test_local_logging_fires_on_three_services_without_central_logging():
    (found,) = rules.local_logging(answers(ops=["ci_cd"]), services("a", "b", "c"))
    assert found.elements == ("a", "b", "c")
    assert "central log aggregation" in found.message


def test_local_logging_is_silent_on_two_services_or_with_central_logging():
    assert rules.local_logging(answers(ops=["ci_cd"]), services("a", "b")) == []
    assert rules.local_logging(answers(), services("a", "b", "c")) == []


def test_local_logging_counts_domains_only_when_leaning_to_microservices():
    plain = answers(ops=["ci_cd"])
    assert rules.local_logging(plain, None) == []
    assert len(rules.local_logging(plain, None, leans_microservices=True)) == 1


def test_local_logging_is_silent_on_a_monolith_proposal():
    assert rules.local_logging(answers(ops=[]), services("application")) == []


def test_lack_of_monitoring_fires_without_observability():
    (found,) = rules.lack_of_monitoring(answers(ops=["ci_cd"]), None)
    assert "monitoring and alerting" in found.message
    assert rules.lack_of_monitoring(answers(), None) == []


def test_no_devops_tools_fires_without_ci_cd():
    (found,) = rules.no_devops_tools(answers(ops=["observability"]), None)
    assert "CI/CD" in found.message
    assert rules.no_devops_tools(answers(), None) == []


def test_lack_of_skeleton_needs_the_lean_to_microservices():
    assert rules.lack_of_microservice_skeleton(answers(), None) == []
    (found,) = rules.lack_of_microservice_skeleton(answers(), None, leans_microservices=True)
    assert "service template" in found.message
    templated = answers(practices=["service_template"])
    assert rules.lack_of_microservice_skeleton(templated, None, leans_microservices=True) == []


def test_org_traits_fire_one_each():
    cases = {
        "shared_domain_library": rules.shared_libraries,
        "trend_driven": rules.focus_on_latest_technologies,
        "per_team_adoption": rules.non_homogeneous_adoption,
    }
    for trait, rule in cases.items():
        assert len(rule(answers(org=[trait]), None)) == 1
        assert rule(answers(org=["manual_qa"]), None) == []
