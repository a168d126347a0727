"""The catalogue site works in a real browser: headless Chromium driven by Playwright.

Debian's Chromium (`/usr/bin/chromium`, or $KATA_CHROMIUM) is used as it is: Playwright never
downloads a browser. Without Chromium (or without Playwright) these tests are skipped with a
plain message; CI sets KATA_REQUIRE_BROWSER=1, which turns that skip into a failure, so the
browser tests can never be skipped there unnoticed.

The site is built once per test process from this repository's specs and read from a static
HTTP server on 127.0.0.1, as GitHub Pages serves it (there Chromium caches Mermaid's compiled
code between pages: a page draws in a third of the time it takes from file://), and from
file://, as a learner opens it. Screenshots for the README: `make screenshots` (KATA_SCREENSHOTS=docs/screenshots).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from katakit.project import Project
from katakit.site import build_site

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("KATA_CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "tools" / "mermaid" / "node_modules" / "axe-core" / "axe.min.js"
# As root on a closed network Chromium needs these, else it keeps dialling out and failing.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DIAGRAM_TIMEOUT_MS = 20_000  # Mermaid draws in about a second; the machine may be busy
SLUGS = Project(ROOT).slugs()
PAGES = ["index.html", *(f"katas/{slug}.html" for slug in SLUGS)]


def _unavailable() -> str | None:
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return (
            f"Chromium not found at {CHROMIUM} (`apt-get install chromium`, or set "
            "KATA_CHROMIUM): the site's browser tests are skipped"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (`pip install -e '.[test]'`): the site's browser tests are skipped"
    return None


_REASON = _unavailable()
if _REASON and os.environ.get("KATA_REQUIRE_BROWSER") == "1":
    pytest.fail(f"KATA_REQUIRE_BROWSER=1 but {_REASON}", pytrace=False)
if _REASON:
    pytest.skip(_REASON, allow_module_level=True)

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    project = Project(ROOT)
    build_site(project, project.load_all(), out)
    return out


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """The site on a static HTTP server on 127.0.0.1: its base URL."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, timeout=60_000
        )
        yield browser
        browser.close()


class Watched:
    """A page whose console errors, uncaught exceptions and failed requests are recorded."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[str] = []
        self.requests: list[str] = []
        page.on(
            "console",
            lambda m: (
                self.problems.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning")
                else None
            ),
        )
        page.on("pageerror", lambda e: self.problems.append(f"uncaught: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on(
            "response",
            lambda r: (
                self.problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None
            ),
        )

    def open(self, url: str) -> Page:
        self.page.goto(url, wait_until="load")
        if "/katas/" in url:
            self.page.wait_for_selector("pre.mermaid svg", timeout=DIAGRAM_TIMEOUT_MS)
        return self.page


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    yield Watched(context.new_page())
    context.close()


def url(site: Path, page: str) -> str:
    return (site / page).as_uri()


def visible_cards(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".card:not([hidden]) h3 a", "links => links.map(a => a.getAttribute('href'))"
    )


# --- every page -------------------------------------------------------------------------

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
  }));
}"""


@pytest.mark.parametrize("name", PAGES)
def test_every_page_loads_cleanly_links_within_the_site_and_passes_axe_light_and_dark(
    site, served, watched, name
):
    page = watched.open(served + name)
    assert watched.problems == [], "\n".join(watched.problems)
    outside = [u for u in watched.requests if not u.startswith(served)]
    assert outside == [], f"the page fetched from outside the site: {outside}"
    if name.startswith("katas/"):
        assert page.locator("pre.mermaid svg").count() == 1
        assert page.locator("pre.mermaid svg g").count() > 0, "an empty diagram"
    links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert links
    for link in links:
        assert link.startswith(served), f"{name} links outside the site: {link}"
        parts = urlsplit(link)
        target = site / unquote(parts.path).lstrip("/")
        assert target.is_file(), f"{name} links to a missing file: {link}"
        if parts.fragment:
            html = target.read_text(encoding="utf-8")
            assert f'id="{parts.fragment}"' in html, (
                f"{name}: no #{parts.fragment} in {target.name}"
            )
    # axe-core (vendored from the npm registry in tools/mermaid), in both colour schemes
    found = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        if name.startswith("katas/"):  # the diagram is drawn again in the scheme's theme
            page.wait_for_selector("pre.mermaid svg", timeout=DIAGRAM_TIMEOUT_MS)
        page.add_script_tag(path=str(AXE))
        found += [
            f"{scheme}: {v['impact']} {v['id']}: {v['help']} at {v['nodes']}"
            for v in page.evaluate(AXE_RUN)
            if v["impact"] in ("serious", "critical")
        ]
    assert found == [], "\n".join(found)
    assert watched.problems == [], "\n".join(watched.problems)


# --- the index --------------------------------------------------------------------------


def test_the_section_and_difficulty_filters_and_the_search_change_what_is_shown(served, watched):
    page = watched.open(served + "index.html")
    everything = visible_cards(page)
    assert len(everything) == len(SLUGS)
    assert page.locator("#filters").is_visible()
    assert page.locator("#filter-count").inner_text() == f"{len(SLUGS)} katas shown of {len(SLUGS)}"

    page.select_option("#filter-section", "caching")
    caching = visible_cards(page)
    assert sorted(caching) == ["katas/cache_aside.html", "katas/lru_cache.html"]
    assert page.locator("section#caching").is_visible()
    assert not page.locator("section#concurrency").is_visible()

    page.select_option("#filter-section", "")
    page.select_option("#filter-difficulty", "advanced")
    advanced = visible_cards(page)
    assert advanced and len(advanced) < len(everything)
    for href in advanced:
        assert page.locator(f'.card:has(a[href="{href}"]) .badge').inner_text() == "advanced"

    page.select_option("#filter-difficulty", "")
    page.fill("#filter-text", "JWT")  # any case
    assert visible_cards(page) == ["katas/signed_tokens.html"]
    page.fill("#filter-text", "bucket  window")  # every word, anywhere in the card
    assert visible_cards(page) == ["katas/rate_limiter.html"]
    assert not page.locator("section#caching").is_visible()  # no match: the section hides
    page.fill("#filter-text", "no such kata anywhere")
    assert visible_cards(page) == []
    assert page.locator("#filter-count").inner_text() == f"0 katas shown of {len(SLUGS)}"
    page.fill("#filter-text", "")
    assert visible_cards(page) == everything
    assert watched.problems == []


def test_sections_without_a_kata_say_so(served, watched):
    page = watched.open(served + "index.html")
    # Every section of the catalogue now has katas; only testing is practised everywhere.
    assert page.locator("section.section .empty").count() == 1
    assert page.locator("section#resilience li").count() >= 1
    assert "No kata of its own" in page.locator("section#testing .empty").inner_text()
    titles = page.locator("section.section h2").all_inner_texts()
    assert [t.split(".")[0] for t in titles] == [str(n) for n in range(1, 11)]


def test_the_keyboard_reaches_the_skip_link_first_and_then_the_filters(served, watched):
    page = watched.open(served + "index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-section"


# --- a kata page ------------------------------------------------------------------------


def test_hints_open_one_at_a_time(served, watched):
    page = watched.open(served + "katas/lru_cache.html")
    hints = page.locator("ol.hints > li")
    assert hints.count() >= 3
    assert [hints.nth(i).is_visible() for i in range(3)] == [True, False, False]
    assert not hints.nth(0).locator(".hint-text").is_visible()

    hints.nth(0).locator("summary").click()
    # The next hint is revealed by the "toggle" event, which fires after the click returns.
    hints.nth(1).wait_for(state="visible", timeout=5000)
    assert hints.nth(0).locator(".hint-text").is_visible()
    assert [hints.nth(i).is_visible() for i in range(3)] == [True, True, False]

    hints.nth(1).locator("summary").focus()  # the keyboard opens a hint too
    page.keyboard.press("Enter")
    hints.nth(2).wait_for(state="visible", timeout=5000)
    assert hints.nth(1).locator(".hint-text").is_visible()
    assert watched.problems == []


def test_a_copy_button_puts_its_command_on_the_clipboard(served, browser):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(served + "katas/lru_cache.html")
        button = page.locator("#start button.copy").first
        assert button.is_visible()
        button.click()
        page.wait_for_function(
            "document.querySelector('#start button.copy').textContent.startsWith('Copied')"
        )
        assert page.evaluate("navigator.clipboard.readText()") == "kata check lru_cache"
    finally:
        context.close()


def test_every_behaviour_shows_its_kind_why_and_steps_as_code(served, watched):
    page = watched.open(served + "katas/lru_cache.html")
    behaviours = page.locator("article.behaviour")
    spec = Project(ROOT).load("lru_cache")
    assert behaviours.count() == len(spec.behaviours)
    for i, b in enumerate(spec.behaviours):
        article = behaviours.nth(i)
        assert article.locator("h3").inner_text() == b.name
        assert article.locator(".kind").inner_text() == b.kind
        assert article.locator("pre.code").inner_text().strip()
    first = spec.behaviours[0].steps[0].code.strip()
    assert first in behaviours.nth(0).locator("pre.code").inner_text()


@pytest.mark.parametrize("name", ["index.html", "katas/cqrs.html"])
def test_at_360_pixels_wide_nothing_scrolls_sideways(served, browser, name):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(served + name)
        if name.startswith("katas/"):
            page.wait_for_selector("pre.mermaid svg", timeout=DIAGRAM_TIMEOUT_MS)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


# --- from file:// -----------------------------------------------------------------


def test_the_site_works_from_file_urls(site, watched):
    page = watched.open(url(site, "index.html"))
    page.click("a[href='katas/lru_cache.html']")
    page.wait_for_selector("pre.mermaid svg", timeout=DIAGRAM_TIMEOUT_MS)
    assert page.url == url(site, "katas/lru_cache.html")
    page.click("a[href='../index.html']")
    page.wait_for_selector("#filters:not([hidden])")
    assert watched.problems == [], "\n".join(watched.problems)
    assert all(u.startswith("file://") for u in watched.requests), watched.requests
    assert len(watched.requests) >= 7  # two pages and their styles, scripts and icon


# --- screenshots for the README ---------------------------------------------------------

SHOTS = [
    ("index", "index.html", "light", None),
    ("index-dark", "index.html", "dark", None),
    ("kata", "katas/lru_cache.html", "light", None),
    ("kata-dark", "katas/lru_cache.html", "dark", "#diagram"),
]


@pytest.mark.parametrize(("shot", "name", "scheme", "anchor"), SHOTS)
def test_screenshots_of_the_index_and_a_kata_page(
    served, browser, tmp_path, shot, name, scheme, anchor
):
    """Always taken; written to $KATA_SCREENSHOTS (`make screenshots`: docs/screenshots)."""
    context = browser.new_context(
        color_scheme=scheme, viewport={"width": 1000, "height": 760}, device_scale_factor=1
    )
    page = context.new_page()
    try:
        page.goto(served + name + (anchor or ""))
        if name.startswith("katas/"):
            page.wait_for_selector("pre.mermaid svg", timeout=DIAGRAM_TIMEOUT_MS)
            if anchor:
                page.locator(anchor).scroll_into_view_if_needed()
                page.evaluate(f"document.querySelector('{anchor}').scrollIntoView()")
        target = tmp_path / f"{shot}.png"
        page.screenshot(path=str(target))
        assert target.stat().st_size > 10_000
        folder = os.environ.get("KATA_SCREENSHOTS")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target, Path(folder) / f"site-{shot}.png")
    finally:
        context.close()
