# SPDX-License-Identifier: LGPL-2.1-or-later
"""libcblue through GObject introspection (gi.repository.Cblue)."""

import json

import gi

gi.require_version("Cblue", "1.0")
from gi.repository import Cblue  # noqa: E402


def make_bot(tmp_path):
    config = Cblue.Config.new()
    config.set_string("core", "data_dir", str(tmp_path))
    context = Cblue.Context.new(config)
    loader = Cblue.PluginLoader.new(context)
    assert loader.load()
    assert loader.setup_sync(None)
    names = [p.get_name() for p in loader.get_plugins()]
    assert "retrieval-bm25" in names and "store-sqlite" in names
    return context, loader, Cblue.Bot.new(context)


def test_bot_with_imported_kb_answers_three_languages(tmp_path):
    context, loader, bot = make_bot(tmp_path / "data")
    kb_file = tmp_path / "kb.json"
    kb_file.write_text(json.dumps([
        {"topic_id": "solar-price", "keywords": ["solar", "โซลาร์เซลล์", "太阳能"],
         "questions": {"en": ["How much is a solar rooftop?"], "th": ["ติดโซลาร์เซลล์ราคาเท่าไหร่"],
                       "zh": ["屋顶太阳能多少钱"]},
         "content": {"en": "About 150,000 THB.", "th": "ประมาณ 150,000 บาท", "zh": "大约15万泰铢。"}},
        {"topic_id": "opening-hours", "questions": {"en": ["When are you open?"], "th": ["เปิดกี่โมง"],
                                                     "zh": ["几点开门"]},
         "content": {"en": "Mon-Sat 8:30-17:30.", "th": "จันทร์-เสาร์ 8:30-17:30", "zh": "周一至周六8:30-17:30。"}},
    ], ensure_ascii=False), encoding="utf-8")
    entries = Cblue.Kb.parse_file(str(kb_file), None)
    assert len(entries) == 2
    store = context.get_extension(Cblue.Store)
    assert store.import_kb(entries, True)
    assert bot.load_kb(False)
    assert bot.get_kb().get_size() == 2

    for text, lang, expected in [("how much for a solar rooftop?", "en", "About 150,000 THB."),
                                 ("โซลาร์เซลล์ราคาเท่าไร", "th", "ประมาณ 150,000 บาท"),
                                 ("太阳能多少钱", "zh", "大约15万泰铢。")]:
        reply = bot.ask(text, None)
        assert reply.get_language() == lang
        assert reply.get_topic_id() == "solar-price"
        assert reply.get_text() == expected
        assert reply.get_outcome() == Cblue.Outcome.ANSWERED

    reply = bot.ask("what is the capital of France", None)
    assert reply.get_outcome() == Cblue.Outcome.UNANSWERED
    assert store.flush()
    assert store.count("unanswered") == 1
    assert loader.shutdown_sync(None)


def test_seeded_bundled_kb_and_errors(tmp_path):
    _, loader, bot = make_bot(tmp_path / "data")
    assert bot.load_kb(True)
    assert bot.get_kb().get_size() >= 40
    reply = bot.ask("ติดโซลาร์เซลล์ราคาเท่าไหร่", None)
    assert reply.get_topic_id() == "solar-rooftop-price"
    try:
        bot.ask("", None)
        raise AssertionError("an empty message must fail")
    except gi.repository.GLib.Error as err:
        assert err.matches(Cblue.error_quark(), Cblue.Error.INVALID_DATA)
    loader.shutdown_sync(None)


def test_declined_service_named_in_the_reply(tmp_path):
    """A question for a service the business does not offer names it (Cblue.ChatReply.get_declined);
    the declined lists reload from a folder, and a bad file is refused with its file and line."""
    _, loader, bot = make_bot(tmp_path / "data")
    assert bot.load_kb(True)
    reply = bot.ask("Do you sell diesel generators?", None)
    assert reply.get_outcome() == Cblue.Outcome.UNANSWERED
    assert reply.get_declined() == "generators"
    assert bot.ask("ติดโซลาร์เซลล์ราคาเท่าไหร่", None).get_declined() is None
    folder = tmp_path / "declined"
    folder.mkdir()
    (folder / "ours.txt").write_text("pizza: pizza oven\nno colon\n", encoding="utf-8")
    try:
        bot.load_declined(str(folder))
        raise AssertionError("a bad file must be refused")
    except gi.repository.GLib.Error as err:
        assert err.matches(Cblue.error_quark(), Cblue.Error.INVALID_DATA)
        assert "ours.txt:2:" in err.message
    assert bot.ask("Do you sell diesel generators?", None).get_declined() == "generators"
    loader.shutdown_sync(None)


def test_tokenizer_and_language():
    tok = Cblue.Tokenizer.new()
    assert tok.tokenize("ติดตั้งโซลาร์เซลล์ราคาเท่าไหร่") == ["ติดตั้ง", "โซลาร์", "เซลล์", "ราคา", "เท่าไหร่"]
    assert tok.normalize("ＳＯＬＡＲ") == "solar"
    lang, confidence = Cblue.language_detect("ติด solar ราคาเท่าไหร่")
    assert lang == "th" and 0 < confidence <= 1
