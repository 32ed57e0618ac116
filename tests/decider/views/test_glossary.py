from decider.views.glossary import TERMS

ASKED = (
    "monolith", "modular-monolith", "microservice", "bounded-context", "api-gateway",
    "strangler-fig", "saga", "eventual-consistency", "service-discovery", "circuit-breaker",
)  # fmt: skip


def test_the_glossary_defines_every_term_the_advice_uses(client):
    html = client.get("/glossary/").content.decode()
    assert [t.slug for t in TERMS] == list(ASKED)
    for term in TERMS:
        assert f'id="{term.slug}"' in html and term.link.startswith("https://")


def test_it_says_a_microservice_is_not_a_miniseries(client):
    html = client.get("/glossary/").content.decode()
    assert "miniseries" in html and "micro-series" in html and "television" in html
