"""Screenshots of the main pages at a phone's and a laptop's width, for the README.

`make screenshots` runs this: it makes a fresh SQLite database in a temporary folder,
serves the app from it on a free local port, fills in the questionnaire, the review
builder and a decomposition example through the pages as a person would, and saves what
Debian's Chromium shows into docs/screenshots/<page>-<width>.png.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.spare_services import free_port, wait_for_port  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
WIDTHS = {"phone": (375, 1700), "laptop": (1280, 1500)}  # width, height of the picture


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        env = os.environ | {
            "DATABASE_URL": f"sqlite:///{folder}/screenshots.sqlite3",
            "DJANGO_DEBUG": "1",
        }
        env.pop("REDIS_URL", None)
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)
        port = free_port()
        server = subprocess.Popen(
            [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for_port(port)
            _shoot_all(base)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"Saved {len(list(OUT.glob('*.png')))} screenshots in {OUT.relative_to(ROOT)}/")
    return 0


def _shoot_all(base: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        pages = {
            "questionnaire": f"{base}/?example=startup-scaling-up",
            "result": _saved_assessment(page, base),
            "review": _saved_review(page, base),
            "decomposition": _saved_decomposition(page, base),
            "glossary": f"{base}/glossary/",
        }
        for name, (width, height) in WIDTHS.items():
            shot = browser.new_page(viewport={"width": width, "height": 900})
            for page_name, url in pages.items():
                shot.goto(url)
                shot.wait_for_load_state("networkidle")
                clip = {"x": 0, "y": 0, "width": width, "height": height}
                path = OUT / f"{page_name}-{name}.png"
                shot.screenshot(path=path, full_page=True, clip=clip)
        browser.close()


def _saved_assessment(page: Page, base: str) -> str:
    page.goto(f"{base}/?example=startup-scaling-up")
    page.click("button.primary")
    page.wait_for_url("**/assessments/**")
    return page.url


def _saved_review(page: Page, base: str) -> str:
    page.goto(f"{base}/review/?example=shared_database")
    page.click("#build button.primary")
    page.wait_for_url("**/reviews/**")
    return page.url


def _saved_decomposition(page: Page, base: str) -> str:
    page.goto(f"{base}/decompose/?example=shop")
    page.click("#decompose-form button.primary")
    page.wait_for_url("**/decompositions/**")
    return page.url


if __name__ == "__main__":
    sys.exit(main())
