"""A real headless Chromium (Debian's ``chromium`` and ``chromium-driver``) driven by Selenium.

These tests must run in CI, never skip: without Chromium they fail with what to install.
Selenium Manager is never used (the paths are given), so nothing is downloaded.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

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
