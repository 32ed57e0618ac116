"""Which unknown answers would most sharpen the advice: ask those next."""

from decider.engine.weighing import Profile, possible_values, settle

MAX_QUESTIONS = 3
COMPLETIONS_PER_VALUE = 6


def ask_next(profile: Profile) -> tuple[str, ...]:
    """One to three unknown answers, those whose answer would move the advice most:
    first by how many different styles their possible answers lead to, then by how far
    the score moves."""
    values = profile.values()
    ranked = []
    for name in profile.unknown_fields(values):
        outcomes = [
            profile.evaluate(settle(name, value), COMPLETIONS_PER_VALUE)
            for value in possible_values(name, values)
        ]
        styles = {e.style for e in outcomes}
        spread = max(e.score for e in outcomes) - min(e.score for e in outcomes)
        ranked.append((len(styles), spread, "ops" if name == "unknown_ops" else name))
    ranked.sort(key=lambda item: (-item[0], -item[1]))
    return tuple(name for *_, name in ranked[:MAX_QUESTIONS])
