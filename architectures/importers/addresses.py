"""Finding the hosts an environment value names, without keeping the value.

A value names hosts in one of these shapes (each may carry a port):
- a URL, `scheme://user:password@host:port/database?options`, with several hosts allowed
  (`mongodb://a:27017,b:27017/db`) and JDBC's `jdbc:postgresql://...`;
- a connection string of `key=value;` pairs (`Server=sqldata;Database=Orders;...`): the
  host is the value of Server, Host, Data Source, Address or Endpoint, the database
  that of Database or Initial Catalog;
- `host:port`, or a list of them (`kafka-1:9092,kafka-2:9092`);
- a bare host (`redis`), only when it is the whole value (or a list of hosts): a word
  inside a longer value (`JAVA_OPTS=-Xmx128m ...`) is too often not a host.

Listening addresses (`0.0.0.0`, `::`, `*`, `+`) name no other host. Only the host, port
and database name are returned: user names and passwords in a URL are dropped here, and
the caller never stores the value itself. Variables whose names look secret are not read
at all (`looks_secret`).
"""

import ipaddress
import re
from dataclasses import dataclass

SECRET_WORDS = ("PASSWORD", "PASSWD", "SECRET", "TOKEN", "CREDENTIAL")
ADDRESS_SUFFIXES = (
    "ADDR", "ADDRESS", "ADDRS", "ADDRESSES", "URL", "URLS", "URI", "URIS", "HOST", "HOSTS",
    "HOSTNAME", "ENDPOINT", "ENDPOINTS", "SERVER", "SERVERS", "BROKERS", "DSN", "CONNECT",
    "CONNECTION", "CONNECTIONSTRING",
)  # fmt: skip
LISTENING = frozenset({"0.0.0.0", "::", "*", "+", "[::]"})
LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1", "localhost.localdomain"})
HEALTH_PATHS = frozenset(
    {"hc", "health", "healthz", "healthcheck", "health-check", "ready", "readyz", "readiness",
     "live", "livez", "liveness", "ping", "metrics"}
)  # fmt: skip
DATABASE_SCHEMES = ("postgres", "postgresql", "mysql", "mariadb", "mongodb", "sqlserver", "jdbc")
CONNECTION_HOST_KEYS = frozenset(
    {"server", "host", "hostname", "data source", "datasource", "address", "addr", "endpoint"}
)
CONNECTION_DATABASE_KEYS = frozenset({"database", "initial catalog", "dbname"})
CLUSTER_SUFFIXES = (".svc", ".svc.cluster.local", ".cluster.local")

# Commas may separate a URL's hosts, or two URLs: a comma starts a new URL only before a scheme.
_URL = re.compile(
    r"((?:[A-Za-z][A-Za-z0-9+.\-]*:)+)//((?:[^\s,;\"'<>()]|,(?![A-Za-z][A-Za-z0-9+.\-]*://))*)"
)
_HOST = re.compile(r"[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?")
_SPLIT = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class Address:
    host: str  # lower case, without a trailing dot
    port: int | None = None
    database: str | None = None
    explicit: bool = False  # a URL or host:port: certainly meant as an address
    health_check: bool = False  # a URL to a health or metrics endpoint, not a call

    @property
    def literal_ip(self) -> bool:
        try:
            ipaddress.ip_address(self.host.strip("[]"))
        except ValueError:
            return False
        return True

    @property
    def loopback(self) -> bool:
        return self.host in LOOPBACK

    @property
    def cluster_name(self) -> bool:
        return self.host.endswith(CLUSTER_SUFFIXES)


def looks_secret(name: str) -> bool:
    """True for PASSWORD, SECRET, TOKEN, CREDENTIALS anywhere in the name, and for KEY as
    a word or a word's ending (`API_KEY`, `AccountKey`); `KEYCLOAK_URL` is not secret."""
    upper = name.upper()
    if any(word in upper for word in SECRET_WORDS):
        return True
    parts = [p for p in re.split(r"[^A-Z0-9]+", upper) if p]
    return any(p in ("KEY", "KEYS", "PWD") or p.endswith(("KEY", "KEYS")) for p in parts)


def address_named(name: str) -> bool:
    """True for names like `*_ADDR`, `*_URL`, `*_HOST` (and `identityUrl`, `BROKERS`):
    their value is meant as an address even when it names no deployed workload."""
    upper = re.sub(r"[^A-Z0-9]", "", name.upper()).rstrip("0123456789")
    return upper.endswith(ADDRESS_SUFFIXES)


def health_named(name: str) -> bool:
    upper = name.upper()
    return "HEALTH" in upper or upper.endswith("HC")


def addresses_in(value: str) -> list[Address]:
    """Every host the value names, in order, each once."""
    if "=" in value and ";" in value and "://" not in value:
        found = _connection_string(value)
    else:
        found = _urls(value)
        rest = _URL.sub(" ", value)
        tokens = [t for t in _SPLIT.split(rest.strip()) if t]
        single = not found and not any(c.isspace() for c in value.strip())
        found += [a for token in tokens if (a := _token(token, single)) is not None]
    unique = {(a.host, a.port, a.database): a for a in found if a.host not in LISTENING}
    return list(unique.values())


def _urls(value: str) -> list[Address]:
    found = []
    for match in _URL.finditer(value):
        scheme = match.group(1).lower()
        rest = match.group(2)
        netloc, _, path = rest.partition("/")
        netloc = netloc.split("?")[0].split("#")[0].rpartition("@")[2]
        segments = [s for s in path.split("?")[0].split("#")[0].split("/") if s]
        health = bool(segments) and segments[-1].lower() in HEALTH_PATHS
        database = segments[0] if segments and scheme.startswith(DATABASE_SCHEMES) else None
        for host in netloc.split(","):
            address = _host_port(host, explicit=True)
            if address is not None:
                found.append(
                    Address(address.host, address.port, database, True, health_check=health)
                )
    return found


def _connection_string(value: str) -> list[Address]:
    pairs = {}
    for part in value.split(";"):
        key, sep, item = part.partition("=")
        if sep:
            pairs[key.strip().lower()] = item.strip()
    database = next((pairs[k] for k in CONNECTION_DATABASE_KEYS if pairs.get(k)), None)
    found = []
    for key in CONNECTION_HOST_KEYS & pairs.keys():
        server = pairs[key].removeprefix("tcp:").split("\\")[0].replace(",", ":")
        address = _host_port(server, explicit=True)
        if address is not None:
            found.append(Address(address.host, address.port, database, True))
    return found


def _token(token: str, single: bool) -> Address | None:
    """`host:port` anywhere, a bare host only when the value is nothing but hosts."""
    token = token.rpartition("=")[2].strip("\"'")
    has_port = re.fullmatch(r".+:\d{1,5}", token) is not None
    if not (has_port or single):
        return None
    return _host_port(token, explicit=has_port)


def _host_port(text: str, *, explicit: bool) -> Address | None:
    text = text.strip().lower()
    port = None
    if text.startswith("["):  # [ipv6]:port
        host, _, tail = text[1:].partition("]")
        port_text = tail.removeprefix(":")
    else:
        host, _, port_text = text.partition(":") if text.count(":") == 1 else (text, "", "")
    if port_text:
        if not port_text.isascii() or not port_text.isdigit() or not 0 < int(port_text) < 65536:
            return None
        port = int(port_text)
    host = host.rstrip(".")
    if not host or not (_HOST.fullmatch(host) or _is_ip(host)) or len(host) > 253:
        return None
    if not any(c.isalpha() for c in host) and not _is_ip(host):
        return None  # a number, not a host
    cluster = host.endswith(CLUSTER_SUFFIXES)
    return Address(host, port, explicit=explicit or port is not None or cluster)


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
