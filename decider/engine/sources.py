"""The published reasoning each factor rests on."""

from enum import StrEnum


class Source(StrEnum):
    FOWLER_MONOLITH_FIRST = "Fowler, MonolithFirst (2015)"
    FOWLER_PREMIUM = "Fowler, MicroservicePremium (2015)"
    FOWLER_PREREQUISITES = "Fowler, MicroservicePrerequisites (2014)"
    FOWLER_TRADE_OFFS = "Fowler, Microservice Trade-Offs (2015)"
    NEWMAN = "Newman, Monolith to Microservices (2019)"
    RICHARDSON_DARK_ENERGY = "Richardson, dark energy forces (microservices.io)"
    RICHARDSON_DARK_MATTER = "Richardson, dark matter forces (microservices.io)"
    RICHARDSON_ANTI_PATTERNS = "Richardson, microservices adoption anti-patterns"
    TEAM_TOPOLOGIES = "Skelton and Pais, Team Topologies (2019)"
    ACCELERATE = "Forsgren, Humble and Kim, Accelerate (2018)"
    RADAR = "ThoughtWorks Technology Radar, microservice envy"
    TILKOV = "Tilkov, Don't start with a monolith (2015)"
    TAIBI = "Taibi, Lenarduzzi and Pahl, Microservices Anti-Patterns: A Taxonomy (2020)"
    DESIGN = "Decider's design reasoning"


LINKS: dict[Source, str] = {
    Source.FOWLER_MONOLITH_FIRST: "https://martinfowler.com/bliki/MonolithFirst.html",
    Source.FOWLER_PREMIUM: "https://martinfowler.com/bliki/MicroservicePremium.html",
    Source.FOWLER_PREREQUISITES: "https://martinfowler.com/bliki/MicroservicePrerequisites.html",
    Source.FOWLER_TRADE_OFFS: "https://martinfowler.com/articles/microservice-trade-offs.html",
    Source.NEWMAN: "https://samnewman.io/books/monolith-to-microservices/",
    Source.RICHARDSON_DARK_ENERGY: "https://microservices.io/post/architecture/2023/03/26/dark-energy-dark-matter.html",
    Source.RICHARDSON_DARK_MATTER: "https://microservices.io/post/architecture/2023/03/26/dark-energy-dark-matter.html",
    Source.RICHARDSON_ANTI_PATTERNS: "https://microservices.io/microservices/general/2018/11/04/potholes-in-road-from-monolithic-hell.html",
    Source.TEAM_TOPOLOGIES: "https://teamtopologies.com/book",
    Source.ACCELERATE: "https://itrevolution.com/product/accelerate/",
    Source.RADAR: "https://www.thoughtworks.com/radar/techniques/microservice-envy",
    Source.TILKOV: "https://martinfowler.com/articles/dont-start-monolith.html",
    Source.TAIBI: "https://arxiv.org/abs/1908.04101",
}
