# SPDX-License-Identifier: LGPL-2.1-or-later
"""Black-box tests of the `cblue` command line: the contract of DESIGN.md §4."""

import json
import os
import subprocess
import sys

import pytest

from conftest import CBLUE, DATADIR


@pytest.mark.parametrize(
    "args",
    [["serve"], ["ask"], ["kb", "import"], ["kb", "export"], ["eval"], ["plugins"], ["kb"]],
)
def test_help_on_every_subcommand(cli, args):
    proc = cli.run(*args, "--help")
    assert proc.returncode == 0, proc.stderr
    assert "Usage" in proc.stdout
    if args != ["kb"]:
        assert "--data-dir" in proc.stdout and "--config" in proc.stdout


def test_unknown_command_fails(cli):
    proc = cli.run("frobnicate")
    assert proc.returncode != 0
    assert "frobnicate" in proc.stderr


@pytest.mark.parametrize(
    "text,language,topic",
    [
        ("ติดโซลาร์เซลล์ราคาเท่าไหร่", "th", "solar-rooftop-price"),
        ("How much does a rooftop solar system cost?", "en", "solar-rooftop-price"),
        # "how much are" asks a price, not the weather ([price] synonyms); a bare price of
        # solar is the rooftop's, not one of the other topics that also give a price
        ("how much are solar panels", "en", "solar-rooftop-price"),
        ("price for solar", "en", "solar-rooftop-price"),
        # "pay back" is the payback, not the net metering's buyback
        ("how many years to pay back", "en", "solar-payback"),
        ("屋顶太阳能多少钱", "zh", "solar-rooftop-price"),
        ("ติด EV charger ที่บ้านได้ไหม", "th", "ev-charger-installation"),
        ("你们的营业时间是几点到几点？", "zh", "office-hours"),
    ],
)
def test_ask_json_answers_in_the_users_language(cli, text, language, topic):
    reply = cli.ask_json(text)
    assert reply["language"] == language
    assert reply["topic_id"] == topic
    assert reply["outcome"] == "answered"
    assert reply["sources"][0]["topic_id"] == topic
    assert reply["pii_redacted"] is False
    assert reply["reply"]
    for key in ("conversation_id", "message_id", "confidence"):
        assert key in reply


def test_ask_out_of_scope_is_polite_and_recorded(cli, tmp_path):
    import sqlite3

    reply = cli.ask_json("Who won the football world cup in 1998?")
    assert reply["outcome"] == "unanswered"
    assert reply["topic_id"] is None
    assert "Sorry" in reply["reply"]
    db = sqlite3.connect(os.path.join(cli.data_dir, "cblue.db"))
    rows = db.execute("SELECT text, language FROM unanswered").fetchall()
    assert rows == [("Who won the football world cup in 1998?", "en")]


DECLINED_REPLY = {"en": "not a service we offer", "th": "ไม่ได้อยู่ในบริการของเรา", "zh": "我们不提供这项服务"}


@pytest.mark.parametrize(
    "asked,mentioned,topic",
    [
        ("How much to clean my aircon?", "How many kW of solar do I need to run 3 air conditioners?", "solar-sizing"),
        ("Do you install solar water heaters?",
         "We already have a solar water heater on the roof. How many kW of panels do we need for a 5,000 baht bill?",
         "solar-sizing"),
        ("รับล้างแอร์ไหมคะ", "บ้านเปิดแอร์ 3 ตัวตอนกลางวัน ค่าไฟเดือนละ 6,000 ควรติดโซลาร์ขนาดไหนคะ", "solar-sizing"),
        ("你们卖柴油发电机吗？", "我家有柴油发电机，装了光伏以后停电时还能用吗？", "solar-power-outage"),
        # a clause that only sends someone to clean asks about the clause before it, not for the panels'
        # cleaning of its own
        ("แอร์ไม่เย็นน้ำหยด ส่งคนมาล้างได้มั้ย", "แผงโซลาร์สกปรกมาก ส่งคนมาล้างได้มั้ย", "solar-maintenance"),
        # another clause asks for what the KB answers: the cleaner named is not a cleaning service asked for
        ("Can you send a maid to clean the house?",
         "fingerprint lock for a sliding glass door doable? and can i send the maid a temporary code",
         "smart-door-lock"),
    ],
)
def test_ask_declined_service_is_unknown_and_a_mention_is_not(cli, asked, mentioned, topic):
    """A question that asks for a service the business does not offer (data/declined/) gets the
    "declined" reply and is recorded as unanswered, not the answer of the topic that shares its
    other words; a question that only mentions the same thing while it asks about a topic is
    answered (docs/quality.md, "Declined services")."""
    import sqlite3

    reply = cli.ask_json(asked)
    assert reply["outcome"] == "unanswered" and reply["topic_id"] is None, reply
    assert DECLINED_REPLY[reply["language"]] in reply["reply"], reply
    db = sqlite3.connect(os.path.join(cli.data_dir, "cblue.db"))
    assert db.execute("SELECT text FROM unanswered").fetchall() == [(asked,)]
    reply = cli.ask_json(mentioned)
    assert reply["outcome"] == "answered" and reply["topic_id"] == topic, reply


@pytest.mark.parametrize("asked", ["Can I get a personal loan from you?", "มีสินเชื่อส่วนบุคคลไหมครับ", "可以借钱吗",
                                   "รับซ่อมรถยนต์ไหม"])
def test_ask_a_loan_or_a_car_repair_is_declined(cli, asked):
    """A personal loan (the financing's loans are for solar) and a car's repair (ซ่อมรถยนต์, which
    the tokenizer does not split after ซ่อมรถ) are declined, while a loan for solar is the financing
    (docs/quality.md, "A set of first messages")."""
    reply = cli.ask_json(asked)
    assert reply["outcome"] == "unanswered" and DECLINED_REPLY[reply["language"]] in reply["reply"], reply
    reply = cli.ask_json("Can I get a bank loan to pay for solar panels?")
    assert (reply["outcome"], reply["topic_id"]) == ("answered", "solar-financing"), reply


@pytest.mark.parametrize("asked", ["Do you help with immigration paperwork?", "รับทำเอกสารตรวจคนเข้าเมืองไหมคะ",
                                   "Can you help my daughter study abroad?", "想让孩子出国留学，有什么建议",
                                   "Can you pack and move our furniture to Chiang Mai?"])
def test_ask_immigration_studying_abroad_or_a_move_is_declined(cli, asked):
    """Immigration paperwork (the solar permits' "permit" and paperwork), studying abroad and
    packing for a move are declined, while a university student asking for an internship is the
    careers and a permit for solar the permits (docs/quality.md, "A twenty-third held-out set")."""
    reply = cli.ask_json(asked)
    assert reply["outcome"] == "unanswered" and DECLINED_REPLY[reply["language"]] in reply["reply"], reply
    for mentioned, topic in (("Do you take university students as interns?", "careers"),
                             ("Do I need permission from PEA to install solar?", "solar-permits")):
        reply = cli.ask_json(mentioned)
        assert (reply["outcome"], reply["topic_id"]) == ("answered", topic), reply


@pytest.mark.parametrize("asked", ["Which internet provider is best for a condo in Bangkok?",
                                   "เน็ตบ้านค่ายไหนดีคะ ย้ายมาอยู่นนทบุรี", "宽带哪家好？刚搬到曼谷",
                                   "If I don't pay my electricity bill, will they cut off my power?",
                                   "ค้างค่าไฟสามเดือน จะโดนตัดไฟไหมคะ", "欠电费会被断电吗"])
def test_ask_an_internet_provider_or_an_unpaid_bill_is_declined(cli, asked):
    """Choosing a home internet provider (the Wi-Fi topic only works with the customer's) and an
    unpaid electricity bill are declined, while weak Wi-Fi with the provider named is the Wi-Fi
    (docs/quality.md, "A twenty-fourth held-out set")."""
    reply = cli.ask_json(asked)
    assert reply["outcome"] == "unanswered" and DECLINED_REPLY[reply["language"]] in reply["reply"], reply
    reply = cli.ask_json("Our True internet is fine downstairs but the bedrooms get no Wi-Fi, can you fix it?")
    assert (reply["outcome"], reply["topic_id"]) == ("answered", "home-network-wifi"), reply


@pytest.mark.parametrize("asked, topic", [
    ("แชทบอทกับจ้างแอดมินเพิ่ม แบบไหนคุ้มกว่ากันครับ", "ai-chatbot"),
    ("What if the panels stop working after 9 years, am I still covered?", "solar-warranty"),
    ("家用太阳能你们只做曼谷吗？", "service-area"),
])
def test_a_choice_a_warranty_still_covered_and_only_bangkok(cli, asked, topic):
    """A Thai choice asked with ไหน does not request the option we do not offer (จ้างแอดมิน), "still
    covered" is the warranty and 只做曼谷 the service area (docs/quality.md, "A twenty-fourth
    held-out set")."""
    reply = cli.ask_json(asked)
    assert (reply["outcome"], reply["topic_id"]) == ("answered", topic), reply


def test_declined_bad_file_is_reported_and_bundled_lists_serve(cli):
    """A business's declined services file with a bad line is reported with its file and line,
    and the bundled lists serve alone; once mended, its services are declined too."""
    folder = os.path.join(cli.data_dir, "declined")
    os.makedirs(folder)
    ours = os.path.join(folder, "ours.txt")
    with open(ours, "w", encoding="utf-8") as f:
        f.write("pizza: pizza oven\nno colon here\n")
    proc = cli.run("ask", "--json", "Do you sell diesel generators?", check=0)
    assert "ours.txt:2:" in proc.stderr, proc.stderr
    assert DECLINED_REPLY["en"] in json.loads(proc.stdout)["reply"]
    proc = cli.run("ask", "--json", "Do you sell a pizza oven?", check=0)
    assert DECLINED_REPLY["en"] not in json.loads(proc.stdout)["reply"]
    with open(ours, "w", encoding="utf-8") as f:
        f.write("pizza: pizza oven\n")
    proc = cli.run("ask", "--json", "Do you sell a pizza oven?", check=0)
    assert proc.stderr == "", proc.stderr
    assert DECLINED_REPLY["en"] in json.loads(proc.stdout)["reply"]


def test_ask_plain_text(cli):
    proc = cli.run("ask", "contact", "phone", "number", check=0)
    assert "02-123-4567" in proc.stdout


def test_ask_stdin_one_reply_per_line(cli):
    lines = ["ติดโซลาร์เซลล์ราคาเท่าไหร่", "", "屋顶太阳能多少钱", "x" * 4001, "office hours?"]
    proc = cli.run("ask", "--json", "--stdin", stdin="\n".join(lines) + "\n")
    assert proc.returncode == 1  # two lines were invalid
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(out) == len(lines)
    assert out[0]["topic_id"] == "solar-rooftop-price"
    assert out[1]["error"]["code"] == "invalid_data"
    assert out[2]["language"] == "zh"
    assert out[3]["error"]["code"] == "too_large"
    assert out[4]["topic_id"] == "office-hours"


def test_ask_errors_exit_non_zero(cli):
    proc = cli.run("ask", "   ")
    assert proc.returncode == 1
    assert "empty" in proc.stderr
    proc = cli.run("ask", "x" * 4001)
    assert proc.returncode == 1
    assert "4000" in proc.stderr
    proc = cli.run("ask")
    assert proc.returncode == 2


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return str(path)


GOOD = [
    {"topic_id": "t1", "category": "c", "content": {"en": "one", "th": "หนึ่ง"}, "questions": {"en": ["first?"]}},
    {"topic_id": "t2", "content": {"zh": "二"}},
]


def export(cli):
    proc = cli.run("kb", "export", check=0)
    return json.loads(proc.stdout)


def test_kb_import_export_roundtrip_and_merge(cli, tmp_path):
    good = write(tmp_path, "good.json", json.dumps(GOOD))
    proc = cli.run("kb", "import", good, check=0)
    assert "2" in proc.stdout
    entries = export(cli)
    assert [e["topic_id"] for e in entries] == ["t1", "t2"]
    assert entries[0]["content"]["th"] == "หนึ่ง"
    # JSON Lines, merged by topic_id
    jsonl = write(tmp_path, "more.jsonl", json.dumps({"topic_id": "t2", "content": {"en": "two"}}) + "\n"
                  + json.dumps({"topic_id": "t3", "content": {"en": "three"}}) + "\n")
    cli.run("kb", "import", jsonl, check=0)
    entries = {e["topic_id"]: e for e in export(cli)}
    assert set(entries) == {"t1", "t2", "t3"}
    assert entries["t2"]["content"] == {"en": "two"}
    # export --jsonl re-imports to the same KB
    out = tmp_path / "out.jsonl"
    cli.run("kb", "export", "--jsonl", "-o", str(out), check=0)
    assert len(out.read_text().splitlines()) == 3


BAD = [
    ("bad-json.json", '[{"topic_id": "x", ', ["bad-json.json"]),
    ("unknown-field.json", json.dumps([{"topic_id": "x", "content": {"en": "x"}, "price": 1}]),
     ["unknown-field.json", "entry 1", "price"]),
    ("missing-id.json", json.dumps([GOOD[0], {"content": {"en": "x"}}]), ["missing-id.json", "entry 2", "topic_id"]),
    ("duplicate.json", json.dumps([GOOD[0], GOOD[0]]), ["duplicate.json", "entry 2", "duplicate"]),
    ("utf8.json", b'[{"topic_id": "x", "content": {"en": "\xff"}}]', ["utf8.json", "UTF-8"]),
    ("lang.json", json.dumps([{"topic_id": "x", "content": {"fr": "bonjour"}}]), ["lang.json", "entry 1", "fr"]),
    ("line.jsonl", json.dumps(GOOD[0]) + "\n" + "{oops}\n", ["line.jsonl", "line 2"]),
]


@pytest.mark.parametrize("name,text,expected", BAD, ids=[b[0] for b in BAD])
def test_kb_import_bad_file_changes_nothing(cli, tmp_path, name, text, expected):
    cli.run("kb", "import", write(tmp_path, "good.json", json.dumps(GOOD)), check=0)
    before = export(cli)
    proc = cli.run("kb", "import", write(tmp_path, "new.json", json.dumps([{"topic_id": "new", "content": {"en": "n"}}])),
                   write(tmp_path, name, text))
    assert proc.returncode == 1
    for part in expected:
        assert part in proc.stderr, proc.stderr
    assert export(cli) == before


def test_kb_import_language_not_enabled_in_config(cli, tmp_path):
    config = tmp_path / "cblue.conf"
    config.write_text("[core]\nlanguages=en,th\n")
    proc = cli.run("kb", "import", write(tmp_path, "zh.json", json.dumps([GOOD[1]])), config=config)
    assert proc.returncode == 1
    assert "zh" in proc.stderr and "entry 1" in proc.stderr


def test_kb_import_missing_file(cli):
    proc = cli.run("kb", "import", "/nonexistent/kb.json")
    assert proc.returncode == 1
    assert "/nonexistent/kb.json" in proc.stderr


def test_bad_config_file(cli, tmp_path):
    config = tmp_path / "bad.conf"
    config.write_text("this is not a key file\n")
    proc = cli.run("ask", "hello", config=config)
    assert proc.returncode == 1
    assert "bad.conf" in proc.stderr


def test_plugins_lists_the_embedded_default(cli):
    proc = cli.run("plugins", "--json", check=0)
    info = json.loads(proc.stdout)
    names = {p["name"]: p for p in info["plugins"]}
    for name in ("store-sqlite", "retrieval-bm25", "model-extractive", "queue-local"):
        assert names[name]["enabled"], name
    assert "dummy" not in names
    assert names["store-sqlite"]["kinds"] == ["store"]
    assert info["failures"] == []


# recorded with the default decision model and answer threshold (docs/quality.md): top-1 and
# out-of-scope F1, in-sample (the defaults are calibrated on the five labelled sets together;
# the cross-validated figures are in docs/quality.md). eval-fresh.tsv was held out until it was
# first measured. dev th out-of-scope F1 0.889 → 0.966, fresh en 0.750 → 0.774 and zh 0.909 →
# 0.882 with the models learned on every set and the square of the length (docs/quality.md,
# "Short questions").
RECORDED = {
    # en out-of-scope F1 0.960 → 0.917 with the models learned with eval-fresh6.tsv's long
    # out-of-scope requests (docs/quality.md, "A sixth held-out set"): "what is Cblue's stock
    # price today" reaches the office hours
    "eval-bundled.tsv": {"en": (0.987, 0.960), "th": (1.000, 0.960), "zh": (1.000, 0.957)},
    # en out-of-scope F1 0.929 → 0.889 with the place names (docs/quality.md, "Places"): "can
    # you book me a flight to chiang mai" now reaches the service area
    "eval-dev.tsv": {"en": (0.967, 0.929), "th": (1.000, 0.966), "zh": (1.000, 0.897)},
    # zh out-of-scope F1 0.938 → 0.875 with the code-mixed synonyms and the models recalibrated on
    # them (docs/quality.md, "English product words in Thai and Chinese questions"):
    # "装solar的钱多久赚得回来啊", answered wrongly before, is now refused like the same question
    # written 装太阳能 (a wrong answer less, counted as an out-of-scope false positive); en 0.812
    # → 0.750 with the place names ("recommend a nice hotel in hua hin" reaches the service area)
    # out-of-scope F1 en 0.774 → 0.750, th 0.774 → 0.750, zh 0.882 → 0.857 with the models learned
    # with eval-fresh6.tsv: an in-scope question more refused in each language; zh 0.938 → 0.968
    # with the seventeenth set's example questions of the permits topic; en 0.975 / 0.812 → 1.000 /
    # 0.909 with the nineteenth set's phone abbreviations and declined promises
    "eval-fresh.tsv": {"en": (1.000, 0.909), "th": (0.900, 0.909), "zh": (0.975, 0.968)},
}

# issue #2's bar (top-1 >= 0.90 per language), met by the sets the defaults were calibrated on
# and not yet by the held-out one (docs/quality.md)
MIN_TOP1 = {"eval-bundled.tsv": "0.90", "eval-dev.tsv": "0.90", "eval-fresh.tsv": "0"}


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_eval_labelled_sets_do_not_regress(cli, name):
    """The quality bar of issue #2 where the set meets it (MIN_TOP1) and no language more than
    two points below its recorded top-1 or out-of-scope F1."""
    proc = cli.run("eval", "--json", "--min-top1", MIN_TOP1[name], os.path.join(DATADIR, name))
    report = json.loads(proc.stdout)
    assert proc.returncode == 0, (report, proc.stderr)
    for lang, (top1, oos_f1) in RECORDED[name].items():
        stats = report["languages"][lang]
        assert stats["queries"] >= 30
        assert stats["out_of_scope"] >= 10
        assert stats["top1"] >= top1 - 0.02, (lang, stats)
        assert stats["oos_f1"] >= oos_f1 - 0.02, (lang, stats)


# The later labelled sets, each written without the bot and measured once before anything was
# changed for it (since "The defaults since the twelfth held-out set" in docs/quality.md, every
# one but the twelfth is also among the calibration sets, LABELLED_SETS, and its floors are the
# figures of the models learned on them, with the declined services of docs/quality.md): per set, its in-scope and out-of-scope questions a language and the floors of
# each language (top-1, top-3, answered with the expected topic, out-of-scope F1). Kept apart
# from RECORDED so that the floors can move on their own when retrieval changes land.
# Raised where the customers' words of docs/quality.md ("In-scope misses after the thirteenth
# set") answered more, and only in the figures they moved.
HELD_OUT = {
    # held out until its first measurement (docs/quality.md, "A second held-out set"), since
    # then one of the sets the defaults are calibrated on. Since the models were learned with
    # eval-fresh6.tsv too (docs/quality.md, "A sixth held-out set"), stricter on long questions:
    # answered / OOS F1 were en .844 / .919, th .911 / .919, zh .911 / .927. en OOS F1 .850 → .878,
    # zh .956 / 1 / .911 / .905 → .978 / 1 / .933 / .927 with the everyday words (docs/quality.md,
    # "Everyday words, topic by topic"); fresh3 th answered / OOS F1 .800 / .643 → .844 / .692 too.
    "eval-fresh2.tsv": ((45, 20), {
        "en": (0.867, 0.956, 0.867, 0.878),
        "th": (0.911, 1.000, 0.844, 0.884),
        "zh": (1.000, 1.000, 0.978, 0.950),
    }),
    # docs/quality.md, "A third held-out set": first measured at en .756 / .867 / .711 / .750, th
    # .822 / .956 / .822 / .609, zh .933 / 1 / .911 / .815; these are the figures after the
    # synonyms and models that followed (English top-1 back to .756 when square metres became one
    # word: "ballpark per square metre" for a shophouse's renovation now reaches the roof repair,
    # which says both "sqm" and "square metre"). Answered / OOS F1 before the models learned with
    # eval-fresh6.tsv: en .756 / .857, th .867 / .636, zh .933 / .846. English OOS F1 .750 →
    # .788 with the request part of a longer message (docs/quality.md, "Long messages").
    "eval-fresh3.tsv": ((45, 15), {
        "en": (0.778, 0.933, 0.733, 0.788),
        "th": (0.889, 0.978, 0.867, 0.867),
        "zh": (0.933, 1.000, 0.844, 0.800),
    }),
    # docs/quality.md, "A fourth held-out set": measured once at en .911 / .978 / .822 / .595, th
    # .844 / .911 / .778 / .649, zh .911 / 1 / .867 / .629; these are the figures after the
    # vocabulary that followed and the models learned with eval-fresh6.tsv (answered / OOS F1
    # before them: en .889 / .647, th .822 / .686, zh .889 / .647). Not among the calibration sets.
    "eval-fresh4.tsv": ((45, 20), {
        "en": (0.933, 0.978, 0.889, 0.821),
        "th": (0.844, 0.911, 0.822, 0.737),
        "zh": (0.911, 1.000, 0.889, 0.821),
    }),
    # docs/quality.md, "A fifth held-out set" (phone chat, code-mixed, typos, Traditional
    # characters): measured once at en .933 / .978 / .933 / .857, th 1 / 1 / 1 / .947, zh 1 / 1 /
    # 1 / .857; these are the figures after the misspellings and the typo correction that
    # followed, and the models learned with eval-fresh6.tsv (OOS F1 before them .857 / .947 /
    # .857). Not among the calibration sets.
    "eval-fresh5.tsv": ((45, 20), {
        "en": (0.978, 1.000, 0.978, 0.974),
        "th": (1.000, 1.000, 1.000, 1.000),
        "zh": (1.000, 1.000, 1.000, 1.000),
    }),
    # docs/quality.md, "A sixth held-out set" (long formal requests, comparisons, constraints):
    # measured once at en .956 / 1 / .956 / .621, th 1 / 1 / 1 / .571, zh 1 / 1 / 1 / .519: its
    # out-of-scope requests were answered because they were long. Since then one of the
    # calibration sets. English top-1 / answered .956 → .978 with "surplus" as "excess"
    # (docs/quality.md, "Topic terms and everyday words").
    "eval-fresh6.tsv": ((45, 20), {
        "en": (1.000, 1.000, 1.000, 0.919),
        "th": (1.000, 1.000, 1.000, 0.919),
        "zh": (1.000, 1.000, 1.000, 0.974),
    }),
    # docs/quality.md, "A seventh held-out set" (a widget's traffic, out-of-scope questions as
    # long as the others), measured once with the models learned with eval-fresh6.tsv (the
    # models before them: OOS F1 en .462, th .667, zh .552). Not among the calibration sets.
    "eval-fresh7.tsv": ((45, 20), {
        "en": (1.000, 1.000, 1.000, 0.824),
        "th": (1.000, 1.000, 1.000, 0.824),
        "zh": (0.978, 1.000, 0.978, 0.923),
    }),
    # docs/quality.md, "An eighth held-out set" (short first messages of a chat app, everyday
    # questions that describe the need, near misses of the trade), measured once at en .889 /
    # .933 / .844 / .722, th .911 / .978 / .911 / .865; these are the figures after the everyday
    # words that followed ("Topic terms and everyday words"), and OOS F1 en .743 → .778 with the
    # request part of a longer message ("Long messages"; zh .889 → .919 only while a Chinese
    # comma ended a sentence, which the ninth and tenth sets did not bear out). Not among the
    # calibration sets.
    "eval-fresh8.tsv": ((45, 20), {
        "en": (0.956, 1.000, 0.956, 0.947),
        "th": (0.978, 1.000, 0.978, 0.947),
        "zh": (1.000, 1.000, 1.000, 1.000),
    }),
    # docs/quality.md, "A ninth held-out set" (a third short chat messages, a third everyday
    # questions, a third several sentences with the question among them; near misses checked
    # absent from the KB), measured once at these figures; the everyday words that followed the
    # eighth set did not move it; zh .933 / 1 / .911 → .956 / 1 / .933 with the request part of
    # a longer message ("Long messages"). Not among the calibration sets. en answered / OOS F1
    # .800 / .769 → .822 / .789 with "Everyday words, topic by topic" (docs/quality.md).
    "eval-fresh9.tsv": ((45, 20), {
        "en": (0.889, 0.978, 0.889, 0.872),
        "th": (0.956, 0.978, 0.956, 0.947),
        "zh": (0.978, 1.000, 0.978, 0.947),
    }),
    # docs/quality.md, "A tenth held-out set" (customers who do not know the trade's words:
    # symptoms and wishes, brands, places and amounts, comparisons and yes/no questions; a third
    # short chat messages), measured once at these figures. Not among the calibration sets.
    # Raised with the everyday words (docs/quality.md, "Everyday words, topic by topic"): en
    # .711 / .689 → .733 / .711 (top-1 / answered), th answered / OOS F1 .822 / .718 → .844 / .737,
    # zh .933 / .822 / .727 → .956 / .867 / .762 (top-1 / answered / OOS F1).
    "eval-fresh10.tsv": ((45, 20), {
        "en": (0.844, 0.933, 0.844, 0.878),
        "th": (0.956, 1.000, 0.889, 0.789),
        "zh": (0.978, 1.000, 0.933, 0.878),
    }),
    # docs/quality.md, "An eleventh held-out set" (short chat messages, one-sentence questions and
    # two or three sentences, a third each; askers from homes to factories), measured once at
    # these figures, after the request part and the everyday words; en .933 / .978 / .933 before
    # the seventeenth set's synonyms and declined phrases. Not among the calibration sets.
    "eval-fresh11.tsv": ((45, 20), {
        "en": (0.956, 1.000, 0.956, 0.889),
        "th": (0.978, 1.000, 0.978, 0.889),
        "zh": (1.000, 1.000, 1.000, 0.974),
    }),
    # docs/quality.md, "A twelfth held-out set" (a third short chat messages, a third one sentence,
    # a third with a greeting and the customer's situation; near misses, general questions and
    # promises the company cannot make out of scope), measured blind at en .889 / .933 / .867 /
    # .645, th 1 / 1 / .978 / .500, zh .933 / 1 / .933 / .667 with the models learned on seven
    # sets; these are the figures with the models learned on every other set (docs/quality.md,
    # "The defaults since the twelfth held-out set") and the declined services ("Declined
    # services"); zh .956 / 1 / .933 before the seventeenth set's synonyms. Not among the
    # calibration sets.
    "eval-fresh12.tsv": ((45, 20), {
        "en": (0.956, 0.978, 0.956, 0.824),
        "th": (1.000, 1.000, 0.978, 0.727),
        "zh": (0.978, 1.000, 0.956, 0.865),
    }),
    # docs/quality.md, "A thirteenth held-out set" (casual and indirect questions, Thai without
    # spaces, near misses, general questions and promises out of scope), measured blind at en
    # .867 / .978 / .822 / .718, th .933 / .978 / .933 / .788, zh .956 / 1 / .956 / .889; these
    # are the figures after the session's synonyms, KB questions and declined services, several
    # of them made from its misses. Not among the calibration sets.
    "eval-fresh13.tsv": ((45, 20), {
        "en": (0.956, 0.978, 0.933, 0.821),
        "th": (0.956, 1.000, 0.956, 0.919),
        "zh": (0.978, 1.000, 0.978, 0.947),
    }),
    # docs/quality.md, "A fourteenth held-out set" (customers from farms to factories, hotels,
    # condos, temples; written blind and measured at the start and at the end of the session
    # that made the thirteenth set's changes, then one fix of the declined wells). Not among the
    # calibration sets.
    "eval-fresh14.tsv": ((45, 20), {
        "en": (0.867, 0.978, 0.867, 0.923),
        "th": (0.956, 1.000, 0.933, 0.800),
        "zh": (0.956, 1.000, 0.911, 0.900),
    }),
    # docs/quality.md, "A fifteenth held-out set" (chat bursts, voice-typed text without
    # punctuation, amounts and units, comparisons, Thai without spaces, Simplified and Traditional
    # Chinese; every topic once a language), measured blind at en .978 / 1 / .956 / .950, th 1 /
    # 1 / 1 / .919, zh 1 / 1 / 1 / 1; these are the figures after the session's three fixes, all
    # made from its misses. Not among the calibration sets.
    "eval-fresh15.tsv": ((45, 20), {
        "en": (1.000, 1.000, 1.000, 1.000),
        "th": (1.000, 1.000, 1.000, 1.000),
        "zh": (1.000, 1.000, 1.000, 1.000),
    }),
    # docs/quality.md, "A sixteenth held-out set" (several questions in one message, the need
    # described instead of named, misnamed products, worries, business owners; every topic once a
    # language), measured blind at en .822 / .933 / .822 / .865, th .889 / .978 / .889 / .950, zh
    # .933 / .978 / .867 / .905; these are the figures after the session's synonyms and declined
    # phrases, made from its misses. Not among the calibration sets.
    "eval-fresh16.tsv": ((45, 20), {
        "en": (0.844, 0.933, 0.844, 1.000),
        "th": (0.911, 0.978, 0.911, 0.974),
        "zh": (0.933, 0.978, 0.911, 0.976),
    }),
    # docs/quality.md, "A seventeenth held-out set" (a third keyword-like, a third with the
    # customer's figures and situation, a third asking about one aspect of a product in other
    # words; every topic once a language), measured blind at en .889 / .911 / .867 / .927, th .956
    # / .978 / .956 / .974, zh .933 / 1 / .889 / .927; these are the figures after the session's
    # synonyms, declined phrases and KB questions, made from its misses. Not among the
    # calibration sets.
    "eval-fresh17.tsv": ((45, 20), {
        "en": (0.911, 0.933, 0.911, 0.976),
        "th": (0.978, 0.978, 0.978, 1.000),
        "zh": (0.978, 1.000, 0.956, 0.950),
    }),
    # docs/quality.md, "An eighteenth held-out set" (as customers in Thailand write on chat apps:
    # a third by non-native writers, a third voice-typed, a third about a post, a friend's
    # installation, a competitor's quotation or a photo sent; every topic once a language),
    # measured blind at en .911 / .978 / .911 / .927, th .978 / 1 / .978 / .950, zh 1 / 1 / .978
    # / .950; these are the figures after the session's synonyms and declined phrases, made from
    # its misses, less a point or two. Not among the calibration sets. zh answered / OOS F1 .978 /
    # .976 → 1 / 1 with the nineteenth set's Chinese service-area question.
    "eval-fresh18.tsv": ((45, 20), {
        "en": (0.978, 0.978, 0.978, 0.975),
        "th": (0.978, 1.000, 0.978, 0.975),
        "zh": (0.978, 1.000, 0.978, 0.976),
    }),
    # docs/quality.md, "A nineteenth held-out set" (customers weighing a purchase in the web
    # widget: a third comparisons and decisions, a third with two to four sentences of situation
    # first, a third terse phone typing; every topic once a language), measured blind at en .956 /
    # .978 / .889 / .850, th .978 / 1 / .956 / .923, zh .933 / 1 / .889 / .930; these are the
    # figures after the session's synonyms, declined phrases and KB questions, made from its
    # misses, less a point or two. Not among the calibration sets.
    "eval-fresh19.tsv": ((45, 20), {
        "en": (0.956, 0.978, 0.933, 0.900),
        "th": (0.978, 1.000, 0.978, 0.976),
        "zh": (0.911, 1.000, 0.911, 0.952),
    }),
    # docs/quality.md, "A twentieth held-out set" (a third after-sales customers writing about
    # their own installation, a third organisations: a factory, a condo's juristic person, a
    # hotel, a school, a temple, a municipality asking for quotations, tender specs and tax
    # invoices; a third people writing in their second language; every topic once a language),
    # measured blind at en .956 / 1 / .956 / 1, th .956 / 1 / .933 / .895, zh .933 / 1 / .889 /
    # .952; these are the figures after the session's synonyms and declined phrases, made from
    # its misses, less a point or two. Not among the calibration sets.
    "eval-fresh20.tsv": ((45, 20), {
        "en": (0.933, 1.000, 0.933, 0.976),
        "th": (0.933, 1.000, 0.911, 0.900),
        "zh": (0.911, 1.000, 0.889, 0.952),
    }),
    # docs/quality.md, "A twenty-first held-out set" (a third sceptics and negotiators, a third
    # very short phone messages, a third seasonal and situational customers: the rainy season,
    # April's heat, Songkran, floods, moving house, a new baby, a new EV; every topic once a
    # language), measured blind at en .933 / .956 / .911 / .811, th .911 / 1 / .778 / .714, zh
    # .911 / .978 / .867 / .829; these are the figures after the session's synonyms and declined
    # phrases, made from its misses, less a point or two. Not among the calibration sets.
    "eval-fresh21.tsv": ((45, 20), {
        "en": (0.911, 0.956, 0.889, 0.850),
        "th": (0.911, 1.000, 0.800, 0.810),
        "zh": (0.933, 1.000, 0.889, 0.900),
    }),
    # docs/quality.md, "A twenty-second held-out set" (a third heavy code-mixing and Thai written
    # in Latin letters, a third customers asking for someone else or for a property: a father, a
    # landlord, an agent, a developer, a farmer; a third informal and emotional messages; every
    # topic once a language), measured blind at en .889 / 1 / .822 / .878, th .956 / 1 / .956 /
    # .950, zh .933 / .956 / .933 / .950; these are the figures after the session's small talk,
    # synonyms and declined phrases, made from its misses, less a point or two. Not among the
    # calibration sets.
    "eval-fresh22.tsv": ((45, 20), {
        "en": (0.933, 1.000, 0.933, 0.950),
        "th": (0.956, 1.000, 0.956, 0.925),
        "zh": (0.933, 0.978, 0.933, 0.975),
    }),
    # docs/quality.md, "A twenty-third held-out set" (long, chatty messages with the customer's
    # own details before the question: a bill, a house, a province, a budget, a deadline; messages
    # as voice-to-text writes them; busy professionals' terse ones; every topic once a language),
    # measured blind at en .911 / .978 / .911 / .846, th 1 / 1 / 1 / .889, zh .956 / .978 / .956 /
    # 1; these are the figures after the session's synonyms and declined phrases, made from its
    # misses, less a point or two. Not among the calibration sets.
    "eval-fresh23.tsv": ((45, 15), {
        "en": (0.933, 0.978, 0.933, 0.966),
        "th": (0.978, 1.000, 0.978, 0.933),
        "zh": (0.956, 0.978, 0.956, 0.966),
    }),
    # docs/quality.md, "A twenty-fourth held-out set" (customers who compare and choose, who negate
    # or narrow what they want, who ask conditionally; out of scope, comparisons and conditions about
    # what the business does not do; every topic once a language), measured blind at en .867 / 1 /
    # .867 / .966, th .956 / 1 / .933 / .897, zh .911 / 1 / .889 / .903; these are the figures after
    # the session's declined phrases, synonyms and Thai ไหน, made from its misses, less a point or
    # two; en top-1 and answered .889 with the negated options left out (docs/quality.md, "Negated
    # options: the alternative decides"). Not among the calibration sets.
    "eval-fresh24.tsv": ((45, 15), {
        "en": (0.889, 0.978, 0.889, 0.966),
        "th": (0.933, 0.978, 0.933, 0.966),
        "zh": (0.911, 0.978, 0.889, 0.933),
    }),
    # docs/quality.md, "A twenty-fifth held-out set" (the three languages and scripts mixed the
    # other way round: Thai with Chinese words, Chinese with Thai words and Thai place names in Thai
    # script, English with both; brand names; Thai in Latin letters and pinyin; 40 topics a
    # language), measured blind at en 1 / 1 / 1 / .846, th .950 / .975 / .925 / .909, zh .950 /
    # .975 / .950 / .903; these are the figures after the session's romanised synonyms, language
    # detection and declined phrases, made from its misses, less a point or two. Not among the
    # calibration sets.
    "eval-fresh25.tsv": ((40, 15), {
        "en": (0.975, 1.000, 0.975, 0.910),
        "th": (0.950, 0.975, 0.900, 0.890),
        "zh": (0.975, 1.000, 0.975, 0.945),
    }),
    # docs/quality.md, "A twenty-sixth held-out set" (existing customers and people in trouble
    # writing colloquially: after-sales problems in Thai chat style, colloquial Chinese and casual
    # English; out of scope in the same moods; 40 in scope over 32 topics a language), measured blind
    # at en .900 / .950 / .775 / .778, th .775 / .925 / .700 / .811, zh .775 / .950 / .550 / .609;
    # these are the figures after the session's stop words, synonyms, keywords and declined phrases,
    # made from its misses, less a point or two. Not among the calibration sets.
    "eval-fresh26.tsv": ((40, 15), {
        "en": (0.910, 0.940, 0.810, 0.810),
        "th": (0.790, 0.910, 0.740, 0.870),
        "zh": (0.810, 0.960, 0.740, 0.755),
    }),
    # docs/quality.md, "A twenty-seventh held-out set" (organisations and professionals: factories,
    # hotels, schools, temples, hospitals, juristic persons, farms, shop chains, developers, architects
    # and contractors, procurement; numbers, units and the trade's words; 46 in scope a language),
    # measured blind at en .913 / 1 / .913 / .933, th .978 / 1 / .957 / .815, zh .978 / 1 / .957 /
    # .897; these are the figures after the session's declined services, KB words and recommendation
    # clauses, made from its misses, less a question. Not among the calibration sets.
    "eval-fresh27.tsv": ((46, 15), {
        "en": (0.956, 1.000, 0.956, 0.966),
        "th": (0.956, 1.000, 0.935, 0.900),
        "zh": (0.956, 1.000, 0.956, 0.966),
    }),
    # docs/quality.md, "A twenty-eighth held-out set" (after-sales and service requests written at
    # length: the customer tells what happened before asking, polite and formal or annoyed; out of
    # scope told the same way; 32 in scope over 18 topics a language), measured blind at en .969 /
    # 1 / .938 / .375, th .875 / .938 / .875 / .286, zh .812 / .938 / .812 / .818; these are those
    # figures less a point (the session's one fix, the lock's maids, changed one English question).
    # The low out-of-scope F1 is the set's finding: long stories about other trades are answered.
    # Not among the calibration sets.
    # Out-of-scope F1 en .400 → .500, th .286 → .400, zh .818 → .870 with the bare requests for a
    # repair (docs/quality.md, "A bare request for a repair points at what the message tells of").
    "eval-fresh28.tsv": ((32, 12), {
        "en": (0.960, 0.990, 0.960, 0.480),
        "th": (0.865, 0.930, 0.865, 0.380),
        "zh": (0.800, 0.930, 0.800, 0.850),
    }),
    # docs/quality.md, "A twenty-ninth held-out set" (a third each: people who do not know the
    # product's name and describe it, voice-typed and IME slips, people asking for someone else; 30
    # in scope and 12 out of scope a language), measured blind at en .633 / .900 / .633 / .857, th
    # .967 / .967 / .933 / .923, zh .933 / 1 / .933 / .957; these are the figures after the
    # session's synonyms, declined phrases and stop words, made from its misses, less a point.
    # Not among the calibration sets.
    "eval-fresh29.tsv": ((30, 12), {
        "en": (0.690, 0.923, 0.657, 0.847),
        "th": (0.957, 0.957, 0.957, 0.950),
        "zh": (0.923, 0.990, 0.923, 0.990),
    }),
    # docs/quality.md, "Long out-of-scope messages: data for the decision model" (stories, emails and
    # complaints of 120-400 characters in English, 80-300 in Thai, 40-150 in Chinese, a fifth of the
    # Chinese in Traditional: 32 in scope ending in a question the KB answers, 30 out of scope of the
    # same shapes about appliances, cars, banks, bills, landlords, health, travel and other
    # companies' batteries, apps and warranties), written as training data for the decision model
    # and measured blind with the shipped models: the out-of-scope stories were answered (recall
    # .167 / .200 / .667). The models learned with it were not shipped (they answered fewer
    # in-scope questions of the other sets), so it is not among the calibration sets. Floors: those
    # figures less a point.
    "eval-long1.tsv": ((32, 30), {
        "en": (0.990, 0.990, 0.990, 0.276),
        "th": (0.990, 0.990, 0.990, 0.323),
        "zh": (0.958, 0.990, 0.958, 0.790),
    }),
    # docs/quality.md, "A second set of long messages: the request's coverage" (stories, emails and
    # complaints of the same shapes and lengths as eval-long1.tsv's, about other stories: a clinic's
    # LINE, a mushroom farm's humidity, a night-shift nurse's battery, a rice mill's dust; out of
    # scope a laptop that overheats, a cat that stops eating, a visa, a hair colour, a gym's renewal,
    # termites, another company's electric car and robot vacuum; 29 / 29 / 26 in scope and 26 out of
    # scope), the held-out judge of the decision features of that section, measured blind with the
    # shipped models (the out-of-scope stories answered, recall .308 / .346 / .846). Neither a
    # calibration set nor learned on. Floors: those figures less a point.
    "eval-long2.tsv": ({"en": (29, 26), "th": (29, 26), "zh": (26, 26)}, {
        "en": (0.852, 0.990, 0.852, 0.461),
        "th": (0.887, 0.990, 0.887, 0.504),
        "zh": (0.913, 0.990, 0.913, 0.888),
    }),
    # docs/quality.md, "A thirtieth held-out set" (the company and the buying process as a web chat's
    # customers ask it, short and in full sentences: where, when, how to contact, a quote, the survey,
    # how long, how big a system, paying, instalments, documents, certificates, a warranty claim;
    # 32 in scope over 12 topics and 12 out of scope a language), measured blind at en .875 / .969 /
    # .812 / .833, th .750 / .906 / .719 / .870, zh .781 / .906 / .688 / .667; these are the figures
    # after the session's synonyms (a system's size, the ways to pay, where the company is, a quote or
    # a claim got with a light verb), made from its misses, less a point. Not among the calibration sets.
    "eval-fresh30.tsv": ((32, 12), {
        "en": (0.930, 0.990, 0.900, 0.860),
        "th": (0.835, 0.930, 0.805, 0.860),
        "zh": (0.865, 0.930, 0.805, 0.740),
    }),
    # docs/quality.md, "A thirty-first held-out set" (regional varieties: Singlish and Malaysian,
    # Indian, Filipino and Burmese workers', British and Australian English; Isan, northern, southern
    # and Bangkok chat Thai; Taiwanese, Hong Kong Cantonese, Malaysian and mainland Chinese, a third
    # in Traditional; 30 in scope and 12 out of scope a language), measured blind at en .867 / 1 /
    # .733 / .828, th .867 / .933 / .767 / .800, zh .833 / 1 / .700 / .800; these are the figures
    # after the session's regional synonyms and stop words, made from its misses, less a point.
    # Not among the calibration sets.
    "eval-fresh31.tsv": ((30, 12), {
        "en": (0.857, 0.990, 0.857, 0.950),
        "th": (0.890, 0.990, 0.890, 0.947),
        "zh": (0.890, 0.990, 0.857, 0.913),
    }),
    # docs/quality.md, "A thirty-second held-out set" (questions full of numbers and units: budgets,
    # bills, sizes and capacities written every way, areas, counts, durations, Thai digits and
    # Chinese numerals; 30 in scope and 12 out of scope a language, the out of scope numbers about
    # other things), measured blind at en .933 / 1 / .933 / .909, th .933 / 1 / .933 / .818, zh .933 /
    # 1 / .867 / .923; these are the figures after the session's declined phrases, synonym and stop
    # word, made from its misses, less a question. Not among the calibration sets.
    "eval-fresh32.tsv": ((30, 12), {
        "en": (0.900, 0.967, 0.900, 0.850),
        "th": (0.900, 0.967, 0.900, 0.860),
        "zh": (0.900, 0.967, 0.900, 0.950),
    }),
    # docs/quality.md, "A thirty-third held-out set" (brand names, models and specifications: panel,
    # inverter, battery, charger, camera and lock brands in Latin, Thai and Chinese spellings, tier 1,
    # warranty by brand; 25 in scope and 10 out of scope a language, the out of scope brands of things
    # not sold or serviced), measured blind at en .760 / .920 / .680 / .762, th .840 / .960 / .760 /
    # .800, zh .840 / .920 / .840 / .857; these are the figures after the session's brand spellings,
    # keywords and declined phrases, made from its misses, less a point. Not among the calibration sets.
    "eval-fresh33.tsv": ((25, 10), {
        "en": (0.830, 0.950, 0.710, 0.860),
        "th": (0.950, 0.990, 0.910, 0.942),
        "zh": (0.870, 0.990, 0.870, 0.942),
    }),
    # docs/quality.md, "A set of first messages" (a chat's opening message rather than one topic's
    # question: what the company sells or is, whether it is real, a quote, the bill, a house being
    # built, a factory's power costs; 30 in scope and 15 out of scope a language), measured blind at
    # en .800 / .900 / .600 / .765, th .867 / .967 / .833 / .867, zh .733 / .867 / .600 / .684; these
    # are the figures after the session's synonyms and declined phrases, made from its misses, less a
    # question. Not among the calibration sets.
    "eval-openers1.tsv": ((30, 15), {
        "en": (0.800, 0.867, 0.600, 0.770),
        "th": (0.833, 0.933, 0.800, 0.900),
        "zh": (0.900, 0.933, 0.733, 0.770),
    }),
    # docs/quality.md, "A second set of first messages" (short general openers on LINE, Facebook and
    # the web widget: a product word alone, a need with no question, a greeting and a need; 30 in
    # scope and 15 out of scope a language), measured blind at en .867 / 1 / .800 / .938, th .867 /
    # .933 / .833 / .882, zh .833 / .967 / .733 / .882; these are the figures after the session's
    # overview of a product named alone, synonyms and stop words, made from its misses, less a
    # question. Not among the calibration sets.
    "eval-openers2.tsv": ((30, 15), {
        "en": (0.933, 0.967, 0.900, 0.938),
        "th": (0.933, 0.967, 0.933, 0.938),
        "zh": (0.867, 0.967, 0.767, 0.879),
    }),
    # docs/quality.md, "An out-of-scope set" (45 out of scope a language, weighted to near misses
    # that share the KB's words, and 20 in scope over the KB's topics), measured blind at en 1 / 1 /
    # 1 / .889, th 1 / 1 / 1 / .929, zh 1 / 1 / 1 / .902; these are the figures after the session's
    # bare clauses and declined phrases, made from its misses. Not among the calibration sets.
    "eval-oos1.tsv": ((20, 45), {
        "en": (1.000, 1.000, 1.000, 0.941),
        "th": (1.000, 1.000, 1.000, 0.966),
        "zh": (1.000, 1.000, 1.000, 0.929),
    }),
}


@pytest.mark.parametrize("name", sorted(HELD_OUT))
def test_eval_held_out_sets_do_not_regress(cli, name):
    """No language of a later held-out set more than two points below its recorded figures."""
    counts, floors = HELD_OUT[name]
    proc = cli.run("eval", "--json", os.path.join(DATADIR, name))
    report = json.loads(proc.stdout)
    assert proc.returncode == 0, (report, proc.stderr)
    # --calibrate tunes a replay of the decision: it must give every outcome the bot gave
    assert "differ from the replayed decision" not in proc.stderr, proc.stderr
    for lang, recorded in floors.items():
        # the same numbers for every language, or a language's own (in scope, out of scope)
        in_scope, out_of_scope = counts[lang] if isinstance(counts, dict) else counts
        stats = report["languages"][lang]
        assert stats["queries"] == in_scope and stats["out_of_scope"] == out_of_scope, (lang, stats)
        measured = (stats["top1"], stats["top3"], stats["answered_correct"], stats["oos_f1"])
        for field, value, floor in zip(("top1", "top3", "answered", "oos_f1"), measured, recorded):
            assert value >= floor - 0.02, (name, lang, field, stats)


# docs/quality.md, "Reply language: `lang-fresh1.tsv`": the share of each language's messages
# (short ones, code-mixed both ways, romanised Thai and pinyin, names and numbers only) whose reply
# is in the language expected, a point under the figures after the session's detection changes
# (en 1 / th 1 / zh 1; blind .987 / .946 / .953)
LANG_FRESH1_FLOORS = {"en": (152, 0.99), "th": (148, 0.99), "zh": (150, 0.99)}


def test_reply_language_set_does_not_regress():
    """Each message of tests/data/lang-fresh1.tsv asked alone (bench/lang-id.py) gets its reply in
    the language the customer wrote in: Thai around English product names, English around a Thai
    place's name, Chinese with a Thai one, romanised Thai and pinyin as the language meant."""
    bench = os.path.join(os.environ["CBLUE_SOURCE_ROOT"], "bench", "lang-id.py")
    proc = subprocess.run([sys.executable, bench, CBLUE, os.path.join(DATADIR, "lang-fresh1.tsv"), "--json"],
                          capture_output=True, text=True, check=True, timeout=600)
    languages = json.loads(proc.stdout)["languages"]
    for lang, (n, floor) in LANG_FRESH1_FLOORS.items():
        assert languages[lang]["n"] == n, (lang, languages[lang])
        assert languages[lang]["accuracy"] >= floor, (lang, languages[lang])


LABELLED_SETS = ("eval-bundled.tsv", "eval-dev.tsv", "eval-fresh.tsv", "eval-fresh2.tsv", "eval-fresh3.tsv",
                 "eval-keywords.tsv", "eval-fresh6.tsv", "eval-fresh4.tsv", "eval-fresh5.tsv", "eval-fresh7.tsv",
                 "eval-fresh8.tsv", "eval-fresh9.tsv", "eval-fresh10.tsv", "eval-fresh11.tsv", "eval-typos.tsv")


@pytest.mark.parametrize("question", ["how much is solar", "How much is a solar system?", "how much for solar?",
                                      "How much is a 10kW system", "ติดโซลาร์ราคาเท่าไหร่", "装太阳能多少钱"])
def test_ask_the_price_of_solar_said_plainly(cli, question):
    """The commonest way to ask the price is the rooftop price, not a topic whose questions say
    "how much" of something else (how much is produced, how much is a pump): docs/quality.md,
    "How much is a solar system? and omg thanks"."""
    reply = cli.ask_json(question)
    assert (reply["outcome"], reply["topic_id"]) == ("answered", "solar-rooftop-price"), reply


@pytest.mark.parametrize("question, topic", [
    ("你们在哪里", "contact"), ("你们在什么地方？", "contact"), ("怎么拿报价", "quotation-process"),
    ("报价咋弄", "quotation-process"), ("how many panels would we need", "solar-sizing"),
    ("How many solar panels does my house need?", "solar-sizing"),
    ("how many kw do i need", "solar-sizing"), ("逆变器要多大", "solar-sizing"),
    ("ต้องติดกี่แผงครับ", "solar-sizing"), ("ways to pay?", "payment-methods"), ("怎么支付", "payment-methods"),
    ("申请保修", "solar-warranty")])
def test_ask_short_questions_said_with_question_words(cli, question, topic):
    """A short question whose topic is in its question words or light verbs (where, how many, what
    size, the ways to pay, 拿, 弄) is answered with it: the question words are stop words, so "你们在哪里"
    left the word search nothing and "how many panels" only the panels every solar topic names
    (docs/quality.md, "A thirtieth held-out set")."""
    reply = cli.ask_json(question)
    assert (reply["outcome"], reply["topic_id"]) == ("answered", topic), reply


@pytest.mark.parametrize("question, topic", [
    ("10kw solar how much lah", "solar-rooftop-price"), ("ร้านอยู่ไสครับ", "contact"),
    ("มาเบิ่งหน้างานมื้ออื่นได้บ่", "site-survey"), ("你哋喺边度㗎", "contact"),
    ("屋頂漏水你哋整唔整", "roof-repair-waterproofing")])
def test_ask_regional_words_and_particles(cli, question, topic):
    """Singlish "how much lah", Isan ไส (where) and เบิ่ง (to look), Cantonese 你哋, 喺, 边度 and 唔 are
    the standard words and particles (each of these was refused on main): docs/quality.md, "A
    thirty-first held-out set"."""
    reply = cli.ask_json(question)
    assert (reply["outcome"], reply["topic_id"]) == ("answered", topic), reply


def test_eval_short_questions_are_answered(cli):
    """The KB's keywords asked alone ("office hours", "wallbox price", bench/gen-eval-keywords.py)
    are answered with their topic: before the square of the length, the decision models refused
    a third of them in English and Chinese (answered .634 / .845 / .585, docs/quality.md); en .930
    before "Everyday words, topic by topic"."""
    proc = cli.run("eval", "--json", os.path.join(DATADIR, "eval-keywords.tsv"))
    report = json.loads(proc.stdout)
    assert proc.returncode == 0, (report, proc.stderr)
    for lang, answered in {"en": 0.944, "th": 0.964, "zh": 1.000}.items():
        stats = report["languages"][lang]
        assert stats["queries"] >= 60, (lang, stats)
        assert stats["answered_correct"] >= answered - 0.02, (lang, stats)


def test_eval_typos_cost_little(cli):
    """The English and Thai questions of three labelled sets with customers' typos (a letter
    missed, doubled, swapped or next to it on the keyboard; Thai tone marks left out or wrong and
    letters that sound alike; bench/gen-eval-typos.py) keep their answers, out-of-scope ones stay
    out of scope: no language more than two points below the recorded figures (top-1, answered
    with the expected topic, out-of-scope F1; without typos en .842 / .825 / .828, th .917 / .867
    / .816; with the models before eval-fresh6.tsv joined the calibration, en .832 / .790 / .874
    and th .906 / .872 / .882 with typos; en .832 / .731 / .789 before the request part of a longer
    message, docs/quality.md "Long messages"; en .849 / .739 / .800 and th .906 / .795 / .821
    before "Everyday words, topic by topic"; th top-1 .915 before the seventeenth set's changes;
    th .923 / .838 before the nineteenth set's Thai quotation question)."""
    proc = cli.run("eval", "--json", os.path.join(DATADIR, "eval-typos.tsv"))
    report = json.loads(proc.stdout)
    assert proc.returncode == 0, (report, proc.stderr)
    for lang, (top1, answered, oos_f1) in {"en": (0.849, 0.773, 0.832), "th": (0.932, 0.846, 0.847)}.items():
        stats = report["languages"][lang]
        assert stats["queries"] >= 100 and stats["out_of_scope"] >= 40, (lang, stats)
        assert stats["top1"] >= top1 - 0.02, (lang, stats)
        assert stats["answered_correct"] >= answered - 0.02, (lang, stats)
        assert stats["oos_f1"] >= oos_f1 - 0.02, (lang, stats)


def labelled_union(tmp_path):
    """The labelled sets in one file (one header), as the defaults were calibrated."""
    lines = []
    for name in LABELLED_SETS:
        with open(os.path.join(DATADIR, name), encoding="utf-8") as f:
            rows = f.read().splitlines()
        lines += rows if not lines else rows[1:]
    return write(tmp_path, "union.tsv", "\n".join(lines) + "\n")


def test_eval_calibrate_learns_the_decision_model(cli, tmp_path):
    """`eval --calibrate` learns, per language, the bias and one weight per feature (confidence and
    log score of each retriever, log length of the question and its square) of the decision
    model, kept where it beats the fused confidence; the shipped defaults are what it learns on
    the labelled sets, so configuring its output gives the defaults' figures (within a question: a retrieval change
    that moves them further needs the defaults recalibrated, docs/quality.md). Every language has
    a model since the n-gram retriever reads the synonyms too."""
    proc = cli.run("eval", "--calibrate", labelled_union(tmp_path), check=0)
    config = proc.stdout.split("[bot]\n")[1]
    values = dict(line.split("=", 1) for line in config.split())
    assert values["decision_retrievers"] == "retrieval-bm25;retrieval-ngram", proc.stdout
    models = [key for key in values if key.startswith("decision_weights_")]
    assert models, proc.stdout
    for key in models:
        assert len([float(w) for w in values[key].split(";")]) == 7, values
    assert 0 < float(values["answer_threshold"]) < 1
    assert 0 < float(values["decision_threshold"]) < 1

    # answer_threshold stays 0.50 in the defaults: with a model in every language it no longer
    # decides any of these questions (docs/quality.md)
    for lang in ("en", "th", "zh"):
        assert f"decision_weights_{lang}" in values, proc.stdout
    values["answer_threshold"] = "0.50"
    config = "".join(f"{key}={value}\n" for key, value in values.items())
    conf = write(tmp_path, "calibrated.conf", "[bot]\n" + config)
    for name in LABELLED_SETS:
        learned = json.loads(cli.run("eval", "--json", os.path.join(DATADIR, name), config=conf, check=0).stdout)
        shipped = json.loads(cli.run("eval", "--json", os.path.join(DATADIR, name), check=0).stdout)
        for lang in shipped["languages"]:  # eval-typos.tsv has no Chinese
            a, b = learned["languages"][lang], shipped["languages"][lang]
            assert a["top1"] == b["top1"]
            assert abs(a["oos_f1"] - b["oos_f1"]) <= 0.04, (name, lang, a, b)


def test_eval_cross_validates_the_decision_model(cli):
    """`--folds K` reports what models learned without each part of the file make of it."""
    labels = os.path.join(DATADIR, "eval-bundled.tsv")
    report = json.loads(cli.run("eval", "--json", "--folds", "4", labels, check=0).stdout)
    for lang in ("en", "th", "zh"):
        stats = report["languages"][lang]
        assert stats["out_of_scope"] >= 10
        assert 0.7 <= stats["oos_f1"] <= 1.0, (lang, stats)
    proc = cli.run("eval", "--folds", "1", labels)
    assert proc.returncode == 2
    assert "--folds" in proc.stderr


def test_decision_model_learned_without_the_length_still_applies(cli, tmp_path):
    """Weights learned before the question's length was a feature (one fewer) read it as 0: the
    Chinese model shipped before it still decides (bundled Chinese out-of-scope F1 1.000 with it,
    .759 on the fused confidence alone, both without the declined services, which refuse some of
    the same questions whatever decides; .960 and .846 at 460d987, .960 and .880 since the
    thirtieth set's synonyms, which the fused confidence gains from too: so the model is checked
    by how far it stays ahead, not by a ceiling on the fallback); `--l2` must be a positive penalty."""
    labels = os.path.join(DATADIR, "eval-bundled.tsv")
    old = write(tmp_path, "old.conf", "[bot]\nanswer_threshold=0.50\ndeclined=false\n"
                "decision_retrievers=retrieval-bm25;retrieval-ngram\n"
                "decision_weights_zh=14.1582;1.9060;0.4651;0.0112;5.6465\n")
    fused = write(tmp_path, "fused.conf", "[bot]\nanswer_threshold=0.50\ndecision_model=false\ndeclined=false\n")
    with_old = json.loads(cli.run("eval", "--json", labels, config=old, check=0).stdout)
    without = json.loads(cli.run("eval", "--json", labels, config=fused, check=0).stdout)
    assert with_old["languages"]["zh"]["oos_f1"] >= 0.95, with_old["languages"]["zh"]
    assert without["languages"]["zh"]["oos_f1"] <= with_old["languages"]["zh"]["oos_f1"] - 0.05, \
        (with_old["languages"]["zh"], without["languages"]["zh"])
    proc = cli.run("eval", "--l2", "0", labels)
    assert proc.returncode == 2
    assert "--l2" in proc.stderr


def test_decision_model_learned_without_the_square_still_applies(cli, tmp_path):
    """Six weights a language, learned before the square of the length was a feature, read it as
    0 and decide as they did (the models shipped before it answered .634 of the English keywords,
    docs/quality.md; .648 since "ev charger" alone reaches its topic, "Everyday words, topic by
    topic"); eight, more than the features, are refused for the fused confidence. Without asking
    back the questions that name no product ("installation cost"), which the weights do not decide."""
    keywords = os.path.join(DATADIR, "eval-keywords.tsv")
    six = write(tmp_path, "six.conf", "[bot]\nproduct_margin=0\ndecision_retrievers=retrieval-bm25;retrieval-ngram\n"
                "decision_weights_en=-5.7948;7.4244;-0.1944;-0.9603;3.5792;2.9802\n")
    report = json.loads(cli.run("eval", "--json", keywords, config=six).stdout)
    assert abs(report["languages"]["en"]["answered_correct"] - 0.648) < 0.005, report["languages"]["en"]
    eight = write(tmp_path, "eight.conf", "[bot]\ndecision_retrievers=retrieval-bm25;retrieval-ngram\n"
                  "decision_weights_en=-100;0;0;0;0;0;0;0\n")  # would refuse every question
    fused = write(tmp_path, "fused.conf", "[bot]\ndecision_model=false\n")
    with_eight = json.loads(cli.run("eval", "--json", keywords, config=eight).stdout)["languages"]["en"]
    without = json.loads(cli.run("eval", "--json", keywords, config=fused).stdout)["languages"]["en"]
    assert with_eight["answered_correct"] == without["answered_correct"], (with_eight, without)


def test_decision_model_with_a_bad_weight_falls_back(cli, tmp_path):
    """A weight that is not a number is reported; that language's fused confidence decides."""
    conf = write(tmp_path, "bad.conf", "[bot]\ndecision_weights_en=1;x;2;3;4\n")
    proc = cli.run("ask", "--json", "How much does a rooftop solar system cost?", config=conf, check=0)
    assert "decision_weights_en" in proc.stderr
    reply = json.loads(proc.stdout)
    assert reply["topic_id"] == "solar-rooftop-price"
    off = write(tmp_path, "off.conf", "[bot]\ndecision_model=false\n")
    assert cli.ask_json("How much does a rooftop solar system cost?", config=off)["outcome"] == "answered"
    assert cli.ask_json("Who won the football world cup in 1998?", config=off)["outcome"] == "unanswered"


def test_eval_rejects_bad_file(cli, tmp_path):
    proc = cli.run("eval", write(tmp_path, "bad.tsv", "language\tquery\ttopic_id\nfr\thello\t\n"))
    assert proc.returncode == 1
    assert "bad.tsv:2" in proc.stderr


def test_index_cache_is_used_and_corruption_is_harmless(cli):
    first = cli.ask_json("ติดโซลาร์เซลล์ราคาเท่าไหร่")
    cache_dir = os.path.join(cli.data_dir, "cache")
    files = [f for f in os.listdir(cache_dir) if f.startswith("retrieval-bm25-")]
    assert len(files) == 1
    path = os.path.join(cache_dir, files[0])
    proc = cli.run("ask", "--json", "-v", "ติดโซลาร์เซลล์ราคาเท่าไหร่", check=0)
    assert "from the cache" in proc.stderr
    assert json.loads(proc.stdout)["topic_id"] == first["topic_id"]
    # flip bytes in the middle: the checksum catches it and the index is rebuilt
    data = bytearray(open(path, "rb").read())
    data[len(data) // 2] ^= 0xFF
    open(path, "wb").write(bytes(data))
    proc = cli.run("ask", "--json", "-v", "ติดโซลาร์เซลล์ราคาเท่าไหร่", check=0)
    assert "analyzed" in proc.stderr
    assert json.loads(proc.stdout)["topic_id"] == first["topic_id"]


def test_eval_public_xquad_set_does_not_regress(cli):
    """XQuAD passage retrieval (CC BY-SA 4.0, tests/data/xquad/README.md): top-1 was measured at
    en 0.955, th 0.935, zh 0.952 (BM25 with word pairs, k1=0.3 and English lemmas, and n-grams
    with passages' questions weighed as content, fused); fail when a language drops more than 2
    points."""
    xquad = os.path.join(DATADIR, "xquad")
    proc = cli.run("eval", "--json", "--kb", os.path.join(xquad, "kb.json"), os.path.join(xquad, "queries.tsv"))
    report = json.loads(proc.stdout)
    assert proc.returncode == 0, proc.stderr
    recorded = {"en": 0.955, "th": 0.935, "zh": 0.952}
    # answered with the right topic by the default decision (no out-of-scope questions here, and
    # a KB the decision model was not learned on): en .885, th .922, zh .932; en .890 with the
    # English model learned again for the request part of longer messages (docs/quality.md)
    answered = {"en": 0.890, "th": 0.922, "zh": 0.932}
    for lang, top1 in recorded.items():
        stats = report["languages"][lang]
        assert stats["queries"] == 399
        assert stats["top1"] >= top1 - 0.02, (lang, stats)
        assert stats["answered_correct"] >= answered[lang] - 0.02, (lang, stats)
