import pytest
from hypothesis import HealthCheck, settings

# Speed is proven by the benchmarks under bench/, never by timing tests: no deadline, and
# no complaint when a busy machine generates examples slowly.
settings.register_profile("decider", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("decider")

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
