"""What is wrong with an input, field by field: every reader reports all its problems at
once, each with the path of the field it concerns (the API's 422 `detail`)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One invalid field: `loc` is its path, `type` a short machine-readable kind."""

    loc: tuple[str | int, ...]
    msg: str
    type: str = "value_error"


class Invalid(ValueError):
    """An input with problems; subclasses name what was being read."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{'.'.join(map(str, p.loc))}: {p.msg}" for p in problems))
        self.problems = problems
