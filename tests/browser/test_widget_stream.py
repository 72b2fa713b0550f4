# SPDX-License-Identifier: LGPL-2.1-or-later
"""The chat widget shows a streamed LLM answer progressively (headless Chromium, a fake
OpenAI-compatible provider from tests/fakes): the bubble grows token by token, as text,
and the final reply takes its place."""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CBLUE = os.environ.get("CBLUE_BIN", "cblue")
SOURCE_ROOT = os.environ.get("CBLUE_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
FAKE = os.path.join(SOURCE_ROOT, "tests", "fakes", "fake_openai.py")
# markup in the model's answer must stay text
REPLY = "Rooftop <b>solar</b> starts at 120,000 baht with installation and a ten year warranty."

pytestmark = pytest.mark.skipif(not CHROMIUM or not CHROMEDRIVER, reason="chromium and chromium-driver are needed")


@pytest.fixture
def server(tmp_path):
    fake = subprocess.Popen([sys.executable, FAKE, "--port", "0", "--reply", REPLY, "--interval", "150"],
                            stdout=subprocess.PIPE, text=True)
    port = int(fake.stdout.readline().split()[1])
    conf = tmp_path / "cblue.conf"
    conf.write_text("[model]\nurl=http://127.0.0.1:%d\nmodel=fake-model\n" % port, encoding="utf-8")
    proc = subprocess.Popen([CBLUE, "serve", "--port", "0", "--data-dir", str(tmp_path / "data"), "--config",
                             str(conf)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    assert line.startswith("Listening on http://127.0.0.1:"), line
    yield line.split()[-1].rstrip("/")
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    fake.kill()
    fake.wait()


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=1024,768"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def test_widget_shows_tokens_progressively(server, browser, tmp_path):
    page = tmp_path / "index.html"
    page.write_text('<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>'
                    '<script src="%s/widget.js" async></script></body></html>' % server, encoding="utf-8")
    browser.get(server + "/widget.js")  # same origin as the API: no CORS needed
    browser.execute_script("document.open(); document.write(arguments[0]); document.close();",
                           page.read_text(encoding="utf-8"))
    host = WebDriverWait(browser, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, "[data-cblue-widget]"))
    root = host.shadow_root
    root.find_element(By.CSS_SELECTOR, ".bubble").click()
    box = root.find_element(By.CSS_SELECTOR, "textarea")
    box.send_keys("How much is a rooftop solar system?")
    box.send_keys(Keys.ENTER)

    # the draft bubble grows while the model writes
    seen = []
    deadline = time.time() + 20
    while time.time() < deadline:
        drafts = root.find_elements(By.CSS_SELECTOR, ".msg.bot.streaming")
        if drafts:
            try:
                text = drafts[0].text
            except StaleElementReferenceException:
                continue  # replaced by the final reply meanwhile
            if text and (not seen or text != seen[-1]):
                seen.append(text)
        elif seen:
            break
        time.sleep(0.05)
    assert len(seen) >= 3, seen
    assert all(len(a) < len(b) for a, b in zip(seen, seen[1:])), seen
    assert REPLY.startswith(seen[0].strip())

    # then the final reply replaces it
    WebDriverWait(browser, 15).until(lambda d: not root.find_elements(By.CSS_SELECTOR, ".msg.bot.streaming"))
    bots = [e.text for e in root.find_elements(By.CSS_SELECTOR, ".msg.bot")]
    assert bots == [REPLY]
    assert root.find_elements(By.CSS_SELECTOR, ".log b") == []
