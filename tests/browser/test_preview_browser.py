"""``pressgen serve`` seen from a real browser: both languages, live edits, the error overlay.

A real headless Chromium (Debian's ``chromium`` and ``chromium-driver``) driven by Selenium.
These tests must run in CI, never skip: without Chromium they fail with what to install.
Selenium Manager is never used (both paths are given), so nothing is downloaded. (No
conftest.py here: tests/test_build.py imports the top-level conftest by name.)
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from pressgen.project.layout import Layout
from pressgen.preview.command import Preview

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("PRESSGEN_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("PRESSGEN_CHROMEDRIVER", "/usr/bin/chromedriver")


@pytest.fixture(scope="session")
def browser():
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not Path(path).is_file()]
    if missing:
        pytest.fail(f"the browser tests need Debian's Chromium: {', '.join(missing)} not found. "
                    "Run `make browser` (apt-get install chromium chromium-driver), or set "
                    "PRESSGEN_CHROMIUM and PRESSGEN_CHROMEDRIVER.", pytrace=False)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="pressgen-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,1000", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(15)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


WAIT = 10  # seconds: an upper bound, never a pace
MILESTONE = "paris-2-millions"
EN_HEADLINE = '      en: "@Paris passes 2 million followers on Twitter, a world record"'
FR_HEADLINE = '      fr: "Twitter : le compte @Paris dépasse 2 millions d’abonnés, un record mondial"'


@pytest.fixture
def preview(project: Path):
    lines: list[str] = []
    running = Preview(Layout(project), "127.0.0.1", 0, echo=lines.append).start()
    running.terminal = lines
    try:
        yield running
    finally:
        running.stop()


def edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` (a whole line) with ``new`` and return its 1-based line number."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return line


def frame_heading(driver, name: str) -> str:
    driver.switch_to.default_content()
    driver.switch_to.frame(driver.find_element(By.NAME, name))
    try:
        return driver.find_element(By.TAG_NAME, "h1").text
    finally:
        driver.switch_to.default_content()


def overlay_text(driver) -> str:
    return driver.execute_script(
        "var o = document.getElementById('pressgen-overlay'); return o ? o.shadowRoot.textContent : '';")


def test_side_by_side_shows_both_languages(browser, preview):
    browser.get(f"{preview.url}side-by-side/{MILESTONE}.html")
    assert "dépasse 2 millions d’abonnés" in frame_heading(browser, "fr")
    assert "passes 2 million followers" in frame_heading(browser, "en")
    browser.switch_to.frame(browser.find_element(By.NAME, "fr"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    browser.switch_to.default_content()


def test_overview_lists_milestones_with_their_status(browser, preview):
    browser.get(preview.url)
    statuses = {li.get_attribute("id"): li.find_element(By.CLASS_NAME, "status").text.lower()
                for li in browser.find_elements(By.CSS_SELECTOR, ".milestones li")}
    assert statuses[MILESTONE] == "published"
    assert any(s.startswith("embargoed until 2016-11-15 09:00") for s in statuses.values()), statuses
    browser.find_element(By.CSS_SELECTOR, f"#{MILESTONE} a.side-by-side").click()
    WebDriverWait(browser, WAIT).until(lambda d: d.current_url.endswith(f"/side-by-side/{MILESTONE}.html"))
    assert "passes 2 million followers" in frame_heading(browser, "en")


def test_editing_the_yaml_updates_both_languages_without_a_manual_reload(browser, preview):
    browser.get(f"{preview.url}side-by-side/{MILESTONE}.html")
    assert "world record" in frame_heading(browser, "en")
    browser.execute_script("window.pressgenMarker = 'before the edit';")
    source = preview.layout.source
    edit(source, EN_HEADLINE, '      en: "@Paris passes 2 million followers, edited live"')
    edit(source, FR_HEADLINE, '      fr: "Le compte @Paris dépasse 2 millions d’abonnés, modifié en direct"')
    WebDriverWait(browser, WAIT).until(lambda d: "edited live" in frame_heading(d, "en"))
    WebDriverWait(browser, WAIT).until(lambda d: "modifié en direct" in frame_heading(d, "fr"))
    # The page reloaded itself: the script state set before the edit is gone.
    assert browser.execute_script("return window.pressgenMarker === undefined;")


def test_a_broken_yaml_shows_the_error_over_the_last_good_page_and_fixing_it_recovers(browser, preview):
    browser.get(f"{preview.url}{MILESTONE}/en.html")
    assert "world record" in browser.find_element(By.TAG_NAME, "h1").text
    source = preview.layout.source
    broken = '      en: @Paris passes 2 million followers'  # '@' cannot start a plain YAML value
    line = edit(source, EN_HEADLINE, broken)
    WebDriverWait(browser, WAIT).until(lambda d: "milestones.yaml:" in overlay_text(d))
    text = overlay_text(browser)
    assert f"milestones.yaml:{line}:11" in text
    assert "YAML syntax" in text
    assert broken.strip() in text  # the offending line
    assert "world record" in browser.find_element(By.TAG_NAME, "h1").text  # the last good page, under it
    assert any(f"milestones.yaml:{line}:11" in out for out in preview.terminal)  # the terminal too

    edit(source, broken, EN_HEADLINE.replace("a world record", "fixed"))
    WebDriverWait(browser, WAIT).until(
        lambda d: not overlay_text(d) and "fixed" in d.find_element(By.TAG_NAME, "h1").text)


def test_a_template_error_shows_in_the_overlay(browser, preview):
    browser.get(f"{preview.url}{MILESTONE}/fr.html")
    template = preview.layout.templates / "fr" / "release.md"
    text = template.read_text(encoding="utf-8")
    template.write_text(text + "\n{{ m.no_such_field }}\n", encoding="utf-8")
    line = len(text.splitlines()) + 2
    WebDriverWait(browser, WAIT).until(lambda d: "templates/fr/release.md" in overlay_text(d))
    assert f"templates/fr/release.md:{line}" in overlay_text(browser)
    template.write_text(text, encoding="utf-8")
    WebDriverWait(browser, WAIT).until(lambda d: not overlay_text(d))
