# SPDX-License-Identifier: LGPL-2.1-or-later
"""Black-box tests of retrieval: synonyms (bundled, overridden, hot-reloaded while serving)
and follow-up questions answered in the context of the conversation."""

import json
import os
import subprocess
import sys
import time

import pytest

from conftest import CBLUE, DATADIR, Cli
from test_http import Server


def ask_conversation(cli, conversation_id, *questions):
    proc = cli.run("ask", "--json", "--stdin", "--no-record", "--conversation", conversation_id,
                   stdin="".join(q + "\n" for q in questions), check=0)
    return [json.loads(line) for line in proc.stdout.splitlines()]


@pytest.mark.parametrize("follow_up, conversations", [
    ("how much is it?", [("Do you install EV chargers at home?", "ev-charger-price"),
                         ("How long does a solar installation take?", "solar-rooftop-price"),
                         ("Can you install CCTV at my shop?", "cctv-installation")]),
    ("แล้วราคาล่ะ", [("ติดตั้งโซลาร์เซลล์มีขั้นตอนอย่างไร", "solar-rooftop-price"),
                     ("ติดตั้งที่ชาร์จรถยนต์ไฟฟ้าที่บ้านได้ไหม", "ev-charger-price")]),
    ("多少钱？", [("你们安装监控摄像头吗", "cctv-installation"),
                 ("家里能装充电桩吗", "ev-charger-price")]),
])
def test_follow_up_uses_the_previous_topic(cli, follow_up, conversations):
    """The same follow-up gets the answer of the product the conversation is about."""
    for i, (first, topic) in enumerate(conversations):
        replies = ask_conversation(cli, f"conv-{i}", first, follow_up)
        assert replies[0]["outcome"] == "answered", replies[0]
        assert replies[1]["outcome"] == "answered", (first, replies[1])
        assert replies[1]["topic_id"] == topic, (first, replies[1])
        assert replies[1]["sources"][0]["topic_id"] == topic


# bench/followups.py on the follow-up sets (docs/quality.md, "Follow-ups in a conversation"):
# per language, the share of follow-ups answered with the expected topic in context and of
# out-of-scope follow-ups refused, and how many of each the set holds; none may fall more than
# two points. followups.tsv: as measured when the set was added (en .657 / 1.0, th .771 / .600,
# zh .600 / 1.0), Thai raised with the product's topics preferred (.800). followups-fresh2.tsv:
# after the same change (blind: en .786 / .833, th .762 / 1.0, zh .738 / 1.0). Both raised
# where a follow-up is searched again with the last topic's name (followups.tsv en .714;
# followups-fresh2.tsv th .881). followups-fresh3.tsv, three-message conversations (the second
# and third messages both counted): blind en .605 / 1.0, th .697 / .750, zh .632 / 1.0 (.658 after
# the permits topic's new questions), then en .618, th .724 with the same change.
# followups-fresh4.tsv (two and three messages, each follow-up's kind named): blind en .661 / 1.0,
# th .732 / 1.0, zh .625 / 1.0. The conversation's last three topics, the product's name lifting a
# weak hit of the product and the declined phrases for which EV to buy raised followups.tsv zh to
# .657, followups-fresh3.tsv to en .658, th .776 / 1.0, zh .697, followups-fresh4.tsv to en .714,
# zh .714. A Chinese day with 开门 read as the business open (docs/quality.md, "A twentieth
# held-out set") raised followups-fresh3.tsv zh to .724. followups-fresh5.tsv (two and three messages, kinds named): blind en .804 / 1.0, th .750 /
# 1.0, zh .589 / 1.0 (followups-fresh3.tsv zh .711, followups-fresh4.tsv en .732 on that tree). The
# product searched with its name when only its category chose, the last topic taken before a sibling
# it scores within a tenth of, and the last topic first and confident taken as the conversation's
# choice raised followups-fresh2.tsv to en .857, th .905, zh .857, followups-fresh3.tsv to en .724,
# th .803, zh .763, followups-fresh4.tsv to en .750, zh .732 and followups-fresh5.tsv to en .821,
# th .804, zh .679; the context margin narrowed to 0.3 raised followups.tsv to en .743, th .829,
# followups-fresh2.tsv th to .952, followups-fresh3.tsv to th .816, zh .789 and followups-fresh5.tsv
# zh to .696; with the Chinese day with 开门 as well, followups-fresh3.tsv zh .803 and
# followups-fresh5.tsv zh .714; a category sibling held to the near-tie over a confident best hit,
# followups-fresh5.tsv th .821, zh .732. followups-fresh6.tsv (two products compared, short reactions
# before the next question): blind en .810 / 1.0, th .738 / 1.0, zh .786 / 1.0. followups-fresh7.tsv
# (the practical next step, bare nouns, corrections, reactions): blind en .762 / .667, th .619 / 1.0,
# zh .571 / 1.0. A follow-up's reaction left out of its search raised it to en .833, th .690 and
# followups-fresh6.tsv th to .786; a correction ("no I mean", ไม่ใช่) as a reaction to en .857, th .714;
# 能来看看吗 as the site survey to zh .619. followups-fresh8.tsv (short how-long,
# how-much, warranty and instalment follow-ups): blind en .791 / 1.0, th .732 / 0.0, zh .512 / 1.0. A
# follow-up that names only an aspect of the topic it found taken to the conversation's product as a last
# resort raised it to en .814, th .805, zh .610, followups-fresh2.tsv zh to .881, followups-fresh4.tsv zh
# to .750, followups-fresh5.tsv th to .839, followups-fresh6.tsv zh to .810, followups-fresh7.tsv th to .786;
# with the last topic's own words read as aspects (装 after cameras), en .884, zh .659, followups-fresh3.tsv zh
# .816, followups-fresh4.tsv th .768, followups-fresh5.tsv zh .750, followups-fresh6.tsv en .833 and th .833,
# followups-fresh7.tsv th .810.
FOLLOW_UP_FLOORS = {
    "followups.tsv": (35, 5, {"en": (0.800, 1.000), "th": (0.857, 0.600), "zh": (0.686, 1.000)}),
    "followups-fresh2.tsv": (42, 6, {"en": (0.857, 0.833), "th": (0.976, 1.000), "zh": (0.905, 1.000)}),
    "followups-fresh3.tsv": (76, 4, {"en": (0.763, 1.000), "th": (0.842, 1.000), "zh": (0.842, 1.000)}),
    "followups-fresh4.tsv": (56, 4, {"en": (0.821, 1.000), "th": (0.786, 1.000), "zh": (0.750, 1.000)}),
    "followups-fresh5.tsv": (56, 4, {"en": (0.821, 1.000), "th": (0.839, 1.000), "zh": (0.750, 1.000)}),
    "followups-fresh6.tsv": (42, 3, {"en": (0.833, 1.000), "th": (0.833, 1.000), "zh": (0.810, 1.000)}),
    "followups-fresh7.tsv": (42, 3, {"en": (0.881, 0.667), "th": (0.833, 1.000), "zh": (0.619, 1.000)}),
    # its follow-ups in scope differ by language: {language: count}
    "followups-fresh8.tsv": ({"en": 43, "th": 41, "zh": 41}, 1,
                             {"en": (0.930, 1.000), "th": (0.854, 0.000), "zh": (0.683, 1.000)}),
    "followups-fresh9.tsv": ({"en": 48, "th": 50, "zh": 50}, 2,
                             {"en": (0.896, 1.000), "th": (0.860, 1.000), "zh": (0.680, 1.000)}),
    # docs/quality.md, the tenth follow-up set: pronouns, ellipses, replies to a question back, the
    # company after a product, slips; blind .841 / .756 / .667 in scope, .500 of the out of scope refused
    "followups-fresh10.tsv": ({"en": 44, "th": 41, "zh": 42}, 2,
                              {"en": (0.886, 0.500), "th": (0.829, 0.500), "zh": (0.714, 0.500)}),
}


@pytest.mark.parametrize("name", sorted(FOLLOW_UP_FLOORS))
def test_follow_up_set_does_not_regress(name):
    in_scope, out_of_scope, floors = FOLLOW_UP_FLOORS[name]
    bench = os.path.join(os.environ["CBLUE_SOURCE_ROOT"], "bench", "followups.py")
    proc = subprocess.run([sys.executable, bench, CBLUE, os.path.join(DATADIR, name), "--json"],
                          capture_output=True, text=True, check=True, timeout=600)
    stats = json.loads(proc.stdout)["languages"]
    for lang, (right, refused) in floors.items():
        s = stats[lang]
        want = in_scope[lang] if isinstance(in_scope, dict) else in_scope
        assert s["in_scope"] == want and s["out_of_scope"] == out_of_scope, (lang, s)
        assert s["right"] / s["in_scope"] >= right - 0.02, (lang, s)
        assert s["refused"] / s["out_of_scope"] >= refused - 0.02, (lang, s)


# docs/quality.md, "Messages that ask two questions": tests/data/multi-question1.tsv, per language
# (two-question messages, one-question messages): the share of the two-question ones answered on both
# topics, and how many second answers may be given at most, wrongly, to the two-question ones (a
# topic that is neither of theirs) and to the one-question ones; both answered was 0 before (blind).
MULTI_QUESTION_FLOORS = {
    "en": (44, 20, 0.318, 0, 1),
    "th": (44, 20, 0.455, 0, 1),
    "zh": (42, 20, 0.333, 0, 0),
}
# tests/data/multi-question2.tsv, half of its two-question messages in one clause ("how much is a 5kw and
# how long does the install take", "ติดตั้งกี่วันและรับประกันกี่ปี", "充电桩多少钱能分期吗"); blind: both
# answered .167 / .267 / .267
MULTI_QUESTION2_FLOORS = {
    "en": (30, 20, 0.367, 0, 0),
    "th": (30, 20, 0.567, 0, 0),
    "zh": (30, 20, 0.400, 0, 0),
}


@pytest.mark.parametrize("name, floors", [("multi-question1.tsv", MULTI_QUESTION_FLOORS),
                                          ("multi-question2.tsv", MULTI_QUESTION2_FLOORS)])
def test_multi_question_set_does_not_regress(name, floors):
    bench = os.path.join(os.environ["CBLUE_SOURCE_ROOT"], "bench", "multi-question.py")
    proc = subprocess.run([sys.executable, bench, CBLUE, os.path.join(DATADIR, name), "--json"],
                          capture_output=True, text=True, check=True, timeout=600)
    stats = json.loads(proc.stdout)["languages"]
    for lang, (two, one, both, wrong_two, wrong_one) in floors.items():
        s = stats[lang]
        assert s["two"] == two and s["one"] == one, (lang, s)
        assert s["both"] / s["two"] >= both - 0.02, (lang, s)
        assert s["wrong_second_two"] <= wrong_two and s["wrong_second_one"] <= wrong_one, (lang, s)


@pytest.mark.parametrize("message, topic, second, lead", [
    ("Does solar still work during a power cut? How much would a battery cost?",
     "solar-power-outage", "solar-battery", "As for your other question: "),
    ("ที่ชาร์จรถไฟฟ้าพร้อมติดตั้งราคาเท่าไหร่ครับ รับงานแถวนนทบุรีไหม", "ev-charger-price", "service-area",
     "ส่วนอีกคำถามหนึ่งค่ะ: "),
    ("光伏板质保几年？可以分期付款吗？", "solar-warranty", "solar-financing", "关于您的另一个问题："),
    # two questions in one clause
    ("What warranty comes with the inverter and can I pay by installments", "solar-warranty", "solar-financing",
     "As for your other question: "),
    ("ประกันอินเวอร์เตอร์กี่ปีและผ่อนบัตรเครดิตได้ไหมคะ", "solar-financing", "solar-warranty", "ส่วนอีกคำถามหนึ่งค่ะ: "),
    ("逆变器质保几年和能不能分期付款", "solar-warranty", "solar-financing", "关于您的另一个问题："),
])
def test_second_question_is_answered_too(cli, message, topic, second, lead):
    """A message asking two things on two topics: the main topic's answer, then the lead-in and the
    second's; topic_id stays the main topic, second_topic_id and the sources name the second."""
    reply = json.loads(cli.run("ask", "--json", "--no-record", message).stdout)
    assert reply["outcome"] == "answered", reply
    assert reply["topic_id"] == topic and reply["second_topic_id"] == second, reply
    assert second in [s["topic_id"] for s in reply["sources"]] and len(reply["sources"]) <= 3, reply
    main_answer, _, rest = reply["reply"].partition("\n\n" + lead)
    assert main_answer and rest, reply["reply"]


@pytest.mark.parametrize("message", [
    "How much is a 10kW system? How much for 10 kW?",
    "Do your solar pumps work without grid power? Do they need batteries?",
    "ให้ช่างมาดูหน้างานก่อนได้ไหม เสียเงินไหม",
    "手机能看监控吗？能录几天？",
])
def test_one_question_asked_twice_gets_one_answer(cli, message):
    reply = json.loads(cli.run("ask", "--json", "--no-record", message).stdout)
    assert reply["outcome"] == "answered", reply
    assert "second_topic_id" not in reply and "\n\n" not in reply["reply"], reply


def test_multi_question_off_answers_one_topic(cli, tmp_path):
    """[bot] multi_question=false: a message that asks two things gets its main topic's answer alone."""
    config = tmp_path / "cblue.conf"
    config.write_text("[bot]\nmulti_question=false\n")
    reply = json.loads(cli.run("ask", "--json", "--no-record",
                               "Does solar still work during a power cut? How much would a battery cost?",
                               config=config).stdout)
    assert reply["outcome"] == "answered" and reply["topic_id"] == "solar-power-outage", reply
    assert "second_topic_id" not in reply and "\n\n" not in reply["reply"], reply


def test_follow_up_does_not_capture_other_questions(cli):
    replies = ask_conversation(cli, "conv-3", "How much is a rooftop solar system?",
                               "do you install CCTV cameras?", "what is the capital of France?")
    assert replies[0]["topic_id"] == "solar-rooftop-price"
    assert replies[1]["topic_id"] == "cctv-installation"
    assert replies[2]["outcome"] == "unanswered"


def test_follow_up_whose_words_find_nothing_of_the_product(cli):
    """A follow-up whose words alone find none of the last product's topics is searched again
    with the product's name; a question on another subject keeps its own answer."""
    replies = ask_conversation(cli, "conv-4", "My roof leaks every time it rains, can you fix it?",
                               "roughly how much?", "whats your phone number")
    assert [r["topic_id"] for r in replies] == ["roof-repair-waterproofing", "roof-repair-waterproofing",
                                                "contact"], replies
    replies = ask_conversation(cli, "conv-5", "ติดฉนวนกันความร้อนใต้หลังคาราคาเท่าไหร่", "กี่วันเสร็จ",
                               "วันอาทิตย์เปิดไหม")
    assert [r["topic_id"] for r in replies] == ["building-insulation", "building-insulation",
                                                "office-hours"], replies


def test_follow_up_returns_to_the_earlier_product(cli):
    """After a side question answered with a company topic, a follow-up that names no product
    is about the product asked about before; a question on a subject of its own is not."""
    for i, messages in enumerate([
            ("Can you install an EV charger at my house?", "are you open on sundays?",
             "ok, how much would it be then?"),
            ("家里能装充电桩吗", "周日营业吗", "好的，那大概多少钱")]):
        replies = ask_conversation(cli, f"conv-return-{i}", *messages)
        assert [r["topic_id"] for r in replies] == ["ev-charger-installation", "office-hours",
                                                    "ev-charger-price"], replies
    replies = ask_conversation(cli, "conv-return-new", "Can you install an EV charger at my house?",
                               "are you open on sundays?", "do you have any job openings?")
    assert replies[2]["topic_id"] == "careers", replies


def test_follow_up_whose_product_is_found_too_weakly(cli):
    """A follow-up whose own best hit is the product's but too weak to answer is searched again
    with the product's name; a question about something the business does not sell is not."""
    for i, (first, follow_up, topic) in enumerate([
            ("装电子门锁吗", "一扇门多少钱", "smart-door-lock"),
            ("想请你们给公司做AI咨询", "可以先做个小试点吗", "ai-consulting"),
            ("โรงงานอยากติดโซล่าเซลล์ ราคาต่อ kW เท่าไหร่", "ทำได้ใหญ่สุดกี่ MW", "solar-commercial")]):
        replies = ask_conversation(cli, f"conv-weak-{i}", first, follow_up)
        assert [r["topic_id"] for r in replies] == [topic, topic], replies
    replies = ask_conversation(cli, "conv-weak-oos", "公寓能装充电桩吗", "现在买哪款电动车最好")
    assert replies[1]["outcome"] == "unanswered", replies


def assert_topics(cli, name, conversations):
    """Each of @conversations, (messages, the topics expected of them), answered as expected."""
    for i, (messages, topics) in enumerate(conversations):
        replies = ask_conversation(cli, f"{name}-{i}", *messages)
        assert [r["topic_id"] for r in replies] == topics, replies


def test_follow_up_of_a_product_found_only_through_its_category(cli):
    """A follow-up whose words find a topic of the last product's category and nothing of the
    product itself is searched again with the product's name; a follow-up that names another
    product of the category keeps it."""
    assert_topics(cli, "conv-category", [
        (("Do you do fingerprint door locks?", "how much is it?"), ["smart-door-lock"] * 2),
        (("Do you build energy efficient green houses?", "how much extra does it cost"), ["green-construction"] * 2),
        (("Our home wifi keeps dropping, can you fix it?", "do you also do CCTV?"),
         ["home-network-wifi", "cctv-installation"])])


def test_follow_up_as_near_the_last_topic_as_a_sibling(cli):
    """A follow-up that finds a sibling of the last topic (of the same product) barely above the
    last topic itself is the last topic's; one that names the sibling, far above, is the
    sibling's. A follow-up whose best hit is the last topic, confident, is answered with it."""
    assert_topics(cli, "conv-tie", [
        (("How much does a 5 kW solar rooftop cost?", "and 10 kW?"), ["solar-rooftop-price"] * 2),
        (("5千瓦多少钱？", "那10千瓦呢？"), ["solar-rooftop-price"] * 2),
        (("แผงโซล่าเซลล์รับประกันกี่ปีครับ", "อินเวอร์เตอร์ล่ะ"), ["solar-warranty"] * 2),
        (("多余的电可以卖给电力局吗", "一度多少钱"), ["net-metering"] * 2),
        (("How do I keep my solar panels clean?", "how often should i do it"), ["solar-maintenance"] * 2),
        (("How much does a 3kW solar system cost?", "do i need a permit for that?"),
         ["solar-rooftop-price", "solar-permits"])])


def test_follow_up_on_a_subject_of_its_own_keeps_it(cli):
    """A side question whose own best hit is a company topic, far above anything of the last
    product, keeps its answer: the product's family must score within the context margin."""
    assert_topics(cli, "conv-side", [
        (("how much is a 5kW solar?", "whats your LINE id"), ["solar-sizing", "contact"]),
        (("รับติดโซลาร์ไหมครับ", "ชลบุรีไปไหม"), ["solar-rooftop-overview", "service-area"]),
        (("ราคาโซลาร์รูฟท็อป", "มาดูหน้างานก่อนได้ไหมคะ"), ["solar-rooftop-price", "site-survey"]),
        (("光伏可以分期付款吗", "你们公司在哪里？"), ["solar-financing", "contact"])])


def test_follow_up_keeps_a_confident_answer_over_the_category(cli):
    """A topic of the last topic's category only (not its product) takes the answer from a confident
    best hit of no kin only when the two nearly tie: paying by card after a sales dashboard is the
    payment methods, not the web development that shares the dashboard's category and names
    payments (0.7–0.8 of the payment methods' score)."""
    assert_topics(cli, "conv-confident", [
        (("อยากทำแดชบอร์ดยอดขายค่ะ", "จ่ายด้วยบัตรเครดิตได้ไหมคะ"), ["data-analytics", "payment-methods"]),
        (("想做一个销售数据看板", "能用信用卡付款吗"), ["data-analytics", "payment-methods"])])


def test_follow_up_after_a_reaction_is_its_question(cli):
    """A follow-up that begins with a reaction to the answer ("wow.", "too pricey", แพงจังเลย, อืม, โห แพงอ่ะ)
    is searched without it: the reaction pulls the search elsewhere (the solar warranty, the quotation)
    or under the answer threshold (docs/quality.md, "A seventh follow-up set"). Each but the last
    conversation failed before; thanks and "ok" stay in the search ("ok, where is your office?")."""
    assert_topics(cli, "conv-reaction", [
        (("How much is a 10 kW system?", "wow. and with a battery?"), ["solar-sizing", "solar-battery"]),
        (("ราคาโซลาร์ 5 kW เท่าไหร่คะ", "แพงจังเลย ผ่อนได้ไหมคะ"), ["solar-rooftop-price", "solar-financing"]),
        (("ทำแชทบอทให้ร้านราคาเท่าไหร่", "อืม ใช้เวลาทำกี่วัน"), ["ai-chatbot", "ai-chatbot"]),
        (("ติดกล้องวงจรปิดที่ร้าน 8 ตัวเท่าไหร่", "โห แพงอ่ะ รับประกันกี่ปี"), ["cctv-installation", "cctv-installation"]),
        (("how much is a 5 kW solar system", "ok, where is your office?"), ["solar-sizing", "contact"])])


def test_follow_up_that_corrects_the_answer_is_its_correction(cli):
    """"No, I mean ..." (nope, ไม่ใช่, 不是) corrects what the bot understood: what follows is the
    question, and the "no" is left out of its search as a reaction is (each failed before)."""
    assert_topics(cli, "conv-correction", [
        (("how much does solar cost for a home", "no, i mean for a factory"), ["solar-rooftop-price", "solar-commercial"]),
        (("how much does solar cost for a home", "nope, I mean the battery"), ["solar-rooftop-price", "solar-battery"]),
        (("ติดโซลาร์บ้านราคาเท่าไหร่", "ไม่ใช่ หมายถึงแบตเตอรี่"), ["solar-rooftop-price", "solar-battery"]),
        # "no worries" is no correction: the whole of it is left out, not "no" alone
        (("how much is a 5 kW solar system", "no worries. do i need a permit?"), ["solar-sizing", "solar-permits"])])


@pytest.mark.parametrize("messages,topics", [(("能来看看吗？",), ["site-survey"]),
                                             (("周六可以来看一下吗",), ["site-survey"]),
                                             (("屋顶漏水了", "可以来看一下吗"), ["roof-repair-waterproofing", "site-survey"])])
def test_can_you_come_and_have_a_look_is_the_survey(cli, messages, topics):
    """能来看看吗 / 可以来看一下吗 (can you come and have a look?) asks for the site survey (refused before)."""
    assert_topics(cli, "conv-come-look", [(messages, topics)])


@pytest.mark.parametrize("messages,topics", [
    (("จ่ายบัตรได้ไหมคะ",), ["payment-methods"]),
    (("ยอดสามหมื่น จ่ายบัตรเครดิตได้หรือเปล่าครับ",), ["payment-methods"]),
    (("ติดตั้งกล้องวงจรปิดที่โกดังราคาเท่าไหร่", "จ่ายผ่านบัตรได้ไหม"), ["cctv-installation", "payment-methods"]),
    # the card alone, and a card to pay by instalments, stay the financing's 0% instalments
    (("บัตรเครดิต",), ["solar-financing"]),
    (("ติดโซลาร์แล้วจ่ายบัตรผ่อน 0% 10 เดือนได้ไหม",), ["solar-financing"])])
def test_paying_by_card_is_the_payment_methods(cli, messages, topics):
    """จ่ายบัตร / ชำระผ่านบัตร (to pay by card) asks how to pay, not for the financing whose 0% instalments
    go on a credit card (both were the financing before)."""
    assert_topics(cli, "conv-pay-card", [(messages, topics)])


@pytest.mark.parametrize("messages,topics", [
    (("ไลน์ไอดีคือ",), ["contact"]),
    (("ติดแผงโซลาร์กี่วันเสร็จ", "ไลน์ไอดีคืออะไรคะ"), ["solar-installation-steps", "contact"])])
def test_a_line_id_is_the_contact(cli, messages, topics):
    """ไลน์ไอดี (a LINE id) is the LINE the contact names (refused, or kept on the last product, before)."""
    assert_topics(cli, "conv-line-id", [(messages, topics)])


def test_every_month_still_is_no_instalment(cli):
    """每个月还要… (every month, still…) asks about a monthly fee: its 还 is "still", not the "repay" of
    每个月还多少 (how much a month to repay), which stays the financing (both were the financing before)."""
    assert_topics(cli, "conv-monthly", [
        (("冷库温度监控系统多少钱", "每个月还要付平台费吗"), ["iot-monitoring"] * 2),
        (("冷库温度监控系统多少钱", "每月还有别的费用吗"), ["iot-monitoring"] * 2),
        (("光伏可以分期吗", "每个月还多少"), ["solar-financing"] * 2)])
    replies = ask_conversation(cli, "conv-monthly-chatbot", "想给餐厅做个LINE聊天机器人", "每个月还要付费吗")
    assert replies[1]["topic_id"] != "solar-financing", replies


@pytest.mark.parametrize("messages,topics", [
    (("อยากได้แชทบอทสำหรับเพจร้านค่ะ", "กี่วันถึงจะใช้งานได้คะ"), ["ai-chatbot"] * 2),
    (("ทำเว็บบริษัทได้ไหมครับ", "กี่วันเสร็จครับ"), ["web-app-development"] * 2),
    (("浴室想重新装修", "要多久"), ["home-renovation"] * 2),
    (("我家想装监控", "装完要几天"), ["cctv-installation"] * 2)])
def test_how_long_after_a_product_is_that_products(cli, messages, topics):
    """"How long?" after a product whose topic its words do not find (the solar installation's timeline,
    or nothing, on them alone, and too little of the product's name kept with them) is the product's:
    the follow-up names only an aspect of the topic it found, and 装 (to install), a word of the cameras' own,
    is an aspect of theirs, not the name of solar."""
    assert_topics(cli, "conv-how-long", [(messages, topics)])


@pytest.mark.parametrize("messages,topics", [
    (("we'd like cameras around our warehouse", "do you go to Rayong?"), ["cctv-installation", "service-area"]),
    (("price of a 5 kWh home battery?", "are you open saturday?", "can I pay for it in installments?"),
     ["solar-battery", "office-hours", "solar-financing"]),
    (("อยากติดกลอนดิจิตอลค่ะ", "ขออีเมลบริษัทหน่อยค่ะ"), ["smart-door-lock", "contact"])])
def test_how_long_rule_leaves_other_subjects(cli, messages, topics):
    """The aspect rule's guards: a follow-up with a word no topic has (a province the service area does
    not list) or naming a product of one topic (the contact) keeps its own answer, and one whose best
    hit is of an earlier topic's product (the battery's financing after the opening hours) is that
    product's, not the side question's."""
    assert_topics(cli, "conv-how-long-not", [(messages, topics)])


@pytest.mark.parametrize("messages,topics", [
    (("I'd like to store my solar power for the evening, do you do lithium batteries?", "what warranty comes with it?"),
     ["solar-battery"] * 2),
    (("สนใจแบตลิเธียมเก็บไฟไว้ใช้ตอนกลางคืนค่ะ", "รับประกันนานเท่าไหร่คะ"), ["solar-battery"] * 2),
    (("想加装磷酸铁锂电池晚上用", "大概多少钱？"), ["solar-battery"] * 2)])
def test_a_things_own_aspect_after_it_is_its_own(cli, messages, topics):
    """A warranty or a price asked after the battery is the battery's own (its answer gives both), not
    the panels' warranty or the solar price, siblings of the battery in the solar product that the
    follow-up's words find first."""
    assert_topics(cli, "conv-own-aspect", [(messages, topics)])


@pytest.mark.parametrize("messages,topics", [
    (("how much is a 5 kW system?", "and a home battery?"), ["solar-sizing", "solar-battery"]),
    (("光伏板多少钱一套", "保修呢"), ["solar-rooftop-price", "solar-warranty"]),
    (("ติดแบตเก็บไฟได้ไหมครับ", "แผงโซลาร์รับประกันกี่ปีครับ"), ["solar-battery", "solar-warranty"])])
def test_own_aspect_rule_leaves_siblings(cli, messages, topics):
    """The own-aspect rule's guards: a thing of one product (the battery, which the solar price's text
    speaks of) is no aspect; a warranty the price does not speak of stays the warranty; and a follow-up
    that names another topic (แผงโซลาร์, the panels, after the battery) keeps its own answer."""
    assert_topics(cli, "conv-own-aspect-not", [(messages, topics)])


@pytest.mark.parametrize("messages,topics", [
    (("ปั๊มน้ำโซล่าเซลล์สำหรับสวนทุเรียนค่ะ", "ราคาประมานเท่าไหร่คะ"), ["solar-water-pump"] * 2),
    (("店里想装几个监空摄像头", "大概多少前？"), ["cctv-installation"] * 2),
    (("do you install wallboxes at condos?", "howlong does it take?"), ["ev-charger-installation"] * 2),
    (("สนใจติดฉนวนกันความร้อนใต้หลังคาค่ะ", "อันนี้ใช้เวลากี่วันคะ"), ["building-insulation"] * 2)])
def test_a_follow_up_typed_with_a_slip_is_the_products(cli, messages, topics):
    """Follow-ups typed as customers type them (docs/quality.md, the tenth follow-up set): ประมาน for
    ประมาณ (about), 监空 and 多少前 (homophones the pinyin input offered
    for 监控, cameras, and 多少钱, how much), "howlong" without its space, and อันนี้ (this one), whose
    อัน the segmenter cut off as a content word no topic has: refused, or another product's topic."""
    assert_topics(cli, "conv-slip", [(messages, topics)])


@pytest.mark.parametrize("messages,topics", [
    (("อยากทำระบบสมาร์ทโฮมในคอนโดครับ", "ติดตั้งกี่วันครับ"), ["smart-home"] * 2),
    (("อยากทำระบบสมาร์ทโฮมในคอนโดครับ", "ติดกล้องวงจรปิดด้วยได้ไหม"), ["smart-home", "cctv-installation"])])
def test_an_aspect_keyword_of_another_product_is_the_last_ones(cli, messages, topics):
    """ติดตั้งกี่วัน (install, how many days) is a keyword of the solar installation's timeline, and so a
    name of another product after a smart home, whose answer speaks of installing in 1–5 วัน (days) but
    not in those words side by side: every word of the keyword is the smart home's, an aspect of it
    too. A keyword with a word of its own (กล้องวงจรปิด, cameras) still names the other product."""
    assert_topics(cli, "conv-aspect-keyword", [(messages, topics)])


@pytest.mark.parametrize("messages,topics", [
    (("is there an app to see my solar production?", "is it free?"), ["solar-monitoring-app"] * 2),
    (("is there an app to see my solar production?", "is it free to use?"), ["solar-monitoring-app"] * 2),
    (("is there an app to see my solar production?", "how long until the panels pay for themselves?"),
     ["solar-monitoring-app", "solar-payback"])])
def test_the_last_topic_nearly_tied_with_the_sibling_the_context_chose(cli, messages, topics):
    """"is it free?" after the monitoring app finds the free site survey first, then the payback (free
    power) and the app itself nearly tied: the context took the payback, a sibling of the app in the
    solar product, and now the app, as the last topic is taken over a sibling that is the best hit. A
    follow-up that finds the sibling well ahead of the app (the payback asked) keeps it."""
    assert_topics(cli, "conv-last-near", [(messages, topics)])


@pytest.mark.parametrize("question", ["what services do you offer?", "what products do you have", "มีบริการอะไรบ้าง",
                                      "ขายอะไรบ้างครับ", "你们卖什么？", "你們有什麼服務"])
def test_what_the_business_offers_is_the_company(cli, question):
    """"What do you sell / offer?" is the company's business lines, not the topic that shares its one
    content word (the buy-back's "sell", the service area's บริการ and 服务)."""
    reply = cli.ask_json(question)
    assert (reply["outcome"], reply["topic_id"]) == ("answered", "company-about"), reply


@pytest.mark.parametrize("question,topic", [("are you a legitimate company?", "company-about"),
                                            ("Is Cblue a real business?", "company-about"),
                                            ("你们是正规的公司吗", "company-about"),
                                            ("想盖房子，你们能做什么", "green-construction")])
def test_a_chats_first_message_finds_its_topic(cli, question, topic):
    """A chat's opening message in everyday words: whether the company is real (refused, or the
    analytics' "business") is its background, building a house (盖房子, no word of the KB's) the
    green construction (docs/quality.md, "A set of first messages")."""
    reply = cli.ask_json(question)
    assert (reply["outcome"], reply["topic_id"]) == ("answered", topic), reply


@pytest.mark.parametrize("question,topic", [("I'd like to know who you guys are first", "company-about"),
                                            ("你们是什么公司？", "company-about"),
                                            ("想了解一下你们公司", "company-about"),
                                            ("once it's installed, where do I check how much power it's making?",
                                             "solar-monitoring-app")])
def test_who_the_company_is_and_the_power_made_in_plain_words(cli, question, topic):
    """Who the company is, asked as a customer who is about to pay asks it (who you guys are,
    什么公司: refused, the contact or the overview before), and the power the panels are making
    (the analytics' data before) (docs/quality.md, "A twenty-third held-out set")."""
    reply = cli.ask_json(question)
    assert (reply["outcome"], reply["topic_id"]) == ("answered", topic), reply


@pytest.mark.parametrize("question", ["need solar", "we need solar panels", "I'm interested in solar",
                                      "อยากติดโซล่าเซลล์", "อยากติดโซลาร์", "สนใจโซล่าเซลล์ครับ", "想装太阳能", "想装光伏"])
def test_a_product_named_alone_is_its_overview(cli, question):
    """A first message that names solar and nothing else, with a need or a want, is the solar
    overview, not the topic that says "need" or 想装 most (the water pump, the sizing, the
    financing: docs/quality.md, "A second set of first messages")."""
    reply = cli.ask_json(question)
    assert (reply["outcome"], reply["topic_id"]) == ("answered", "solar-rooftop-overview"), reply


@pytest.mark.parametrize("question,topic", [("What is an on-grid solar system exactly?", "solar-system-types"),
                                            ("solar battery", "solar-battery"),
                                            ("solar warranty", "solar-warranty"),
                                            ("光伏分期", "solar-financing")])
def test_a_product_and_its_aspect_keep_the_aspect(cli, question, topic):
    """A product named with an aspect of it (a tag of the best topic, "grid"; a word most of its
    topics lack) keeps its topic: the overview is only for the product named alone."""
    reply = cli.ask_json(question)
    assert (reply["outcome"], reply["topic_id"]) == ("answered", topic), reply


@pytest.mark.parametrize("question,topic", [("pls ring me back", "contact"),
                                            ("โทรกลับหาผมด้วยครับ", "contact"),
                                            ("打电话给我", "contact"),
                                            ("hi admin, my home is so hot, what can I do?", "building-insulation"),
                                            ("我家西晒", "building-insulation"),
                                            ("ค่าไฟแพงมากครับ ติดอะไรดี", "solar-payback")])
def test_an_opening_need_finds_its_topic(cli, question, topic):
    """A first message that states a need in everyday words: a call back is the contact details, a
    house too hot the insulation, a bill too high the savings (docs/quality.md, "A second set of
    first messages"; each refused or another topic before)."""
    reply = cli.ask_json(question)
    assert (reply["outcome"], reply["topic_id"]) == ("answered", topic), reply


def test_synonyms_override_file(cli):
    """A file in <data_dir>/synonyms extends the bundled synonyms; a broken one is reported with
    its file and line, and the bundled synonyms are used."""
    assert cli.ask_json("zorblax camera")["outcome"] == "unanswered"
    synonyms = os.path.join(cli.data_dir, "synonyms")
    os.makedirs(synonyms, exist_ok=True)
    with open(os.path.join(synonyms, "shop.txt"), "w", encoding="utf-8") as f:
        f.write("# shop slang\ncctv, zorblax\n")
    assert cli.ask_json("zorblax camera")["topic_id"] == "cctv-installation"
    with open(os.path.join(synonyms, "shop.txt"), "w", encoding="utf-8") as f:
        f.write("cctv, zorblax\nlonely\n")
    proc = cli.run("ask", "--json", "surveillance camera for my shop", check=0)
    assert "shop.txt:2: a synonym group needs two different terms" in proc.stderr
    assert json.loads(proc.stdout)["topic_id"] == "cctv-installation"


def poll_topic(server, text, want, timeout=20):
    deadline = time.monotonic() + timeout
    while True:
        status, _, reply = server.chat({"message": text, "language": "en"})
        assert status == 200
        if reply["topic_id"] == want:
            return reply
        assert time.monotonic() < deadline, reply
        time.sleep(0.1)


@pytest.fixture
def server(tmp_path):
    srv = Server(tmp_path / "data")
    yield srv
    if srv.proc.poll() is None:
        srv.proc.kill()
        srv.proc.wait()


def test_synonyms_hot_reload_while_serving(server):
    path = os.path.join(server.data_dir, "synonyms", "shop.txt")
    status, _, reply = server.chat({"message": "zorblax camera", "language": "en"})
    assert status == 200 and reply["topic_id"] is None
    # the server created the folder it watches
    with open(path, "w", encoding="utf-8") as f:
        f.write("cctv, zorblax\n")
    poll_topic(server, "zorblax camera", "cctv-installation")
    # broken: refused with file and line, the synonyms in force stay
    with open(path, "w", encoding="utf-8") as f:
        f.write("cctv, zorblax\n\nsolar\n")
    time.sleep(1.0)
    assert poll_topic(server, "zorblax camera", "cctv-installation", timeout=1)
    # fixed and changed: reloaded
    with open(path, "w", encoding="utf-8") as f:
        f.write("ev charger, zorblax\n")
    poll_topic(server, "zorblax price", "ev-charger-price")
    assert server.stop() == 0
    stderr = server.stderr
    assert "shop.txt:3: a synonym group needs two different terms" in stderr
    assert "the previous ones stay in force" in stderr


# two topics that no wording without the colour tells apart
AMBIGUOUS_KB = [
    {"topic_id": "reset-red", "category": "devices", "keywords": ["red box"],
     "questions": {"en": ["How do I reset the red box?"]},
     "content": {"en": "Hold the reset button for ten seconds."}},
    {"topic_id": "reset-tan", "category": "devices", "keywords": ["tan box"],
     "questions": {"en": ["How do I reset the tan box?"]},
     "content": {"en": "Hold the reset button for ten seconds."}},
    {"topic_id": "billing", "category": "account", "keywords": ["invoice"],
     "questions": {"en": ["Where is my invoice?"]},
     "content": {"en": "Invoices are in the customer portal."}},
]


def test_eval_calibrates_the_clarify_margin(cli, tmp_path):
    """Where the two best topics are often both plausible, `eval --calibrate` turns clarification
    on, and the bot then asks which topic was meant, in the customer's language."""
    kb = tmp_path / "kb.json"
    kb.write_text(json.dumps(AMBIGUOUS_KB), encoding="utf-8")
    labels = tmp_path / "labels.tsv"
    labels.write_text("language\tquery\ttopic_id\n"
                      "en\thow to use the reset button\treset-tan\n"
                      "en\treset button please\treset-tan\n"
                      "en\thold the reset button\treset-red\n"
                      "en\tmy invoice\tbilling\n"
                      "en\tinvoice for last month\tbilling\n", encoding="utf-8")
    proc = cli.run("eval", "--kb", str(kb), "--calibrate", str(labels), check=0)
    config = proc.stdout.split("[bot]\n")[1]
    values = dict(line.split("=") for line in config.split())
    assert 0 < float(values["clarify_margin"]) <= 0.1, proc.stdout
    assert float(values["answer_threshold"]) > 0

    report = json.loads(cli.run("eval", "--json", "--kb", str(kb), "--clarify-margin", values["clarify_margin"],
                                str(labels), check=0).stdout)
    assert report["clarify_margin"] == float(values["clarify_margin"])
    assert report["languages"]["en"]["clarified"] == pytest.approx(3 / 5)
    assert report["languages"]["en"]["clarified_offering_expected"] == 1.0
    # clarification never changes the ranking: top-1 is what it was without it
    plain = json.loads(cli.run("eval", "--json", "--kb", str(kb), "--clarify-margin", "0", str(labels),
                               check=0).stdout)
    assert plain["languages"]["en"]["top1"] == report["languages"]["en"]["top1"]
    assert plain["languages"]["en"]["clarified"] == 0

    # a store with this KB only (eval seeded the other one with the bundled KB)
    shop = Cli(tmp_path / "shop")
    shop.run("kb", "import", str(kb), check=0)
    conf = tmp_path / "cblue.conf"
    conf.write_text("[bot]\n" + config, encoding="utf-8")
    reply = shop.ask_json("reset button", config=conf)
    assert reply["outcome"] == "clarify"
    assert reply["topic_id"] is None
    assert "How do I reset the red box?" in reply["reply"] and "How do I reset the tan box?" in reply["reply"]
    assert shop.ask_json("where is my invoice", config=conf)["outcome"] == "answered"


# tests/data/clarify.tsv (docs/quality.md, "Questions that name no product: asking back"):
# first messages that name no product ("how much?", "ราคาเท่าไหร่", "多少钱？") and ones that
# do. Per language, how many of the 15 of each kind are asked back, as measured when the rule
# came ([bot] product_margin 0.30; en 8, th 7, zh 6) and after the aspects that one product has a
# topic of ("is there a warranty?"): the named ones never.
CLARIFY_FLOORS = {"en": 9, "th": 8, "zh": 6}
# tests/data/clarify2.tsv (docs/quality.md, "The second set: greetings, a weak best topic,
# aspects of one product, options in words"): per language, of 20 that name no product, as
# measured after (blind: en 4, th 5, zh 4); the 20 named ones never.
CLARIFY2_FLOORS = {"en": 7, "th": 7, "zh": 8}


def kb_labels():
    """The clarify reply's option labels (a topic's first question in the language) → topic."""
    labels = {}
    kb_dir = os.path.join(os.environ["CBLUE_SOURCE_ROOT"], "data", "kb")
    for name in sorted(os.listdir(kb_dir)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(kb_dir, name), encoding="utf-8") as f:
            for entry in json.load(f):
                for language, questions in entry["questions"].items():
                    labels[(language, questions[0])] = entry
    return labels


@pytest.mark.parametrize("name, floors", [("clarify.tsv", CLARIFY_FLOORS), ("clarify2.tsv", CLARIFY2_FLOORS)])
def test_question_naming_no_product_is_asked_back(cli, name, floors):
    with open(os.path.join(DATADIR, name), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")][1:]
    proc = cli.run("ask", "--json", "--stdin", "--no-record", stdin="".join(r[1] + "\n" for r in rows), check=0)
    replies = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(replies) == len(rows)
    labels = kb_labels()
    asked = {"en": 0, "th": 0, "zh": 0}
    for (language, query, expected, *topic), reply in zip(rows, replies):
        if expected == "answered":
            # a question that names its product gets its answer, not a question back
            assert reply["outcome"] != "clarify", (query, reply)
            continue
        if reply["outcome"] != "clarify":
            continue
        asked[language] += 1
        offered = [line.split(". ", 1)[1] for line in reply["reply"].splitlines()[1:]]
        entries = [labels[(language, label)] for label in offered]
        assert 2 <= len(entries) <= 3, (query, reply["reply"])
        products = [entry["tags"][0] for entry in entries]
        assert len(set(products)) == len(products), (query, products)
        assert reply.get("topic_id") is None
    for language, floor in floors.items():
        assert asked[language] >= floor, (language, asked)


@pytest.mark.parametrize("greeted, bare", [
    ("hi, how much?", "how much?"),
    ("สวัสดีค่ะ ราคาประมาณเท่าไหร่คะ", "ราคาประมาณเท่าไหร่คะ"),
    ("你好，请问多少钱", "请问多少钱"),
])
def test_greeting_before_a_question_naming_no_product(cli, greeted, bare):
    """A greeting before the question sways the ranking but names nothing: the question after
    it is asked back as it is on its own, with the options it has on its own."""
    alone = cli.ask_json(bare)
    reply = cli.ask_json(greeted)
    assert alone["outcome"] == "clarify", alone
    assert reply["outcome"] == "clarify", reply
    assert reply["reply"] == alone["reply"]


@pytest.mark.parametrize("question", ["any warranty?", "มีประกันไหมครับ", "does it need maintenance?"])
def test_aspect_with_a_topic_of_one_product_is_asked_back(cli, question):
    """Only solar has a warranty topic and a maintenance topic; other products' topics say
    theirs in passing (renovation, CCTV: a 1-year workmanship warranty; websites: maintenance
    packages). Asked with no product, the solar topic is offered beside another product's."""
    reply = cli.ask_json(question)
    assert reply["outcome"] == "clarify", reply
    offered = [kb_labels()[(reply["language"], line.split(". ", 1)[1])] for line in reply["reply"].splitlines()[1:]]
    products = [entry["tags"][0] for entry in offered]
    assert products[0] == "solar" and len(set(products)) == len(products) >= 2, products


@pytest.mark.parametrize("question, topic", [
    ("保修", "solar-warranty"),              # the warranty topic's own keyword
    ("ev charger", "ev-charger-installation"),  # names the product after-sales speaks of
    ("warranty for cctv?", "cctv-installation"),
    ("กลอนดิจิตอล", "smart-door-lock"),
])
def test_aspect_of_one_product_named_is_answered(cli, question, topic):
    reply = cli.ask_json(question)
    assert reply["outcome"] == "answered", reply
    assert reply["topic_id"] == topic, reply


@pytest.mark.parametrize("question", ["价格多少呀", "請問多少錢？"])
def test_question_naming_no_product_is_asked_back_however_weak(cli, question):
    """A first message that names no product is asked back even when its best topic is too
    weak to answer with: the price topics of several products sharing its words are what
    keep any one of them from being sure, so it is not refused."""
    reply = cli.ask_json(question)
    assert reply["outcome"] == "clarify", reply
    assert reply.get("topic_id") is None


def test_clarification_answered_in_words(cli):
    """tests/data/clarify2-picks.tsv: replies to the question back, by the option's number in
    words ("the first one", "อันแรกค่ะ", "ข้อสอง", "第一個") or by the product ("光伏的")."""
    with open(os.path.join(DATADIR, "clarify2-picks.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")][1:]
    assert len(rows) == 15
    labels = kb_labels()
    for i, (language, first, answer, pick) in enumerate(rows):
        replies = ask_conversation(cli, f"conv-words-{i}", first, answer)
        assert replies[0]["outcome"] == "clarify", (first, replies[0])
        options = [labels[(language, line.split(". ", 1)[1])] for line in replies[0]["reply"].splitlines()[1:]]
        expected = [entry["topic_id"] for n, entry in enumerate(options, 1)
                    if (pick.isdigit() and n == int(pick)) or entry["tags"][0] == pick]
        assert len(expected) == 1, (first, pick, options)
        assert replies[1]["outcome"] == "answered", (first, answer, replies[1])
        assert replies[1]["topic_id"] == expected[0], (first, answer, replies[1])


def test_follow_up_naming_no_product_is_not_asked_back(cli):
    """In a conversation, "how much is it?" takes the conversation's product, as before."""
    replies = ask_conversation(cli, "conv-clarify", "Do you install EV chargers at home?", "how much is it?")
    assert replies[1]["outcome"] == "answered", replies[1]
    assert replies[1]["topic_id"] == "ev-charger-price"
    alone = cli.ask_json("how much is it?")
    assert alone["outcome"] == "clarify", alone


def test_asking_back_can_be_turned_off(cli, tmp_path):
    config = tmp_path / "cblue.conf"
    config.write_text("[bot]\nproduct_margin=0\n")
    reply = cli.ask_json("ราคาเท่าไหร่", config=config)
    assert reply["outcome"] == "answered", reply


@pytest.mark.parametrize("question, answer", [
    ("how much?", "2"),
    ("how much?", "option 1"),
    ("ราคาเท่าไหร่", "ข้อ 2 ค่ะ"),
    ("ราคาเท่าไหร่", "๑"),
    ("多少钱？", "第二个"),
    ("多少钱？", "1"),
])
def test_clarification_answered_by_the_option_number(cli, question, answer):
    """The bot asked which product was meant; the option's number answers with that topic."""
    replies = ask_conversation(cli, "conv-pick", question, answer)
    assert replies[0]["outcome"] == "clarify", replies[0]
    options = [line.split(". ", 1)[1] for line in replies[0]["reply"].splitlines()[1:]]
    number = {"2": 2, "option 1": 1, "ข้อ 2 ค่ะ": 2, "๑": 1, "第二个": 2, "1": 1}[answer]
    language = replies[0]["language"]
    expected = kb_labels()[(language, options[number - 1])]["topic_id"]
    assert replies[1]["outcome"] == "answered", replies[1]
    assert replies[1]["topic_id"] == expected, (replies[1], options)


def test_clarification_answered_by_the_product_name(cli):
    """A few words that name one option pick it; a number beyond the options, or a question
    of its own, is decided as usual, and the options are open for one message only."""
    replies = ask_conversation(cli, "conv-pick-name", "多少钱？", "充电桩的")
    assert replies[0]["outcome"] == "clarify", replies[0]
    assert replies[1]["topic_id"] == "ev-charger-price", replies[1]

    # no 7th option: "7" is decided as it would be on its own
    replies = ask_conversation(cli, "conv-pick-none", "how much?", "7")
    assert len(replies[0]["reply"].splitlines()) < 1 + 7
    alone = ask_conversation(cli, "conv-seven", "7")[0]
    assert (replies[1]["outcome"], replies[1].get("topic_id")) == (alone["outcome"], alone.get("topic_id"))

    replies = ask_conversation(cli, "conv-pick-question", "how much?", "Do you install CCTV at my shop?", "2")
    options = [line.split(". ", 1)[1] for line in replies[0]["reply"].splitlines()[1:]]
    second = kb_labels()[("en", options[1])]["topic_id"]
    assert replies[1]["outcome"] == "answered" and replies[1]["topic_id"].startswith("cctv"), replies[1]
    assert replies[2].get("topic_id") != second, replies[2]


@pytest.mark.parametrize("question, topic", [
    ("Not a price quote please, just explain how rooftop solar panels work", "solar-rooftop-overview"),
    ("I don't want a quotation, I only want to understand how solar on the roof makes electricity",
     "solar-rooftop-overview"),
    ("ยังไม่ต้องการใบเสนอราคาครับ แค่อยากเข้าใจว่าโซล่าบนหลังคาทำงานยังไง", "solar-rooftop-overview"),
    ("不是要报价，是想了解太阳能发电的原理", "solar-rooftop-overview"),
    ("ไม่ได้ถามเรื่องโซล่าค่ะ ถามเรื่องกล้องวงจรปิด ดูผ่านมือถือได้ไหม", "cctv-remote-viewing"),
])
def test_the_alternative_decides_not_the_negated_option(cli, question, topic):
    """A customer who says what they do not want and then what they do ("not a quote, just how it
    works"): the negated words are left out of what is searched (docs/quality.md, "Negated options:
    the alternative decides"), so the quotation's topic does not win."""
    reply = cli.ask_json(question)
    assert (reply["outcome"], reply["topic_id"]) == ("answered", topic), reply
