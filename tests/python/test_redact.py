# SPDX-License-Identifier: LGPL-2.1-or-later
"""Black-box tests of `cblue redact` (DESIGN.md §4) and of the promise that personal data
never reaches the database, the logs or a model provider."""

import glob
import json
import os
import re
import select
import sqlite3
import subprocess

import pytest

from conftest import CBLUE
from cblue_process import run_command

REDACT_PLUGINS = "redact-builtin,redact-custom"


def write_config(tmp_path, text, name="cblue.conf"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def redact(cli, text, *args, config=None, check=0):
    return cli.run("redact", *args, stdin=text, config=config, check=check)


def test_help(cli):
    proc = cli.run("redact", "--help", check=0)
    for word in ("Usage", "--json", "--conversation", "--config", "--data-dir"):
        assert word in proc.stdout


def test_unexpected_argument(cli):
    proc = cli.run("redact", "some text")
    assert proc.returncode == 2
    assert "standard input" in proc.stderr


def test_lines_in_lines_out(cli):
    lines = [
        "โทร 081-234-5678 หรือ somchai@example.com ค่ะ",
        "",
        "我的手机是13812345678，身份证11010519491231002X",
        "ID 1-1037-02071-62-5 card 4111 1111 1111 1111 exp 12/28",
        "ราคา ฿12,500 ติด 5kW วันที่ 25/11/2569 เวลา 10:30",
        "line id: somchai99 / 微信号：wxid_abc123",
        "０８１－２３４－５６７８",
    ]
    proc = redact(cli, "\n".join(lines) + "\n")
    out = proc.stdout.split("\n")
    assert out[-1] == ""
    assert out[:-1] == [
        "โทร [PHONE] หรือ [EMAIL] ค่ะ",
        "",
        "我的手机是[PHONE]，身份证[CN_ID]",
        "ID [TH_ID] card [CARD] exp 12/28",
        "ราคา ฿12,500 ติด 5kW วันที่ 25/11/2569 เวลา 10:30",
        "line id: [LINE_ID] / 微信号：[WECHAT_ID]",
        "[PHONE]",
    ]
    assert proc.stderr == ""


def test_line_endings_preserved(cli):
    proc = run_command([CBLUE, "redact", "--data-dir", cli.data_dir], input=b"a 0812345678\r\nb\r\nlast a@b.co",
                       text=False, timeout=60)
    assert proc.returncode == 0
    assert proc.stdout == b"a [PHONE]\r\nb\r\nlast [EMAIL]"


def test_json_spans_in_characters(cli):
    proc = redact(cli, "โทร 0812345678 หรือ a@b.co\nnothing here\n", "--json")
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert out[0] == {
        "line": 1,
        "text": "โทร [PHONE] หรือ [EMAIL]",
        "spans": [{"type": "PHONE", "start": 4, "end": 14}, {"type": "EMAIL", "start": 20, "end": 26}],
    }
    # character offsets into the input line: the value is there, and only there
    line = "โทร 0812345678 หรือ a@b.co"
    assert line[4:14] == "0812345678" and line[20:26] == "a@b.co"
    assert out[1] == {"line": 2, "text": "nothing here", "spans": []}
    # the values themselves are never printed
    assert "0812345678" not in proc.stdout


def test_invalid_utf8_reported_and_sanitized(cli, tmp_path):
    data = b"ok 0812345678\nbad \xff\xfe 0898765432\nnul \x00 a@b.co\nlast\n"
    proc = run_command([CBLUE, "redact", "--data-dir", cli.data_dir], input=data, text=False, timeout=60)
    assert proc.returncode == 1
    out = proc.stdout.decode("utf-8").split("\n")
    assert out == ["ok [PHONE]", "bad \ufffd\ufffd [PHONE]", "nul \ufffd [EMAIL]", "last", ""]
    err = proc.stderr.decode("utf-8")
    assert re.search(r"\b2\b.*UTF-8", err) and re.search(r"\b3\b.*UTF-8", err)
    assert "0898765432" not in err


def test_each_line_flushed_as_read(cli):
    """An interactive peer gets each line back before it sends the next one."""
    proc = subprocess.Popen([CBLUE, "redact", "--data-dir", cli.data_dir], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for i, (line, expected) in enumerate([("call 0812345678", b"call [PHONE]\n"),
                                              ("mail a@b.co", b"mail [EMAIL]\n"),
                                              ("nothing", b"nothing\n")]):
            proc.stdin.write(line.encode() + b"\n")
            proc.stdin.flush()
            ready, _, _ = select.select([proc.stdout], [], [], 30)
            assert ready, f"no output for line {i + 1} while the pipe is still open"
            assert proc.stdout.readline() == expected
        proc.stdin.close()
        assert proc.wait(timeout=30) == 0
    finally:
        proc.kill()
        proc.wait()


def test_modes(cli, tmp_path):
    config = write_config(tmp_path, "[redact]\nmode.PHONE=mask\nmode.EMAIL=hash\nmode.CARD=drop\n")
    text = "tel 081-234-5678 mail somchai@example.com card 4111 1111 1111 1111 end\n"
    first = redact(cli, text, config=config).stdout
    assert re.fullmatch(r"tel \*\*\*-\*\*\*-5678 mail \[EMAIL:[0-9a-f]{12}\] card  end\n", first), first
    # the key was generated into the data dir, private, and makes hashes stable across runs
    key = os.path.join(cli.data_dir, "redact-hash.key")
    assert os.stat(key).st_mode & 0o777 == 0o600
    assert redact(cli, text, config=config).stdout == first
    # ... within one conversation
    other = redact(cli, text, "--conversation", "c-42", config=config).stdout
    assert other != first and "EMAIL:" in other
    # the key never appears in what the command prints
    secret = open(key, encoding="ascii").read().strip()
    assert secret not in first and secret not in other


def test_custom_rules(cli, tmp_path):
    config = write_config(tmp_path, "[redact.rule employee-id]\npattern=\\bEMP-\\d{6}\\b\n"
                                    "[redact.rule member]\npattern=(?<!\\d)\\d{8}(?!\\d)\nplaceholder=[MEMBER_NO]\n"
                                    "context=member;สมาชิก;会员\ncontext_window=12\n")
    proc = redact(cli, "EMP-123456 member 12345678 other 87654321\n", config=config)
    assert proc.stdout == "[EMPLOYEE_ID] member [MEMBER_NO] other 87654321\n"


def test_custom_rule_that_does_not_compile_stops(cli, tmp_path):
    config = write_config(tmp_path, "[redact.rule order-ref]\npattern=ORD-(\\d+\n")
    proc = redact(cli, "ORD-1\n", config=config, check=None)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "order-ref" in proc.stderr and "offset 8" in proc.stderr


def test_bad_mode_stops(cli, tmp_path):
    config = write_config(tmp_path, "[redact]\nmode.PHONE=blur\n")
    proc = redact(cli, "0812345678\n", config=config, check=None)
    assert proc.returncode == 1
    assert "mode.PHONE" in proc.stderr and "blur" in proc.stderr


def test_no_redactor_is_an_error(cli, tmp_path):
    config = write_config(tmp_path, "[plugins]\nenabled=store-sqlite\n")
    proc = redact(cli, "0812345678\n", config=config, check=None)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "no redaction plugin" in proc.stderr


def test_disabled_types(cli, tmp_path):
    config = write_config(tmp_path, "[redact]\ndisabled_types=IP,EMAIL\n")
    proc = redact(cli, "ip 192.168.1.10 a@b.co 0812345678\n", config=config)
    assert proc.stdout == "ip 192.168.1.10 a@b.co [PHONE]\n"


# a message full of personal data, and every form its values could leak in
PII_VALUES = {
    "PHONE": ["081-234-5678", "0812345678", "+86 138 1234 5678", "13812345678"],
    "EMAIL": ["somchai.j@example.co.th", "somchai.j"],
    "TH_ID": ["1-1037-02071-62-5", "1103702071625"],
    "CN_ID": ["11010519491231002X"],
    "CARD": ["4111 1111 1111 1111", "4111111111111111"],
    "IP": ["203.0.113.7", "2001:db8::1"],
    "BANK_ACCOUNT": ["123-4-56789-0", "1234567890"],
    "PASSPORT": ["AA1234567"],
    "LINE_ID": ["somchai99"],
    "WECHAT_ID": ["wxid_abc123"],
}
PII_MESSAGE = ("สวัสดีค่ะ สนใจ solar-warranty โทร 081-234-5678 หรือ +86 138 1234 5678 "
               "อีเมล somchai.j@example.co.th บัตรประชาชน 1-1037-02071-62-5 身份证11010519491231002X "
               "card 4111 1111 1111 1111 ip 203.0.113.7 / 2001:db8::1 เลขบัญชี 123-4-56789-0 "
               "passport AA1234567 line id: somchai99 微信号：wxid_abc123 "
               "เบอร์สำรอง ０８１２３４５６７８")


def assert_no_value(where, data):
    for label, values in PII_VALUES.items():
        for value in values:
            for form in {value, value.replace(" ", ""), value.replace("-", "")}:
                assert form.encode("utf-8") not in data, f"{label} value {form!r} found in {where}"
    # the full-width form, folded by the redactors, must be gone too
    assert "０８１２３４５６７８".encode("utf-8") not in data, where


def test_number_sent_in_two_lines_is_redacted(cli, tmp_path):
    """A message is redacted whole, line breaks and all: a phone number typed over two lines
    (`081 234⏎5678`, as a chat app wraps it or a customer sends it) reaches no model request."""
    capture = tmp_path / "model-requests.jsonl"
    config = write_config(tmp_path, f"[plugins]\nenabled=dummy,{REDACT_PLUGINS}\ndisabled=\n"
                                    f"[dummy]\ncapture_file={capture}\n")
    proc = cli.run("ask", "--json", "--no-record", "สนใจ solar-warranty โทร 081 234\n5678 ค่ะ", config=config, check=0)
    assert json.loads(proc.stdout)["pii_redacted"] is True
    requests = [json.loads(line) for line in capture.read_text(encoding="utf-8").splitlines()]
    assert len(requests) == 1
    assert "[PHONE]" in requests[0]["message"] and "5678" not in requests[0]["message"], requests[0]["message"]


def test_no_trace_in_store_logs_or_model_request(cli, tmp_path):
    capture = tmp_path / "model-requests.jsonl"
    config = write_config(tmp_path, f"[plugins]\nenabled=dummy,store-sqlite,{REDACT_PLUGINS}\ndisabled=\n"
                                    f"[dummy]\ncapture_file={capture}\n")
    proc = cli.run("ask", "--json", "-v", "--log-format", "json", "--conversation", "leak-test", PII_MESSAGE,
                   config=config, check=0)
    reply = json.loads(proc.stdout)
    assert reply["pii_redacted"] is True
    assert reply["topic_id"] == "solar-warranty"

    # the model provider got the redacted text, with every placeholder
    requests = [json.loads(line) for line in capture.read_text(encoding="utf-8").splitlines()]
    assert len(requests) == 1
    for label in PII_VALUES:
        assert f"[{label}]" in requests[0]["message"], (label, requests[0]["message"])
    assert_no_value("the model request", capture.read_bytes())

    # the JSON logs: the message is there at debug level, redacted
    logs = [json.loads(line) for line in proc.stderr.splitlines() if line.startswith("{")]
    assert any("[PHONE]" in entry["message"] and entry.get("conversation_id") == "leak-test" for entry in logs)
    assert_no_value("the logs", proc.stderr.encode("utf-8"))

    # the database, every byte of it (WAL and shared memory included), and what it says
    files = glob.glob(os.path.join(cli.data_dir, "cblue.db*"))
    assert files
    for path in files:
        with open(path, "rb") as f:
            assert_no_value(path, f.read())
    db = sqlite3.connect(os.path.join(cli.data_dir, "cblue.db"))
    text, types = db.execute("SELECT text, pii_types FROM messages WHERE role = 'user'").fetchone()
    assert "[EMAIL]" in text and "[WECHAT_ID]" in text
    assert types == ",".join(sorted(PII_VALUES))
    db.close()
