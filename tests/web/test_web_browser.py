"""The reader in a real browser: Playwright drives Debian's chromium through every view.

Skips (with the reason) when playwright or /usr/bin/chromium is missing; CI has
both (``apt-get install chromium``; never ``playwright install``, whose browser
download cannot work here).  Screenshots land in ``test-artifacts/web/``.
"""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from webpages import EXAMPLE, XSS_IMG, XSS_PAPER, XSS_SCRIPT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-dev-shm-usage"]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)
uvicorn = pytest.importorskip("uvicorn")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_db):
    """The reader on 127.0.0.1 in a background thread; stopped when the module is done."""
    from banmian.web.app import create_app
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning"))
    th = threading.Thread(target=srv.run, daemon=True)
    th.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline and th.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    th.join(10)


@pytest.fixture(scope="module")
def browser():
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every dialog (an alert would mean escaped text ran) and script error."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    pg = ctx.new_page()
    pg.dialogs, pg.errors = [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.set_default_timeout(10_000)
    yield pg
    assert pg.dialogs == [], f"a dialog fired: {pg.dialogs}"
    assert pg.errors == [], f"script errors: {pg.errors}"
    ctx.close()


def shot(pg, name: str) -> None:
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def test_web_browser_browse_papers_to_an_article(server, page):
    page.goto(server + "/")
    shot(page, "01-papers")
    page.get_by_role("link", name="乐山日报", exact=True).first.click()
    page.wait_for_url("**/papers/*")
    assert page.locator("table.month caption").first.inner_text() == "2024年7月"
    shot(page, "02-calendar")
    page.locator("td.has a", has_text="9").first.click()
    page.wait_for_url("**/2024-07-09")
    shot(page, "03-issue")
    page.get_by_role("link", name="环境固本").click()
    page.wait_for_url("**/articles/3")
    assert page.locator("h2.title").inner_text() == "环境固本"
    assert page.locator("article.full p.para").count() >= 3
    shot(page, "04-article")
    page.goto(server + f"/papers/{quote('乐山日报')}/2024-07-09/articles/2")
    assert page.locator("p.jump.part").count() == 1  # the part continued on page 2
    shot(page, "05-article-continued")
    page.goto(server + f"/papers/{quote('乐山日报')}/2024-07-10/articles/2")
    assert page.locator("section.facts .badge.bad").count() >= 1
    shot(page, "06-article-facts")


def test_web_browser_search_two_characters_and_open_a_hit(server, page):
    page.goto(server + "/")
    page.fill("header form.quick input[name=q]", "光伏")
    page.press("header form.quick input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("li.hit").count() >= 1
    assert page.locator("li.hit mark").first.inner_text() == "光伏"
    assert page.locator("aside.facets a", has_text="乐山日报").count() == 1
    shot(page, "07-search")
    page.locator("li.hit a.hit-title").first.click()
    page.wait_for_url("**/articles/*")
    assert "光伏" in page.locator("article.full").inner_text()
    shot(page, "08-search-hit")


def test_web_browser_upload_the_example_page(server, page):
    page.goto(server + "/upload")
    page.set_input_files("input[type=file]", str(EXAMPLE))
    page.click("form.upload button")
    page.wait_for_selector("article.card")
    assert page.locator("article.card").count() == 5
    assert page.locator("ol.lines li.line").count() == 434
    page.locator("article.card#a4").click()
    assert page.locator("li.line.hl").count() > 0
    shot(page, "09-upload")


def test_web_browser_select_an_article_highlights_its_source_lines(server, page):
    page.goto(server + f"/papers/{quote('乐山日报')}/2024-07-09/pages/1")
    card = page.locator("article.card#a3")
    refs = card.get_attribute("data-refs").split()
    card.hover()
    assert page.locator("li.line.hover").count() == len(refs)
    card.click()
    assert page.locator("li.line.hl").count() == len(refs)
    assert all(page.locator(f"li#L{r}").get_attribute("class").split().count("hl") == 1 for r in refs[:5])
    assert "a=3" in page.url
    shot(page, "10-page-selected")
    # and back: a click on a source line selects its article
    page.locator("li#L1-73").click()  # a headline line of article 1
    assert page.locator("article.card.sel").get_attribute("id") == "a1"
    shot(page, "11-page-line-selects-article")


def test_web_browser_page_image_boxes_follow_the_selection(server, page):
    page.goto(server + f"/papers/{quote('图像日报')}/2024-03-01/pages/1")
    page.click("details.image summary")
    assert page.locator("figure.pageimg img").evaluate("img => img.complete && img.naturalWidth > 0")
    page.locator("article.card").first.click()
    assert page.locator("svg.boxes rect.hl").count() >= 1
    shot(page, "12-page-image-boxes")


def test_web_browser_markup_in_articles_never_runs(server, page):
    base = f"/papers/{quote(XSS_PAPER, safe='')}/2024-07-11"
    for k, url in enumerate([f"{base}/articles/1", f"{base}/pages/1", base, "/",
                             f"/search?q={quote('网信办')}", f"/people?q={quote(XSS_IMG)}"]):
        page.goto(server + url)
        page.wait_for_load_state("load")
        shot(page, f"13-xss-{k}")
    page.goto(server + f"{base}/articles/1")
    text = page.locator("article.full").inner_text()
    assert XSS_SCRIPT in text and XSS_IMG in text  # shown as text, exactly
    assert page.locator("article.full img, article.full script").count() == 0
    assert XSS_PAPER in page.locator("nav.crumbs").inner_text()


def test_web_browser_people_statistics_and_english_labels(server, page):
    page.goto(server + "/people")
    page.get_by_role("link", name="付小惠").click()
    page.wait_for_url("**/people/*")
    assert page.locator("svg.timeline rect").count() >= 1
    shot(page, "14-person")
    page.goto(server + "/statistics")
    assert page.locator(".badge.ok").count() >= 1 and page.locator(".badge.bad").count() >= 1
    shot(page, "15-statistics")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**lang=en*")
    assert page.locator("h1").inner_text().startswith("Statistics")
    page.goto(server + "/")
    assert page.locator("header nav").inner_text().startswith("Papers")  # the cookie keeps English
    shot(page, "16-english")
