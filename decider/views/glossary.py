"""The glossary: the words the advice uses, each with an anchor the pages link to."""

from typing import NamedTuple

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class Term(NamedTuple):
    slug: str
    term: str
    meaning: str
    source: str
    link: str


TERMS = (
    Term(
        "monolith",
        "Monolith",
        "An application built, tested and deployed as one unit: one codebase, one process "
        "(or several copies of it behind a load balancer) and usually one database. Simple to "
        "run and change while one team can hold it in their heads.",
        "Fowler, MonolithFirst (2015)",
        "https://martinfowler.com/bliki/MonolithFirst.html",
    ),
    Term(
        "modular-monolith",
        "Modular monolith",
        "A monolith whose modules have enforced boundaries: each owns its code and its own "
        "schema, and the others reach it only through its interface. It keeps one deployable "
        "while preparing clean seams for later extraction.",
        "Newman, Monolith to Microservices (2019)",
        "https://samnewman.io/books/monolith-to-microservices/",
    ),
    Term(
        "microservice",
        "Microservice",
        "A small, independently deployable service with one clear responsibility and its own "
        "data, talking to others over the network (HTTP, gRPC or messages). A system of them "
        "buys independent releases and targeted scaling at the price of a distributed system.",
        "Lewis and Fowler, Microservices (2014)",
        "https://martinfowler.com/articles/microservices.html",
    ),
    Term(
        "bounded-context",
        "Bounded context",
        "A part of the business within which every term has one meaning and one model, such "
        "as “order” in checkout versus in shipping. Bounded contexts are the natural lines "
        "along which to cut modules or services.",
        "Fowler, BoundedContext (2014), after Evans, Domain-Driven Design",
        "https://martinfowler.com/bliki/BoundedContext.html",
    ),
    Term(
        "api-gateway",
        "API gateway",
        "The single entry point that clients call; it routes each request to the service "
        "behind it and handles what every request needs (authentication, rate limits, "
        "sometimes combining answers), so clients never depend on the services' addresses.",
        "Richardson, API gateway pattern (microservices.io)",
        "https://microservices.io/patterns/apigateway.html",
    ),
    Term(
        "strangler-fig",
        "Strangler fig",
        "Replacing a system gradually: carve off one slice at a time behind the same entry "
        "point, route its traffic to the new part, and repeat until the old system can be "
        "retired. Named after a fig that grows around its host tree.",
        "Fowler, StranglerFigApplication (2004, updated 2024)",
        "https://martinfowler.com/bliki/StranglerFigApplication.html",
    ),
    Term(
        "saga",
        "Saga",
        "A business transaction that spans several services, run as a sequence of local "
        "transactions; when a step fails, compensating steps undo the ones before it. It "
        "replaces a database transaction across services, which does not exist.",
        "Richardson, Saga pattern (microservices.io)",
        "https://microservices.io/patterns/data/saga.html",
    ),
    Term(
        "eventual-consistency",
        "Eventual consistency",
        "Copies of data that may disagree for a while after a change and agree once the "
        "change has travelled (for example by events). Services that own their data live "
        "with it; the business must accept the delay.",
        "Fowler, Microservice Trade-Offs (2015)",
        "https://martinfowler.com/articles/microservice-trade-offs.html",
    ),
    Term(
        "service-discovery",
        "Service discovery",
        "Finding a service's current address at run time, from a registry or the platform's "
        "DNS, instead of a hard-coded host and port that breaks when instances move or scale.",
        "Richardson, Service discovery patterns (microservices.io)",
        "https://microservices.io/patterns/client-side-discovery.html",
    ),
    Term(
        "circuit-breaker",
        "Circuit breaker",
        "A guard around a remote call that, after repeated failures, stops calling for a "
        "while and fails fast, so one slow service cannot tie up all its callers' threads.",
        "Fowler, CircuitBreaker (2014), after Nygard, Release It!",
        "https://martinfowler.com/bliki/CircuitBreaker.html",
    ),
)


def glossary(request: HttpRequest) -> HttpResponse:
    return render(request, "glossary.html", {"terms": TERMS})
