# SPDX-License-Identifier: LGPL-2.1-or-later
"""The console's analytics and unanswered inbox over HTTP: a scripted set of conversations
goes through the real chat API, and /admin/api/v1/analytics (and its CSV) must report
exactly what the chat API and the stored conversations say happened; the unanswered
questions come back grouped by similarity, deterministically, and each way of resolving a
group works (and is refused for a viewer)."""

import collections
import csv
import datetime
import io
import os
import sqlite3
import zoneinfo

import pytest

from cblue_admin_site import Site

ADMIN = ("analyst", "correct horse battery staple")
VIEWER = ("watcher", "another long passphrase 42")

# (conversation, message): answered, clarified and out-of-scope questions in three
# languages, one with personal data
SCRIPT = [
    ("c1", "office hours?"),
    ("c1", "How much is a rooftop solar system?"),
    ("c2", "ติดโซลาร์เซลล์ราคาเท่าไหร่"),
    ("c2", "屋顶太阳能多少钱"),
    ("c3", "My email is somchai@example.com, what are your office hours?"),
    ("c4", "Do you sell pizza?"),
    ("c4", "do you sell pizza"),
    ("c5", "Do you sell pizzas?"),
    ("c5", "Can I adopt a penguin from you?"),
    ("c6", "Can I adopt a penguin here?"),
    ("c6", "ร้านขายพิซซ่าไหม"),
    ("c7", "ร้านขายพิซซ่าไหม"),
]


def bangkok_now():
    return datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Bangkok"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("analytics")
    s = Site(tmp / "data", config="[server]\nrate_limit=1000\nrate_limit_burst=1000\n")
    s.add_user(*ADMIN, role="admin")
    s.add_user(*VIEWER, role="viewer")
    s.start()
    before = bangkok_now()
    conversations = {}
    replies = []
    for key, text in SCRIPT:
        reply = s.chat(text, conversation_id=conversations.get(key))
        conversations[key] = reply["conversation_id"]
        replies.append((key, text, reply))
    stored = {key: s.conversation(cid, 2 * sum(1 for k, _ in SCRIPT if k == key)) for key, cid in conversations.items()}
    bots = {key: [m for m in msgs if m["role"] == "bot"] for key, msgs in stored.items()}
    s.feedback(conversations["c1"], bots["c1"][0]["message_id"], "up")
    s.feedback(conversations["c2"], bots["c2"][0]["message_id"], "up")
    s.feedback(conversations["c3"], bots["c3"][0]["message_id"], "down")
    after = bangkok_now()
    s.script = {"conversations": conversations, "replies": replies, "bots": bots, "before": before, "after": after}
    admin = s.session()
    assert admin.login(*ADMIN).status == 200
    s.admin = admin
    yield s
    if hasattr(s, "db"):
        s.db.close()
    status = s.stop()
    assert status == 0, s.proc.stderr.read()[-4000:]


def expected(site):
    bots = [m for msgs in site.script["bots"].values() for m in msgs]
    outcomes = collections.Counter(m["outcome"] for m in bots)
    topics = collections.Counter(m["topic_id"] for m in bots if m["outcome"] == "answered")
    languages = collections.Counter(reply["language"] for _, _, reply in site.script["replies"])
    return bots, outcomes, topics, languages


def test_analytics_match_the_conversations(site):
    res = site.admin.get("/analytics")
    assert res.status == 200, res
    a = res.json()
    bots, outcomes, topics, languages = expected(site)
    today = site.script["after"].strftime("%Y-%m-%d")

    assert a["timezone"] == "Asia/Bangkok"
    assert a["to"] == today and len(a["per_day"]) == 30 and a["per_day"][-1]["date"] == today
    assert sum(d["messages"] for d in a["per_day"]) == len(SCRIPT)
    if site.script["before"].date() == site.script["after"].date():
        assert a["per_day"][-1] == {"date": today, "conversations": 7, "messages": len(SCRIPT)}
    assert a["outcomes"] == {"answered": outcomes["answered"], "clarify": outcomes["clarify"],
                             "unanswered": outcomes["unanswered"]}
    assert outcomes["answered"] >= 4 and outcomes["unanswered"] >= 4, outcomes
    assert {t["topic_id"]: t["count"] for t in a["top_topics"]} == dict(topics)
    counts = [t["count"] for t in a["top_topics"]]
    assert counts == sorted(counts, reverse=True)
    assert a["languages"] == dict(languages)
    assert a["feedback"] == {"up": 2, "down": 1}
    assert a["pii"] == {"EMAIL": 1}
    assert 0 < a["response_ms"]["p50"] <= a["response_ms"]["p95"]
    assert len(a["busiest_hours"]) == 24 and sum(a["busiest_hours"]) == len(SCRIPT)
    if site.script["before"].hour == site.script["after"].hour:
        assert a["busiest_hours"][site.script["after"].hour] == len(SCRIPT)


def test_analytics_in_another_time_zone(site):
    bkk = site.admin.get("/analytics").json()
    utc = site.admin.get("/analytics?tz=UTC").json()
    assert utc["timezone"] == "UTC"
    assert sum(d["messages"] for d in utc["per_day"]) == sum(d["messages"] for d in bkk["per_day"])
    # Bangkok is UTC+7 all year
    assert [utc["busiest_hours"][(h - 7) % 24] for h in range(24)] == bkk["busiest_hours"]
    assert utc["outcomes"] == bkk["outcomes"]


def test_analytics_range_is_exclusive_of_other_days(site):
    yesterday = (site.script["before"] - datetime.timedelta(days=1)).strftime("%Y-%m-%d")
    res = site.admin.get(f"/analytics?from={yesterday}&to={yesterday}")
    assert res.status == 200
    a = res.json()
    if site.script["before"].date() == site.script["after"].date():
        assert a["per_day"] == [{"date": yesterday, "conversations": 0, "messages": 0}]
        assert a["outcomes"] == {"answered": 0, "clarify": 0, "unanswered": 0}
        assert a["response_ms"] == {"p50": None, "p95": None}
        assert a["busiest_hours"] == [0] * 24 and a["pii"] == {} and a["top_topics"] == []


def test_analytics_csv(site):
    res = site.admin.get("/analytics.csv")
    assert res.status == 200, res
    assert res.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in res.headers.get("Content-Disposition", "")
    rows = list(csv.reader(io.StringIO(res.body.decode("utf-8"))))
    assert rows[0] == ["metric", "key", "value"]
    table = collections.defaultdict(dict)
    for metric, key, value in rows[1:]:
        table[metric][key] = value
    a = site.admin.get("/analytics").json()
    assert table["range"]["timezone"] == "Asia/Bangkok"
    assert sum(int(v) for v in table["messages"].values()) == len(SCRIPT)
    assert {k: int(v) for k, v in table["outcome"].items()} == a["outcomes"]
    assert {k: int(v) for k, v in table["feedback"].items()} == a["feedback"]
    assert {k: int(v) for k, v in table["pii"].items()} == a["pii"]
    assert {k: int(v) for k, v in table["topic"].items()} == {t["topic_id"]: t["count"] for t in a["top_topics"]}
    assert len(table["hour"]) == 24


@pytest.mark.parametrize("query,code", [
    ("from=yesterday", "invalid_data"),
    ("to=2026-02-30", "invalid_data"),
    ("from=2026-05-02&to=2026-05-01", "invalid_data"),
    ("from=2020-01-01&to=2026-01-01", "invalid_data"),
    ("tz=Mars/Olympus_Mons", "invalid_data"),
    ("days=0", "invalid_data"),
    ("days=401", "invalid_data"),
    ("days=7.5", "invalid_data"),
    ("days=-3", "invalid_data"),
])
def test_analytics_bad_input(site, query, code):
    for path in ("/analytics?", "/analytics.csv?", "/unanswered?"):
        res = site.admin.get(path + query)
        assert res.status == 400, (path, query, res)
        assert res.json()["error"]["code"] == code


def test_analytics_roles(site):
    anonymous = site.session()
    assert anonymous.get("/analytics").status == 401
    assert anonymous.get("/unanswered").status == 401
    viewer = site.session()
    assert viewer.login(*VIEWER).status == 200
    assert viewer.get("/analytics").status == 200
    assert viewer.get("/unanswered").status == 200
    groups = viewer.get("/unanswered").json()["groups"]
    res = viewer.post(f"/unanswered/{groups[0]['id']}/resolve", {"action": "dismiss"})
    assert res.status == 403 and res.json()["error"]["code"] == "forbidden"


def group_of(groups, text):
    found = [g for g in groups if text in g["examples"]]
    assert len(found) == 1, (text, groups)
    return found[0]


def unanswered_texts(site):
    return {m_text for (key, m_text, reply), bot in zip(site.script["replies"], _bots_in_order(site))
            if bot["outcome"] == "unanswered"}


def _bots_in_order(site):
    seen = collections.Counter()
    for key, _, _ in site.script["replies"]:
        yield site.script["bots"][key][seen[key]]
        seen[key] += 1


def test_range_of_days_counts_back_from_the_business_today(site):
    """`days` (the console's quick ranges) ends today in the business's time zone, and both
    lists say which range they resolved: a browser elsewhere cannot know the business's date"""
    today = site.script["after"].strftime("%Y-%m-%d")
    week = site.admin.get("/analytics?days=7").json()
    assert week["to"] == today and len(week["per_day"]) == 7
    first = site.script["after"] - datetime.timedelta(days=6)
    assert week["from"] == first.strftime("%Y-%m-%d") == week["per_day"][0]["date"]
    assert sum(d["messages"] for d in week["per_day"]) == len(SCRIPT)
    # an explicit `from` wins over `days`
    assert site.admin.get(f"/analytics?days=7&from={today}").json()["from"] == today
    for path in ("/unanswered", "/unanswered?days=7"):
        res = site.admin.get(path).json()
        assert res["to"] == today and res["timezone"] == "Asia/Bangkok", res
    assert site.admin.get("/unanswered?days=7").json()["from"] == week["from"]
    assert site.admin.get("/unanswered?tz=UTC").json()["timezone"] == "UTC"


def test_unanswered_groups(site):
    res = site.admin.get("/unanswered")
    assert res.status == 200, res
    groups = res.json()["groups"]
    assert groups == site.admin.get("/unanswered").json()["groups"], "grouping must be deterministic"
    open_texts = unanswered_texts(site)
    assert {"Do you sell pizza?", "Can I adopt a penguin here?", "ร้านขายพิซซ่าไหม"} <= open_texts, open_texts
    assert sum(g["count"] for g in groups) == sum(1 for _, t, _ in site.script["replies"] if t in open_texts)

    pizza = group_of(groups, "Do you sell pizza?")
    mars = group_of(groups, "Can I adopt a penguin here?")
    thai = group_of(groups, "ร้านขายพิซซ่าไหม")
    assert len({pizza["id"], mars["id"], thai["id"]}) == 3
    # identical after normalisation, and a near wording, join one group
    assert "do you sell pizza" in pizza["examples"] or pizza["count"] >= 2
    if "Do you sell pizzas?" in open_texts:
        assert "Do you sell pizzas?" in pizza["examples"]
    if "Can I adopt a penguin from you?" in open_texts:
        assert "Can I adopt a penguin from you?" in mars["examples"]
    assert thai["count"] == 2 and thai["language"] == "th"
    counts = [g["count"] for g in groups]
    assert counts == sorted(counts, reverse=True)
    for g in groups:
        assert g["last_seen"] and g["representative"] in g["examples"]


def test_unanswered_include_down(site):
    plain = site.admin.get("/unanswered").json()["groups"]
    outcome = site.script["bots"]["c3"][0]["outcome"]
    # a thumbs-down on a reply that was unanswered anyway is listed once, as unanswered
    assert any("[EMAIL]" in g["representative"] for g in plain) == (outcome == "unanswered"), outcome
    with_down = site.admin.get("/unanswered?include_down=1").json()["groups"]
    rated = [g for g in with_down if "[EMAIL]" in g["representative"]]
    # the rated question is stored redacted, and listed as such
    assert len(rated) == 1 and not any("somchai" in ex for g in with_down for ex in g["examples"])


def test_unanswered_resolve(site):
    groups = site.admin.get("/unanswered").json()["groups"]
    mars = group_of(groups, "Can I adopt a penguin here?")
    pizza = group_of(groups, "Do you sell pizza?")
    thai = group_of(groups, "ร้านขายพิซซ่าไหม")
    topic = site.script["replies"][0][2]["topic_id"]
    assert topic

    res = site.admin.post("/unanswered/u999999/resolve", {"action": "dismiss"})
    assert res.status == 404, res
    res = site.admin.post(f"/unanswered/{mars['id']}/resolve", {"action": "explode"})
    assert res.status == 400, res
    res = site.admin.post(f"/unanswered/{pizza['id']}/resolve", {"action": "add_example"})
    assert res.status == 400, res
    res = site.admin.post(f"/unanswered/{pizza['id']}/resolve", {"action": "add_example", "topic_id": "no-such-topic"})
    assert res.status == 404, res
    # a missing CSRF token is refused
    no_csrf = site.admin.csrf
    site.admin.csrf = None
    try:
        assert site.admin.post(f"/unanswered/{mars['id']}/resolve", {"action": "dismiss"}).status == 403
    finally:
        site.admin.csrf = no_csrf

    res = site.admin.post(f"/unanswered/{mars['id']}/resolve", {"action": "dismiss"})
    assert res.status == 200, res
    assert res.json()["resolved"] == mars["count"]

    res = site.admin.post(f"/unanswered/{pizza['id']}/resolve", {"action": "add_example", "topic_id": topic})
    assert res.status == 200, res
    entry = site.admin.get("/kb/" + topic).json()
    assert entry["status"] == "draft"
    # one wording per distinct question of the group, in its language
    added = {q.lower().rstrip("?") for q in entry["questions"]["en"]}
    assert "do you sell pizza" in added and "do you sell pizzas" in added, added

    new_entry = {"topic_id": "pizza-th", "category": "food", "questions": {"th": [thai["representative"]]},
                 "content": {"th": "ขออภัย เราไม่ได้ขายพิซซ่าค่ะ"}}
    # every language needs its answer, as for POST /kb; nothing is resolved on a refusal
    res = site.admin.post(f"/unanswered/{thai['id']}/resolve", {"action": "new_entry", "entry": new_entry})
    assert res.status == 400, res
    assert {f["field"] for f in res.json()["fields"]} == {"content.en", "content.zh"}
    assert site.admin.get("/kb/pizza-th").status == 404
    new_entry["content"].update(en="Sorry, we do not sell pizza.", zh="抱歉，我们不卖披萨。")
    res = site.admin.post(f"/unanswered/{thai['id']}/resolve", {"action": "new_entry", "entry": {"topic_id": "Bad Id!"}})
    assert res.status == 400, res
    res = site.admin.post(f"/unanswered/{thai['id']}/resolve", {"action": "new_entry", "entry": new_entry})
    assert res.status == 200, res
    created = site.admin.get("/kb/pizza-th").json()
    assert created["status"] == "draft" and created["content"]["th"] == new_entry["content"]["th"]

    left = site.admin.get("/unanswered").json()["groups"]
    left_ids = {g["id"] for g in left}
    assert not left_ids & {mars["id"], pizza["id"], thai["id"]}
    assert not any("penguin" in ex or "pizza" in ex for g in left for ex in g["examples"])
    # resolving twice: the group is gone
    assert site.admin.post(f"/unanswered/{mars['id']}/resolve", {"action": "dismiss"}).status == 404

    audit = site.admin.get("/audit?limit=100").json()["entries"]
    assert sum(1 for e in audit if e["action"] == "unanswered.resolve") == 3


def insert_events(site, rows):
    """analytics events at chosen times, as the store writes them (the chat API can only
    write 'now'), from a connection opened and closed per insert, as a script would: the
    server must see each insert (a closing outside connection once deleted the WAL the
    server still used; plugins/store-sqlite/tests/test-store-sqlite-snapshot.c)."""
    db = sqlite3.connect(os.path.join(site.data_dir, "cblue.db"), timeout=10)
    try:
        with db:
            db.executemany("INSERT INTO analytics_events (type, conversation_id, message_id, language, "
                           "topic_id, outcome, duration_us, created_at) "
                           "VALUES ('message', ?, ?, ?, ?, ?, ?, ?)", rows)
    finally:
        db.close()


def test_analytics_across_a_daylight_saving_change(site):
    # Berlin leaves summer time at 2026-10-25 01:00 UTC (03:00 CEST → 02:00 CET)
    insert_events(site, [
        ("dst1", "dst-m1", "en", "office-hours", "answered", 1000, "2026-10-24T23:30:00.000000Z"),  # 01:30 CEST
        ("dst1", "dst-m2", "en", "office-hours", "answered", 1000, "2026-10-25T00:30:00.000000Z"),  # 02:30 CEST
        ("dst2", "dst-m3", "th", None, "unanswered", 1000, "2026-10-25T01:30:00.000000Z"),          # 02:30 CET
        ("dst2", "dst-m4", "th", None, "unanswered", 1000, "2026-10-25T22:30:00.000000Z"),          # 23:30 CET
        ("dst3", "dst-m5", "zh", None, "clarify", 1000, "2026-10-25T23:30:00.000000Z"),             # 00:30 the 26th
        ("dst4", "dst-m6", "en", None, "clarify", 1000, "2026-10-23T21:59:59.999999Z"),             # 23:59 the 23rd
    ])
    a = site.admin.get("/analytics?from=2026-10-24&to=2026-10-26&tz=Europe/Berlin").json()
    assert a["per_day"] == [{"date": "2026-10-24", "conversations": 0, "messages": 0},
                            {"date": "2026-10-25", "conversations": 2, "messages": 4},
                            {"date": "2026-10-26", "conversations": 1, "messages": 1}]
    hours = a["busiest_hours"]
    assert (hours[0], hours[1], hours[2], hours[23]) == (1, 1, 2, 1) and sum(hours) == 5
    assert a["languages"] == {"en": 2, "th": 2, "zh": 1}
    assert a["outcomes"] == {"answered": 2, "clarify": 1, "unanswered": 2}
    assert a["top_topics"] == [{"topic_id": "office-hours", "count": 2}]
    # the same events in Bangkok (UTC+7 all year) fall on other days and hours
    b = site.admin.get("/analytics?from=2026-10-24&to=2026-10-26&tz=Asia/Bangkok").json()
    assert [d["messages"] for d in b["per_day"]] == [1, 3, 2]
    assert [b["busiest_hours"][h] for h in (4, 5, 6, 7, 8)] == [1, 1, 2, 1, 1]


def test_analytics_response_time_percentiles(site):
    # 1 … 100 ms on one day: nearest rank gives 50 and 95
    insert_events(site, [("pct", f"pct-{i}", "en", None, "unanswered", i * 1000, f"2025-01-10T10:{i // 60:02d}:{i % 60:02d}.000000Z")
                         for i in range(1, 101)])
    a = site.admin.get("/analytics?from=2025-01-10&to=2025-01-10&tz=UTC").json()
    assert a["response_ms"] == {"p50": 50.0, "p95": 95.0}
    assert a["per_day"] == [{"date": "2025-01-10", "conversations": 1, "messages": 100}]
    assert a["busiest_hours"][10] == 100
