from architectures.antipatterns.registry import Evidence
from architectures.model import parse_architecture
from decider.engine.answers import parse_answers
from decider.proposal import answer_rules as rules

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


def run(rule, answers, architecture=None, leans=False):
    return rule(Evidence(architecture, answers, leans_microservices=leans))


def services(*names, team=None):
    return parse_architecture({"components": [{"name": n, "kind": "service"} for n in names]})


def test_api_versioning_fires_when_two_teams_consume_others_domains():
    domains = [
        {"name": "orders", "team": "sales", "depends_on": ["stock"]},
        {"name": "stock", "team": "warehouse", "publishes_to": ["orders"]},
    ]
    (found,) = run(rules.api_versioning, answers(domains=domains), None)
    assert found.id == "api-versioning"
    assert "'sales' and 'warehouse'" in found.message and "we version our APIs" in found.message


def test_api_versioning_is_silent_when_only_one_team_consumes():
    domains = [
        {"name": "orders", "team": "sales", "depends_on": ["stock"]},
        {"name": "stock", "team": "warehouse"},
    ]
    assert run(rules.api_versioning, answers(domains=domains), None) == []


def test_api_versioning_is_silent_when_apis_are_versioned():
    domains = [
        {"name": "orders", "team": "sales", "depends_on": ["stock"]},
        {"name": "stock", "team": "warehouse", "depends_on": ["orders"]},
    ]
    assert (
        run(rules.api_versioning, answers(domains=domains, practices=["api_versioning"]), None)
        == []
    )


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
    assert [f.id for f in run(rules.api_versioning, answers(), architecture)] == ["api-versioning"]


def test_legacy_organization_fires_on_two_traits_and_names_them():
    (found,) = run(rules.legacy_organization, answers(org=["release_train", "manual_qa"]), None)
    assert "release train" in found.message and "manual QA" in found.message
    assert found.severity == "medium"


def test_legacy_organization_is_high_with_all_three_traits():
    org = ["release_train", "manual_qa", "separate_ops_team"]
    assert run(rules.legacy_organization, answers(org=org), None)[0].severity == "high"


def test_legacy_organization_is_silent_on_one_trait():
    assert run(rules.legacy_organization, answers(org=["release_train"]), None) == []


def test_local_logging_fires_on_three_services_without_central_logging():
    (found,) = run(rules.local_logging, answers(ops=["ci_cd"]), services("a", "b", "c"))
    assert found.elements == ("a", "b", "c")
    assert "central log aggregation" in found.message


def test_local_logging_is_silent_on_two_services_or_with_central_logging():
    assert run(rules.local_logging, answers(ops=["ci_cd"]), services("a", "b")) == []
    assert run(rules.local_logging, answers(), services("a", "b", "c")) == []


def test_local_logging_counts_domains_only_when_leaning_to_microservices():
    plain = answers(ops=["ci_cd"])
    assert run(rules.local_logging, plain, None) == []
    assert len(run(rules.local_logging, plain, None, leans=True)) == 1


def test_local_logging_is_silent_on_a_monolith_proposal():
    assert run(rules.local_logging, answers(ops=[]), services("application")) == []


def test_lack_of_monitoring_fires_without_observability():
    (found,) = run(rules.lack_of_monitoring, answers(ops=["ci_cd"]), None)
    assert "monitoring and alerting" in found.message
    assert run(rules.lack_of_monitoring, answers(), None) == []


def test_no_devops_tools_fires_without_ci_cd():
    (found,) = run(rules.no_devops_tools, answers(ops=["observability"]), None)
    assert "CI/CD" in found.message
    assert run(rules.no_devops_tools, answers(), None) == []


def test_lack_of_skeleton_needs_the_lean_to_microservices():
    assert run(rules.lack_of_microservice_skeleton, answers(), None) == []
    (found,) = run(rules.lack_of_microservice_skeleton, answers(), None, leans=True)
    assert "service template" in found.message
    templated = answers(practices=["service_template"])
    assert run(rules.lack_of_microservice_skeleton, templated, None, leans=True) == []


def test_org_traits_fire_one_each():
    cases = {
        "shared_domain_library": rules.shared_libraries,
        "trend_driven": rules.focus_on_latest_technologies,
        "per_team_adoption": rules.non_homogeneous_adoption,
    }
    for trait, rule in cases.items():
        assert len(run(rule, answers(org=[trait]))) == 1
        assert run(rule, answers(org=["manual_qa"])) == []


def test_greedy_from_answers_counts_domains_per_team_only_when_leaning():
    domains = [{"name": f"d{i}"} for i in range(7)]
    many = answers(teams=2, domains=domains)
    assert run(rules.microservice_greedy, many) == []
    (found,) = run(rules.microservice_greedy, many, leans=True)
    assert "7 services for 2 team(s)" in found.message
    few = answers(teams=2, domains=domains[:6])
    assert run(rules.microservice_greedy, few, leans=True) == []


def test_greedy_and_ownership_from_answers_defer_to_an_architecture_with_teams():
    many = answers(teams=1, domains=[{"name": f"d{i}"} for i in range(7)])
    teamed = parse_architecture({"components": [{"name": "a", "kind": "service", "team": "t"}]})
    assert run(rules.microservice_greedy, many, teamed, leans=True) == []
    assert run(rules.common_ownership, many, teamed, leans=True) == []


def test_common_ownership_from_answers_needs_the_lean_to_microservices():
    one_team = answers(teams=1, domains=[{"name": "users"}, {"name": "orders"}])
    assert run(rules.common_ownership, one_team) == []
    assert len(run(rules.common_ownership, one_team, leans=True)) == 1
    spread = answers(teams=3, domains=[{"name": n} for n in "abcdef"])
    assert run(rules.common_ownership, spread, leans=True) == []


def test_coupling_reasons_quote_the_answers():
    assert rules.coupling_reasons(answers(org=["manual_qa"])) == ()
    (reason,) = rules.coupling_reasons(answers(org=["lockstep_deploys"]))
    assert "several parts must be deployed together" in reason
