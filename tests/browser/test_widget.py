# SPDX-License-Identifier: LGPL-2.1-or-later
"""The chat widget in headless Chromium: a host page of another origin loads /widget.js,
the visitor asks in Thai and Chinese, reloads and sees the history, rates an answer, and a
KB answer holding <script> is shown as text and never runs. A screenshot is kept."""

import functools
import http.server
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "python"))
from cblue_process import run_command  # noqa: E402

CBLUE = os.environ.get("CBLUE_BIN", "cblue")
SOURCE_ROOT = os.environ.get("CBLUE_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(not CHROMIUM or not CHROMEDRIVER, reason="chromium and chromium-driver are needed")

XSS_ENTRY = {
    "topic_id": "zebra-xss",
    "category": "test",
    "keywords": ["zebracorn"],
    "questions": {"en": ["What is a zebracorn?"]},
    "content": {"en": "A zebracorn <script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"> "
                      "is a test."},
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def site(tmp_path):
    """cblue serve with the bundled KB plus the XSS entry, and a host page on another origin."""
    data = tmp_path / "data"
    xss = tmp_path / "xss.json"
    xss.write_text(json.dumps([XSS_ENTRY]), encoding="utf-8")
    kb_files = [os.path.join(SOURCE_ROOT, "data", "kb", f) for f in sorted(os.listdir(os.path.join(SOURCE_ROOT, "data", "kb")))
                if f.endswith(".json")]
    run_command([CBLUE, "kb", "import", *kb_files, str(xss), "--data-dir", str(data)], check=True, state_dir=data)
    page_port = free_port()
    conf = tmp_path / "cblue.conf"
    conf.write_text(f"[server]\ncors_origins=http://127.0.0.1:{page_port}\n", encoding="utf-8")
    proc = subprocess.Popen([CBLUE, "serve", "--port", "0", "--data-dir", str(data), "--config", str(conf)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    assert line.startswith("Listening on http://127.0.0.1:"), (line, proc.stderr.read())
    api = line.split()[-1].rstrip("/")

    # the example page of data/examples, pointed at this server
    with open(os.path.join(SOURCE_ROOT, "data", "examples", "widget.html"), encoding="utf-8") as f:
        html = f.read().replace("http://127.0.0.1:8080", api)
    docroot = tmp_path / "site"
    docroot.mkdir()
    (docroot / "index.html").write_text(html, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(docroot))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", page_port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield {"page": f"http://127.0.0.1:{page_port}/index.html", "api": api, "db": data / "cblue.db"}
    httpd.shutdown()
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=1024,768"):
        options.add_argument(arg)
    service = Service(executable_path=CHROMEDRIVER)
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def shadow(driver):
    host = WebDriverWait(driver, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, "[data-cblue-widget]"))
    return host.shadow_root


def bot_texts(root):
    return [e.text for e in root.find_elements(By.CSS_SELECTOR, ".msg.bot")]


def ask(driver, root, text, expect_count):
    box = root.find_element(By.CSS_SELECTOR, "textarea")
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 15).until(lambda d: len(bot_texts(root)) >= expect_count)
    return bot_texts(root)[expect_count - 1]


def test_widget(site, browser, tmp_path):
    artifacts = os.environ.get("CBLUE_TEST_ARTIFACTS", str(tmp_path))
    os.makedirs(artifacts, exist_ok=True)
    browser.get(site["page"])
    root = shadow(browser)
    bubble = root.find_element(By.CSS_SELECTOR, ".bubble")
    panel = root.find_element(By.CSS_SELECTOR, ".panel")
    assert not panel.is_displayed()
    # chrome follows the page's lang (th); the page's `color: red !important` does not leak in
    assert bubble.get_attribute("aria-label") == "เปิดแชท"
    assert bubble.value_of_css_property("color") != "rgba(255, 0, 0, 1)"
    bubble.click()
    assert panel.is_displayed()
    assert root.find_element(By.CSS_SELECTOR, ".log").get_attribute("aria-live") == "polite"

    thai = ask(browser, root, "ติดโซลาร์เซลล์ราคาเท่าไหร่", 1)
    assert "บาท" in thai
    chinese = ask(browser, root, "屋顶太阳能多少钱", 2)
    assert "元" in chinese or "泰铢" in chinese or "铢" in chinese, chinese

    # the injected markup of a KB answer is text: no element made of it, nothing ran
    xss = ask(browser, root, "What is a zebracorn?", 3)
    assert "<script>" in xss and "<img" in xss
    assert root.find_elements(By.CSS_SELECTOR, ".log img, .log script") == []
    assert browser.execute_script("return window.__pwned === undefined")
    browser.save_screenshot(os.path.join(artifacts, "widget.png"))

    # rate the Thai answer
    root.find_elements(By.CSS_SELECTOR, ".msg.bot .rate button")[0].click()
    WebDriverWait(browser, 10).until(
        lambda d: root.find_elements(By.CSS_SELECTOR, ".msg.bot .rate button")[0].get_attribute("aria-pressed") == "true")
    deadline = time.time() + 10
    rows = []
    while time.time() < deadline and not rows:
        with sqlite3.connect(site["db"]) as db:
            rows = db.execute("SELECT rating FROM feedback").fetchall()
        time.sleep(0.1)
    assert rows == [("up",)]

    # a reload keeps the conversation
    browser.refresh()
    root = shadow(browser)
    root.find_element(By.CSS_SELECTOR, ".bubble").click()
    try:
        WebDriverWait(browser, 10).until(lambda d: len(bot_texts(root)) >= 3)
    except TimeoutException:
        pytest.fail("history not shown after a reload")
    texts = [e.text for e in root.find_elements(By.CSS_SELECTOR, ".msg.user")]
    assert texts[:2] == ["ติดโซลาร์เซลล์ราคาเท่าไหร่", "屋顶太阳能多少钱"]
    assert "บาท" in bot_texts(root)[0]
    browser.save_screenshot(os.path.join(artifacts, "widget-reloaded.png"))


def test_widget_http_fallback(site, browser):
    """Without WebSocket (blocked by a proxy, say) the widget falls back to POST."""
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": "delete window.WebSocket;"})
    browser.get(site["page"])
    root = shadow(browser)
    root.find_element(By.CSS_SELECTOR, ".bubble").click()
    assert "บาท" in ask(browser, root, "ติดโซลาร์เซลล์ราคาเท่าไหร่", 1)
