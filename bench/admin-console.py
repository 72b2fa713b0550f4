#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Admin console page load on localhost with a 5,000-entry KB, in headless Chromium: the time
from navigation start until the console is interactive (its first page, the KB list with its
data, rendered: the `cblue-ready` performance mark of admin/console/js/main.js), plus the
browser's own DOMContentLoaded and load times. A cold load (empty cache) first, then warm
reloads (assets revalidated by ETag). Prints figures; asserts nothing about speed.

    bench/admin-console.py BUILD_DIR [--entries N] [--loads N]
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "python"))


def synthetic_kb(n):
    entries = []
    for i in range(n):
        word = "item%05d" % i
        entries.append({
            "topic_id": "bench-%05d" % i,
            "category": "cat%02d" % (i % 40),
            "tags": ["tag%d" % (i % 7), "bench"],
            "keywords": [word, "ของ%05d" % i, "物品%05d" % i],
            "questions": {"en": ["How much does %s cost?" % word], "th": ["%s ราคาเท่าไหร่" % word],
                          "zh": ["%s多少钱" % word]},
            "content": {"en": "%s costs %d baht." % (word, 100 + i), "th": "%s ราคา %d บาท" % (word, 100 + i),
                        "zh": "%s售价%d泰铢。" % (word, 100 + i)},
        })
    return entries


def timings(driver):
    return driver.execute_script("""
        const nav = performance.getEntriesByType('navigation')[0];
        const ready = performance.getEntriesByName('cblue-ready')[0];
        return {ready: ready ? ready.startTime : null, dcl: nav.domContentLoadedEventEnd,
                load: nav.loadEventEnd, rows: document.querySelectorAll('#kb-table tbody tr').length};
    """)


def summary(name, values):
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    print(f"  {name:<28} median {statistics.median(values):7.1f} ms   p95 {p95:7.1f} ms   "
          f"min {values[0]:7.1f} ms   max {values[-1]:7.1f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build_dir")
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--loads", type=int, default=20)
    args = parser.parse_args()
    build = os.path.abspath(args.build_dir)
    os.environ.setdefault("CBLUE_BIN", os.path.join(build, "core", "cblue"))
    os.environ.setdefault("CBLUE_PLUGIN_PATH", os.path.join(build, "plugins"))
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        print("SKIP: python3-selenium is not installed")
        return 77
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        print("SKIP: chromium and chromium-driver are needed")
        return 77
    from cblue_admin_site import Site

    tmp = tempfile.mkdtemp(prefix="cblue-bench-console-")
    kb = os.path.join(tmp, "kb.json")
    with open(kb, "w", encoding="utf-8") as f:
        json.dump(synthetic_kb(args.entries), f, ensure_ascii=False)
    site = Site(os.path.join(tmp, "data"), kb_files=[kb])
    site.add_user("bench", "a long benchmark passphrase", role="admin")
    site.start()
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=1280,900"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    try:
        admin = site.session()
        assert admin.login("bench", "a long benchmark passphrase").status == 200
        total = admin.get("/kb?limit=1").json()["total"]
        # log in through the page once: the session cookie is then the browser's own
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        driver.get(site.base + "/admin/")
        form = WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "login-form"))
        form.find_element(By.NAME, "username").send_keys("bench")
        form.find_element(By.NAME, "password").send_keys("a long benchmark passphrase")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#kb-table tbody tr"))

        def load(url):
            # a new document every time (a hash change alone would not reload the page)
            driver.get("about:blank")
            driver.get(url)
            WebDriverWait(driver, 30).until(
                lambda d: d.execute_script("return performance.getEntriesByName('cblue-ready').length > 0"))
            return timings(driver)

        cold = [load(site.base + "/admin/#/kb") for _ in range(3)]
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
        load(site.base + "/admin/#/kb")
        warm = [load(site.base + "/admin/#/kb") for _ in range(args.loads)]
        search = [load(site.base + "/admin/#/kb?q=item04321") for _ in range(5)]
        analytics = [load(site.base + "/admin/#/analytics") for _ in range(5)]

        print(f"Admin console page load, KB of {total} entries, localhost, headless Chromium "
              f"({driver.capabilities.get('browserVersion', '?')})")
        print(f"  rows shown on the first page: {warm[-1]['rows']} (50 per page); "
              f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
        print("cold (cache disabled), 3 loads:")
        summary("interactive (cblue-ready)", [t["ready"] for t in cold])
        summary("DOMContentLoaded", [t["dcl"] for t in cold])
        print(f"warm (assets revalidated, 304), {args.loads} loads:")
        summary("interactive (cblue-ready)", [t["ready"] for t in warm])
        summary("DOMContentLoaded", [t["dcl"] for t in warm])
        summary("load event", [t["load"] for t in warm])
        print("KB search (item04321), 5 loads:")
        summary("interactive (cblue-ready)", [t["ready"] for t in search])
        print("analytics page, 5 loads:")
        summary("interactive (cblue-ready)", [t["ready"] for t in analytics])
        print("target: <= 300 ms to interactive with 5,000 entries")
    finally:
        driver.quit()
        site.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
