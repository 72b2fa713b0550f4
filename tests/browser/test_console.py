# SPDX-License-Identifier: LGPL-2.1-or-later
"""The admin console in headless Chromium, against the real `cblue serve`:

- log in, create an entry in English, Thai and Chinese, publish, ask the chat widget (on
  another origin) and get the new answer; a second editor's save meanwhile gives a
  conflict that shows their change; roll back and see the old answer again;
- the unanswered inbox: a group becomes examples of an entry, another a new entry, each in
  two clicks;
- the analytics page shows the numbers of a scripted set of conversations;
- the console in Thai, remembered over a reload;
- the page runs under its strict CSP (no inline script), and data is text, never markup.

Screenshots of the main pages go to CBLUE_TEST_ARTIFACTS."""

import collections
import functools
import http.server
import json
import os
import shutil
import socket
import sys
import threading

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "python"))
from cblue_admin_site import Site  # noqa: E402

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

SOURCE_ROOT = os.environ.get("CBLUE_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(not CHROMIUM or not CHROMEDRIVER, reason="chromium and chromium-driver are needed")

ADMIN = ("admin", "a long and secret passphrase")
EDITOR2 = ("second", "another long secret passphrase")

ENTRY = {
    "topic": "zorblax-warranty",
    "category": "warranty",
    "tags": "warranty, zorblax",
    "keywords": "zorblax, warranty",
    "content_en": "The zorblax warranty lasts seven years <b>and</b> covers parts.",
    "questions_en": "What is the zorblax warranty?\nHow long is the zorblax guarantee?",
    "content_th": "การรับประกัน zorblax มีอายุเจ็ดปี",
    "questions_th": "รับประกัน zorblax กี่ปี",
    "content_zh": "zorblax 保修七年。",
    "questions_zh": "zorblax 保修多久",
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def artifacts_dir(tmp_path):
    path = os.environ.get("CBLUE_TEST_ARTIFACTS", str(tmp_path))
    os.makedirs(path, exist_ok=True)
    return path


@pytest.fixture
def site(tmp_path):
    page_port = free_port()
    s = Site(tmp_path / "data", config=f"[server]\ncors_origins=http://127.0.0.1:{page_port}\n"
                                       "rate_limit=1000\nrate_limit_burst=1000\n")
    s.add_user(*ADMIN, role="admin")
    s.add_user(*EDITOR2, role="editor")
    s.start()
    with open(os.path.join(SOURCE_ROOT, "data", "examples", "widget.html"), encoding="utf-8") as f:
        html = f.read().replace("http://127.0.0.1:8080", s.base)
    docroot = tmp_path / "site"
    docroot.mkdir()
    (docroot / "index.html").write_text(html, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(docroot))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", page_port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    s.widget_page = f"http://127.0.0.1:{page_port}/index.html"
    yield s
    httpd.shutdown()
    s.stop()


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=1280,900", "--lang=en-US"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # A browser 17 hours behind the business (Asia/Bangkok): for most of the day its date is
    # not the business's date, so a page that guesses "today" in the browser shows the wrong days.
    env = dict(os.environ, TZ="Pacific/Honolulu")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER, env=env))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def wait(driver, fn, timeout=15):
    return WebDriverWait(driver, timeout).until(fn)


def ready(driver):
    """the current page finished rendering (main.js marks it)"""
    return wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main#main[data-ready='true']"))


def go(driver, site, hash_path):
    driver.get(site.base + "/admin/#/" + hash_path)
    ready(driver)


def login(driver, site, user=ADMIN):
    """logs in, unless the browser's session cookie is still good"""
    driver.get(site.base + "/admin/")
    wait(driver, lambda d: d.find_elements(By.ID, "login-form") or
         d.find_elements(By.CSS_SELECTOR, "main#main[data-ready='true']"))
    if not driver.find_elements(By.ID, "login-form"):
        return
    form = driver.find_element(By.ID, "login-form")
    form.find_element(By.NAME, "username").send_keys(user[0])
    form.find_element(By.NAME, "password").send_keys(user[1])
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    ready(driver)


def console_errors(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in e["message"]]


def ask_widget(driver, site, text):
    driver.get(site.widget_page)
    host = wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "[data-cblue-widget]"))
    root = host.shadow_root
    root.find_element(By.CSS_SELECTOR, ".bubble").click()
    before = len(root.find_elements(By.CSS_SELECTOR, ".msg.bot"))
    box = root.find_element(By.CSS_SELECTOR, "textarea")
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
    wait(driver, lambda d: len(root.find_elements(By.CSS_SELECTOR, ".msg.bot")) > before)
    return root.find_elements(By.CSS_SELECTOR, ".msg.bot")[-1].text


def fill(form, name, value):
    el = form.find_element(By.NAME, name)
    el.clear()
    el.send_keys(value)


def test_login_edit_publish_rollback(site, browser, tmp_path):
    art = artifacts_dir(tmp_path)
    browser.get(site.base + "/admin/")
    wait(browser, lambda d: d.find_element(By.ID, "login-form"))
    # a wrong password: one message, no session
    form = browser.find_element(By.ID, "login-form")
    form.find_element(By.NAME, "username").send_keys(ADMIN[0])
    form.find_element(By.NAME, "password").send_keys("wrong password")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    alert = wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, "#login-form .alert"))
    wait(browser, lambda d: alert.is_displayed())
    browser.save_screenshot(os.path.join(art, "console-login.png"))

    login(browser, site)
    assert browser.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "en"
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#kb-table tbody tr"))
    browser.save_screenshot(os.path.join(art, "console-kb.png"))

    # a search in Thai narrows the list to some entries
    total = browser.find_element(By.ID, "kb-range").text
    search = browser.find_element(By.ID, "kb-search")
    search.send_keys("โซลาร์เซลล์")
    wait(browser, lambda d: "q=" in d.current_url)
    ready(browser)
    rows = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#kb-table tbody tr"))
    assert rows and browser.find_element(By.ID, "kb-range").text != total

    # a new entry in three languages; the client refuses it without an answer first
    go(browser, site, "kb/new")
    form = browser.find_element(By.ID, "editor-form")
    fill(form, "topic", ENTRY["topic"])
    browser.find_element(By.ID, "editor-save").click()
    assert browser.find_element(By.ID, "editor-errors").is_displayed()
    for name, value in ENTRY.items():
        if name != "topic":
            fill(form, name, value)
    assert form.find_element(By.NAME, "content_th").get_attribute("lang") == "th"
    assert form.find_element(By.NAME, "content_zh").get_attribute("lang") == "zh-Hans"
    browser.save_screenshot(os.path.join(art, "console-editor.png"))
    browser.find_element(By.ID, "editor-save").click()
    wait(browser, lambda d: "kb/edit/zorblax-warranty" in d.current_url)
    ready(browser)
    status = wait(browser, lambda d: d.find_element(By.ID, "editor-status"))
    wait(browser, lambda d: "draft" in status.text)

    # a second editor saves meanwhile: our save gets the conflict with their text
    other = site.session()
    assert other.login(*EDITOR2).status == 200
    current = other.get("/kb/zorblax-warranty").json()
    theirs = dict(current)
    theirs["content"] = dict(current["content"], en="Their edit: the zorblax warranty lasts five years.")
    body = {k: theirs[k] for k in ("topic_id", "category", "tags", "keywords", "questions", "content") if k in theirs}
    res = other.request("PUT", "/kb/zorblax-warranty", dict(body, revision=current["revision"]))
    assert res.status == 200, res
    form = browser.find_element(By.ID, "editor-form")
    fill(form, "content_en", ENTRY["content_en"] + " Mine.")
    browser.find_element(By.ID, "editor-save").click()
    conflict = wait(browser, lambda d: d.find_element(By.ID, "editor-conflict"))
    wait(browser, lambda d: conflict.is_displayed())
    cells = conflict.find_elements(By.CSS_SELECTOR, "tr[data-field='content.en'] td")
    assert "five years" in cells[1].text and "Mine." in cells[0].text
    browser.save_screenshot(os.path.join(art, "console-conflict.png"))
    browser.find_element(By.ID, "conflict-mine").click()
    wait(browser, lambda d: "Saved" in d.find_element(By.ID, "editor-status").text)
    assert other.get("/kb/zorblax-warranty").json()["content"]["en"].endswith("Mine.")

    # publish from the list, then the widget answers from the new entry
    go(browser, site, "kb")
    browser.find_element(By.ID, "publish-comment").send_keys("zorblax warranty")
    browser.find_element(By.ID, "publish").click()
    wait(browser, lambda d: "Published version" in d.find_element(By.ID, "publish-result").text)
    answer = ask_widget(browser, site, "What is the zorblax warranty?")
    assert "seven years" in answer and "<b>and</b>" in answer, answer
    thai = ask_widget(browser, site, "รับประกัน zorblax กี่ปี")
    assert "เจ็ดปี" in thai, thai

    # history: the diff of the new version names the entry; roll back to the one before
    login(browser, site)
    go(browser, site, "history")
    rows = browser.find_elements(By.CSS_SELECTOR, "#versions tbody tr")
    assert len(rows) >= 2
    rows[0].find_element(By.CSS_SELECTOR, ".show-version").click()
    diff = wait(browser, lambda d: d.find_element(By.ID, "history-diff"))
    assert "zorblax-warranty" in diff.find_element(By.CSS_SELECTOR, "ul.added").text
    browser.save_screenshot(os.path.join(art, "console-history.png"))
    browser.find_elements(By.CSS_SELECTOR, "#versions tbody tr")[1].find_element(By.CSS_SELECTOR, ".show-version").click()
    wait(browser, lambda d: d.find_element(By.ID, "rollback"))
    browser.find_element(By.ID, "rollback").click()
    browser.switch_to.alert.accept()
    wait(browser, lambda d: d.find_elements(By.ID, "rollback-done"))
    old = ask_widget(browser, site, "What is the zorblax warranty?")
    assert "seven years" not in old, old
    assert console_errors(browser) == [] or all("widget" in e["message"] or "/api/v1/" in e["message"]
                                                for e in console_errors(browser))


def test_unanswered_inbox(site, browser, tmp_path):
    art = artifacts_dir(tmp_path)
    office = site.chat("office hours?")
    assert office["topic_id"]
    for text in ("Do you sell pizza?", "do you sell pizza", "Do you sell pizzas?"):
        site.chat(text)
    for text in ("Can I rent a kayak?", "can i rent a kayak"):
        site.chat(text)
    login(browser, site)
    go(browser, site, "unanswered")
    cards = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "article.group"))
    browser.save_screenshot(os.path.join(art, "console-unanswered.png"))
    by_text = {c.find_element(By.CSS_SELECTOR, "h2").text: c for c in cards}
    pizza = next(c for t, c in by_text.items() if "pizza" in t.lower())
    kayak = next(c for t, c in by_text.items() if "kayak" in t.lower())
    assert pizza.find_element(By.CSS_SELECTOR, ".count").text == "3"
    assert kayak.find_element(By.CSS_SELECTOR, ".count").text == "2"

    # add as examples: "Add to entry…", then "Add" (the topic is typed here; the draft KB's
    # best guess is offered first)
    pizza.find_element(By.CSS_SELECTOR, ".add-example").click()
    topic = pizza.find_element(By.CSS_SELECTOR, ".add-topic")
    wait(browser, lambda d: topic.get_attribute("data-suggested") == "true")
    topic.clear()
    topic.send_keys(office["topic_id"])
    pizza.find_element(By.CSS_SELECTOR, ".confirm-add").click()
    wait(browser, lambda d: "resolved" in pizza.get_attribute("class"))
    admin = site.session()
    assert admin.login(*ADMIN).status == 200
    entry = admin.get("/kb/" + office["topic_id"]).json()
    assert "do you sell pizza" in {q.lower().rstrip("?") for q in entry["questions"]["en"]}
    assert entry["status"] == "draft"

    # a new entry: "New entry", write the answer, "Create entry"
    kayak.find_element(By.CSS_SELECTOR, ".new-entry").click()
    form = wait(browser, lambda d: d.find_element(By.ID, "editor-form"))
    assert form.find_element(By.NAME, "questions_en").get_attribute("value").lower().startswith("can i rent a kayak")
    fill(form, "topic", "kayak-rental")
    fill(form, "content_en", "We do not rent kayaks, sorry.")
    # the server asks for every language: its per-field message shows under the field
    browser.find_element(By.ID, "editor-save").click()
    err = wait(browser, lambda d: d.find_element(By.ID, "err-content_th"))
    wait(browser, lambda d: err.is_displayed())
    fill(form, "content_th", "ขออภัย เราไม่มีเรือคายัคให้เช่าค่ะ")
    fill(form, "content_zh", "抱歉，我们不出租皮划艇。")
    browser.find_element(By.ID, "editor-save").click()
    wait(browser, lambda d: d.find_elements(By.ID, "un-done"))
    ready(browser)
    assert admin.get("/kb/kayak-rental").json()["status"] == "draft"
    left = [c.find_element(By.CSS_SELECTOR, "h2").text.lower() for c in browser.find_elements(By.CSS_SELECTOR, "article.group")]
    assert not any("kayak" in t or "pizza" in t for t in left), left

    # published, the history shows the new examples as a change of the entry, with its values
    go(browser, site, "history")
    browser.find_element(By.ID, "publish").click()
    wait(browser, lambda d: "Published version" in d.find_element(By.ID, "publish-result").text)
    ready(browser)
    wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#versions tbody tr")) >= 2)
    browser.find_elements(By.CSS_SELECTOR, "#versions tbody tr")[0].find_element(By.CSS_SELECTOR, ".show-version").click()
    diff = wait(browser, lambda d: d.find_element(By.ID, "history-diff"))
    assert "kayak-rental" in diff.find_element(By.CSS_SELECTOR, "ul.added").text
    item = next(li for li in diff.find_elements(By.CSS_SELECTOR, "ul.changed > li") if office["topic_id"] in li.text)
    item.find_element(By.CSS_SELECTOR, ".show-values").click()
    row = wait(browser, lambda d: item.find_element(By.CSS_SELECTOR, "tr[data-field='questions.en']"))
    before, after = row.find_elements(By.CSS_SELECTOR, "td")
    assert "pizza" not in before.text.lower() and "pizza" in after.text.lower()
    browser.save_screenshot(os.path.join(art, "console-history-values.png"))


SCRIPT = [("a", "office hours?"), ("a", "How much is a rooftop solar system?"), ("b", "ติดโซลาร์เซลล์ราคาเท่าไหร่"),
          ("c", "屋顶太阳能多少钱"), ("c", "Can I adopt a penguin here?"), ("d", "Do you sell pizza?")]


def test_analytics_page(site, browser, tmp_path):
    art = artifacts_dir(tmp_path)
    ids = {}
    for key, text in SCRIPT:
        ids[key] = site.chat(text, conversation_id=ids.get(key))["conversation_id"]
    bots = []
    for key, cid in ids.items():
        msgs = site.conversation(cid, 2 * sum(1 for k, _ in SCRIPT if k == key))
        bots += [m for m in msgs if m["role"] == "bot"]
    site.feedback(ids["a"], bots[0]["message_id"], "up")
    outcomes = collections.Counter(m["outcome"] for m in bots)

    login(browser, site)
    go(browser, site, "analytics")
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".analytics[aria-busy='false']"))
    browser.save_screenshot(os.path.join(art, "console-analytics.png"))
    value = lambda id_: int(browser.find_element(By.CSS_SELECTOR, f"#stat-{id_} .stat-value").get_attribute("data-value"))  # noqa: E731
    assert value("conversations") == len(ids)
    assert value("messages") == len(SCRIPT)
    sub = lambda id_: browser.find_element(By.CSS_SELECTOR, f"#stat-{id_} .stat-sub").text  # noqa: E731
    assert sub("answered") == str(outcomes["answered"]) and sub("unanswered") == str(outcomes["unanswered"])
    assert "1 up" in sub("feedback") and "0 down" in sub("feedback")
    # each chart is an image with a name, and its numbers are in a table
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.chart[role='img']")
    assert len(charts) == 5
    for chart in charts:
        labelled = chart.get_attribute("aria-labelledby").split()
        assert all(browser.find_element(By.ID, i).get_attribute("textContent") for i in labelled)
    tables = browser.find_elements(By.CSS_SELECTOR, ".chart-figure table.data")
    per_day = tables[0].find_elements(By.CSS_SELECTOR, "tbody tr")
    total = sum(int(r.find_elements(By.CSS_SELECTOR, "td")[1].get_attribute("data-value")) for r in per_day)
    assert total == len(SCRIPT)
    hours = tables[1].find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(hours) == 24
    assert sum(int(r.find_element(By.CSS_SELECTOR, "td").get_attribute("data-value")) for r in hours) == len(SCRIPT)
    csv_link = browser.find_element(By.ID, "an-csv").get_attribute("href")
    assert "/admin/api/v1/analytics.csv" in csv_link


def test_console_in_thai(site, browser, tmp_path):
    art = artifacts_dir(tmp_path)
    site.chat("Do you sell pizza?")
    login(browser, site)
    Select(browser.find_element(By.ID, "console-lang")).select_by_value("th")
    ready(browser)
    wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "th")
    nav = browser.find_element(By.CSS_SELECTOR, "nav.nav").text
    assert "ฐานความรู้" in nav and "สถิติ" in nav
    browser.save_screenshot(os.path.join(art, "console-kb-th.png"))
    # remembered over a reload
    browser.refresh()
    ready(browser)
    assert browser.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "th"
    assert "ฐานความรู้" in browser.find_element(By.CSS_SELECTOR, "nav.nav").text
    go(browser, site, "analytics")
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".analytics[aria-busy='false']"))
    assert "บทสนทนา" in browser.find_element(By.ID, "stat-conversations").text
    browser.save_screenshot(os.path.join(art, "console-analytics-th.png"))
    go(browser, site, "unanswered")
    assert "คำถามที่ตอบไม่ได้" in browser.find_element(By.CSS_SELECTOR, "h1").text
    # the fonts render Thai: a Thai heading is as wide as its glyphs, not tofu boxes
    width = browser.execute_script("return document.querySelector('h1').getBoundingClientRect().width")
    assert width > 50
    # responsive: on a phone the page does not scroll sideways (wide tables scroll inside)
    browser.set_window_size(390, 844)
    go(browser, site, "kb")
    overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    browser.save_screenshot(os.path.join(art, "console-kb-th-phone.png"))
    assert overflow <= 1, overflow
    browser.set_window_size(1280, 900)
    Select(browser.find_element(By.ID, "console-lang")).select_by_value("zh")
    ready(browser)
    assert browser.find_element(By.CSS_SELECTOR, "html").get_attribute("lang") == "zh-Hans"
    assert "知识库" in browser.find_element(By.CSS_SELECTOR, "h1").text


def test_console_sources_never_parse_markup():
    """the console builds its DOM from nodes and text only (js/dom.js)"""
    root = os.path.join(SOURCE_ROOT, "admin", "console")
    for dirpath, _, files in os.walk(root):
        for name in files:
            if name.endswith(".js") or name.endswith(".html"):
                with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                    text = f.read()
                for bad in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", " style=",
                            "onclick=", "<script>"):
                    assert bad not in text, (name, bad)


def test_console_string_tables_are_complete():
    """every key the console uses is in English, and Thai and Chinese have every English key"""
    import re
    strings = os.path.join(SOURCE_ROOT, "admin", "console", "js", "strings")

    def keys(lang):
        with open(os.path.join(strings, lang + ".js"), encoding="utf-8") as f:
            return set(re.findall(r"'([a-z_.0-9]+)':", f.read()))

    en = keys("en")
    assert keys("th") == en and keys("zh") == en
    used = set()
    for dirpath, _, files in os.walk(os.path.join(SOURCE_ROOT, "admin", "console", "js")):
        for name in files:
            if name.endswith(".js") and not dirpath.endswith("strings"):
                with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                    used |= set(re.findall(r"\bt\('([a-z_.0-9]+)'[,)]", f.read()))
    assert used and used <= en, used - en


def test_console_security(site, browser):
    # the console's own pages carry a strict CSP, never 'unsafe-inline'
    res = site.raw("GET", "/admin/")
    assert res.status == 200 and res.headers["Content-Type"].startswith("text/html")
    csp = res.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    etag = res.headers["ETag"]
    assert site.raw("GET", "/admin/", headers={"If-None-Match": etag}).status == 304
    assert site.raw("GET", "/admin/js/main.js").headers["Content-Type"].startswith("text/javascript")
    assert site.raw("GET", "/admin/console.css").headers["Content-Type"].startswith("text/css")
    for bad in ("/admin/js/../../x.js", "/admin/nope.js", "/admin/.hidden.js", "/admin/js/main.js.map", "/adminx",
                "/admin/js/"):
        assert site.raw("GET", bad).status == 404, bad
    assert site.raw("POST", "/admin/", body={}).status == 405

    # an entry whose text is markup is shown as text in the list and the editor
    admin = site.session()
    assert admin.login(*ADMIN).status == 200
    evil = {"topic_id": "evil-entry", "category": "<img src=x onerror=window.__pwned=1>",
            "questions": {"en": ["<script>window.__pwned=2</script>"]},
            "content": {"en": "<img src=x onerror=window.__pwned=3>", "th": "<b>ไทย</b>", "zh": "<i>中文</i>"}}
    assert admin.post("/kb", evil).status == 201
    login(browser, site)
    go(browser, site, "kb?q=evil")
    row = wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, "tr[data-topic='evil-entry']"))
    assert "<img src=x" in row.text
    go(browser, site, "kb/edit/evil-entry")
    assert browser.find_elements(By.CSS_SELECTOR, "main img, main script") == []
    assert browser.execute_script("return window.__pwned === undefined")


def test_import_preview_and_try(site, browser, tmp_path):
    art = artifacts_dir(tmp_path)
    good = {"topic_id": "imported-topic", "category": "imported", "questions": {"en": ["What is the quuxwidget?"]},
            "content": {"en": "The quuxwidget is imported.", "th": "quuxwidget นำเข้าแล้ว", "zh": "quuxwidget 已导入。"}}
    bad = {"topic_id": "broken-topic", "content": {"en": "x"}, "bogus": 1}
    login(browser, site)
    go(browser, site, "import")
    text = browser.find_element(By.ID, "import-text")
    # a file with an error: every problem listed per entry, and nothing can be applied
    browser.execute_script("arguments[0].value = arguments[1]", text, json.dumps([good, bad]))
    browser.find_element(By.ID, "import-preview").click()
    report = wait(browser, lambda d: d.find_element(By.ID, "import-report"))
    assert "bogus" in report.find_element(By.CSS_SELECTOR, "table.errors").text
    assert not browser.find_element(By.ID, "import-apply").is_enabled()
    browser.save_screenshot(os.path.join(art, "console-import.png"))
    # fixed: the preview shows what will change, then it is applied
    browser.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", text,
                           json.dumps([good]))
    browser.find_element(By.ID, "import-preview").click()
    wait(browser, lambda d: d.find_element(By.ID, "import-apply").is_enabled())
    assert "imported-topic" in browser.find_element(By.ID, "import-report").text
    browser.find_element(By.ID, "import-apply").click()
    wait(browser, lambda d: "Imported" in d.find_element(By.CSS_SELECTOR, "main h2:last-of-type").text
         or d.find_elements(By.XPATH, "//h2[text()='Imported']"))

    # try it: the draft KB answers, with the hits and the detected language
    go(browser, site, "try")
    browser.find_element(By.ID, "try-message").send_keys("What is the quuxwidget?")
    browser.find_element(By.ID, "try-ask").click()
    hits = wait(browser, lambda d: d.find_element(By.ID, "try-hits"))
    assert "imported-topic" in hits.text
    assert browser.find_element(By.ID, "try-detected").text == "English"
    assert "quuxwidget is imported" in browser.find_element(By.ID, "try-reply").text
    browser.save_screenshot(os.path.join(art, "console-try.png"))
