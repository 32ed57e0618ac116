import pytest

from architectures.importers.addresses import address_named, addresses_in, looks_secret


def hosts(value: str) -> list[tuple[str, int | None]]:
    return [(a.host, a.port) for a in addresses_in(value)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("redis", [("redis", None)]),
        ("redis-cart:6379", [("redis-cart", 6379)]),
        ("http://identity-api", [("identity-api", None)]),
        ("amqp://guest:guest@rabbitmq:5672/", [("rabbitmq", 5672)]),
        ("mongodb://a:27017,b:27017/db?replicaSet=rs", [("a", 27017), ("b", 27017)]),
        ("jdbc:postgresql://pg:5432/orders", [("pg", 5432)]),
        ("kafka-1:9092,kafka-2:9092", [("kafka-1", 9092), ("kafka-2", 9092)]),
        ("http://a,http://b:80", [("a", None), ("b", 80)]),
        ("--redis=redis:6379 -v", [("redis", 6379)]),
        ("Server=tcp:sqldata,1433;Database=Orders;User Id=sa;Password=x", [("sqldata", 1433)]),
    ],
)
def test_it_finds_the_hosts_a_value_names(value, expected):
    assert hosts(value) == expected


def test_the_database_comes_from_a_url_path_or_a_connection_string():
    assert addresses_in("postgres://u:p@db:5432/app?ssl=1")[0].database == "app"
    assert addresses_in("Server=sql;Initial Catalog=Billing;")[0].database == "Billing"
    assert addresses_in("http://web/app")[0].database is None  # not a database scheme


def test_a_word_inside_a_longer_value_is_not_a_host():
    assert hosts("-Xms64m -Xmx128m -Djava.security.egd=file:/dev/urandom") == []
    assert hosts("postgres is the engine") == []


def test_listening_addresses_and_numbers_name_no_host():
    assert hosts("http://0.0.0.0:80") == []
    assert hosts("http://+:80") == []
    assert hosts("8080") == []
    assert hosts("http://:5105") == []  # an unset variable left nothing


def test_user_names_and_passwords_are_dropped_from_urls():
    (address,) = addresses_in("postgres://admin:hunter2@db:5432/app")
    assert "hunter2" not in repr(address) and "admin" not in repr(address)


def test_literal_addresses_cluster_names_and_health_checks_are_told_apart():
    (ip,) = addresses_in("10.0.75.1:5105")
    assert ip.literal_ip and ip.explicit
    (cluster,) = addresses_in("zipkin.jaeger.svc.cluster.local")
    assert cluster.cluster_name and not cluster.literal_ip
    (probe,) = addresses_in("http://catalog-api/hc")
    assert probe.health_check
    assert addresses_in("localhost:6379")[0].loopback


@pytest.mark.parametrize(
    "name",
    ["SA_PASSWORD", "DB_PASSWD", "AzureStorageAccountKey", "API_KEY", "AWS_ACCESS_KEY_ID",
     "Token", "GITHUB_TOKEN", "CLIENT_SECRET", "GOOGLE_APPLICATION_CREDENTIALS", "DB_PWD"],
)  # fmt: skip
def test_names_that_look_secret(name):
    assert looks_secret(name)


@pytest.mark.parametrize("name", ["KEYCLOAK_URL", "MONGO_HOST", "EventBusConnection", "PORT"])
def test_names_that_do_not_look_secret(name):
    assert not looks_secret(name)


def test_address_names_end_like_addresses():
    for name in ("MONGO_HOST", "identityUrl", "PRODUCT_CATALOG_SERVICE_ADDR", "KAFKA_BROKERS",
                 "HealthChecksUI__HealthChecks__0__Uri", "DATABASE_URL2"):  # fmt: skip
        assert address_named(name), name
    assert not address_named("PORT") and not address_named("MODE")
