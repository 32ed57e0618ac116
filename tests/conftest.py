import pytest

ANSWERS = {
    "teams": 8,
    "deploy_contention": "constantly",
    "scaling": "divergent",
    "tech_diversity": "none",
    "monolith_pain": 4,
    "existing_system": "monolith",
    "ops": ["ci_cd", "observability", "containers"],
    "domain_clarity": "clear",
}


@pytest.fixture
def answers() -> dict:
    return dict(ANSWERS)
