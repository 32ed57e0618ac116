"""Read a Monolith from one CSV text holding calls and table accesses.

The format: two sections, each opened by its header line, in either order (either may
be missing):

    source,target,count
    web.checkout,orders.service,12
    orders.service,payments.gateway,3
    module,table,mode
    orders.service,orders,rw
    payments.gateway,payments,w

- `source,target,count`: `source` calls `target` `count` times (a positive whole
  number; empty means 1). The same pair twice adds up.
- `module,table,mode`: `module` reads (`r`), writes (`w`) or reads and writes (`rw`)
  `table`. The same pair twice merges (`r` then `w` gives `rw`).
- Every name met in either section is a module. Blank lines and lines starting with
  `#` are skipped; fields may be quoted the usual CSV way; spaces around fields are
  trimmed. Errors name their line: `("line", 7)`.
"""

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field

from architectures.decomposition.monolith import (
    COUNT_MSG,
    NAME_MSG,
    Monolith,
    MonolithInvalid,
    Problem,
    parse_monolith,
    valid_count,
    valid_name,
)

CALLS_HEADER = ("source", "target", "count")
ACCESS_HEADER = ("module", "table", "mode")
MAX_LINES = 500_000
_DIGITS = re.compile(r"[0-9]{1,13}")


@dataclass
class _Rows:
    calls: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    tables: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    modules: dict[str, None] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def parse_csv(text: str) -> Monolith:
    """Parse the documented CSV text into a validated `Monolith`, or raise `MonolithInvalid`."""
    rows = _Rows()
    section: tuple[str, ...] | None = None
    reader = csv.reader(io.StringIO(text, newline=""))
    number = 0
    while True:
        number += 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            # A lone carriage return or an over-long field: say where, and stop reading.
            rows.problems.append(Problem(("line", reader.line_num), f"Not readable CSV: {error}."))
            break
        if number > MAX_LINES:
            rows.problems.append(Problem(("line", number), f"At most {MAX_LINES:,} lines."))
            break
        cells = tuple(cell.strip() for cell in fields)
        if not any(cells) or cells[0].startswith("#"):
            continue
        if tuple(c.lower() for c in cells) in (CALLS_HEADER, ACCESS_HEADER):
            section = tuple(c.lower() for c in cells)
        elif section is None:
            msg = "Expected a header line: 'source,target,count' or 'module,table,mode'."
            rows.problems.append(Problem(("line", number), msg, "missing"))
        else:
            _row(rows, number, cells, section)
    if rows.problems:
        raise MonolithInvalid(rows.problems)
    return parse_monolith({"modules": [_module(rows, name) for name in rows.modules]})


def _row(rows: _Rows, number: int, cells: tuple[str, ...], section: tuple[str, ...]) -> None:
    loc = ("line", number)
    if len(cells) != 3:
        msg = f"Expected 3 fields ({','.join(section)}), got {len(cells)}."
        rows.problems.append(Problem(loc, msg))
        return
    first, second, third = cells
    bad = [
        label
        for label, value in zip(section[:2], (first, second), strict=True)
        if not valid_name(value)
    ]
    for label in bad:
        rows.problems.append(Problem(loc, f"{label}: {NAME_MSG}"))
    if section == CALLS_HEADER:
        _call(rows, loc, first, second, third, named=not bad)
    else:
        _access(rows, loc, first, second, third, named=not bad)


def _call(rows: _Rows, loc: tuple, source: str, target: str, raw: str, *, named: bool) -> None:
    count = int(raw) if _DIGITS.fullmatch(raw) else (1 if raw == "" else None)
    if count is None or not valid_count(count):
        rows.problems.append(Problem(loc, f"count: {COUNT_MSG}", "int_type"))
        return
    if named:
        rows.modules.setdefault(source)
        rows.modules.setdefault(target)
        rows.calls[source][target] = rows.calls[source].get(target, 0) + count


def _access(rows: _Rows, loc: tuple, module: str, table: str, mode: str, *, named: bool) -> None:
    mode = mode.lower()
    if mode not in ("r", "w", "rw"):
        rows.problems.append(Problem(loc, "mode: Must be one of 'r', 'w', 'rw'.", "enum"))
        return
    if named:
        rows.modules.setdefault(module)
        known = rows.tables[module].get(table, "")
        rows.tables[module][table] = "".join(m for m in "rw" if m in known + mode)


def _module(rows: _Rows, name: str) -> dict:
    return {
        "name": name,
        "tables": dict(rows.tables.get(name, {})),
        "calls": dict(rows.calls.get(name, {})),
    }
