"""Compose's variable interpolation, with no environment at all.

The values of `${VAR}` come from the shell or from a `.env` file beside the compose
file; neither is read here. So `${VAR:-default}` and `${VAR-default}` take their default,
`${VAR:+other}` is empty, `$$` is a dollar, and `${VAR}`, `$VAR` and `${VAR:?error}` are
empty and reported as unset, so the caller can say which values were unknown.
"""

import re

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def interpolate(text: str, unset: set[str]) -> str:
    """`text` with every variable replaced; the names of unset ones are added to `unset`."""
    out, i = [], 0
    while i < len(text):
        if text[i] != "$" or i + 1 == len(text):
            out.append(text[i])
            i += 1
        elif text[i + 1] == "$":
            out.append("$")
            i += 2
        elif text[i + 1] == "{":
            end = _closing(text, i + 2)
            if end < 0:
                out.append(text[i:])
                break
            out.append(_braced(text[i + 2 : end], unset))
            i = end + 1
        else:
            match = _NAME.match(text, i + 1)
            if match:
                unset.add(match.group())
                i = match.end()
            else:
                out.append("$")
                i += 1
    return "".join(out)


def _closing(text: str, start: int) -> int:
    """The index of the `}` closing a `${` whose body starts at `start`, nesting allowed."""
    depth = 1
    for index in range(start, len(text)):
        if text.startswith("${", index):
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _braced(body: str, unset: set[str]) -> str:
    match = _NAME.match(body)
    if not match:
        return ""
    name, rest = match.group(), body[match.end() :]
    for operator in (":-", "-"):
        if rest.startswith(operator):
            return interpolate(rest[len(operator) :], unset)
    if rest.startswith((":+", "+")):
        return ""
    unset.add(name)
    return ""
