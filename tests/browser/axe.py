"""axe-core, vendored from the npm registry for these tests only (see vendor/axe-core)."""

from pathlib import Path

from playwright.sync_api import Page

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text()


def violations(page: Page, *, exclude: tuple[str, ...] = ()) -> list[str]:
    """axe's violations of any impact on the page as it is now, one line each
    (rule, impact, first elements), with the parts named in `exclude` left out."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated by the test driver, so the page's Content Security Policy (no inline
        # script) stays in force for everything the page itself runs.
        page.evaluate("() => {\n" + AXE_SOURCE + "\n}")
    context = {"exclude": [[selector] for selector in exclude]} if exclude else None
    result = page.evaluate(
        "context => axe.run(context || document, {resultTypes: ['violations']})", context
    )
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]
