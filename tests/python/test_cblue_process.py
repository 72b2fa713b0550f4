# SPDX-License-Identifier: LGPL-2.1-or-later
"""The tests' own process helper: a command run a second time after an LSan tracer failure
finds its data directory as the first run did, so its work is not done twice."""

import sys

from cblue_process import LSAN_TRACER_FAILURE, run_command

# appends a line to DIR/log, then fails as the LSan tracer does unless ASan's DTLS tracking is off
# (which is how run_command() runs the second time)
FLAKY = f"""
import os, sys
with open(os.path.join(sys.argv[1], "log"), "a") as f:
    f.write("asked\\n")
print("reply")
if "intercept_tls_get_addr=0" not in os.environ.get("ASAN_OPTIONS", ""):
    sys.stderr.write("==1==Tracer caught signal 11\\n==1=={LSAN_TRACER_FAILURE}\\n")
    sys.exit(1)
"""


def flaky(state):
    return [sys.executable, "-c", FLAKY, str(state)]


def test_second_run_finds_the_state_of_the_first(tmp_path, monkeypatch):
    monkeypatch.setenv("CBLUE_SANITIZED", "1")
    monkeypatch.delenv("ASAN_OPTIONS", raising=False)
    state = tmp_path / "data"
    state.mkdir()
    (state / "log").write_text("before\n")
    proc = run_command(flaky(state), state_dir=state)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "reply\n"
    assert (state / "log").read_text() == "before\nasked\n"


def test_a_state_dir_made_by_the_first_run_is_removed_before_the_second(tmp_path, monkeypatch):
    monkeypatch.setenv("CBLUE_SANITIZED", "1")
    monkeypatch.delenv("ASAN_OPTIONS", raising=False)
    state = tmp_path / "data"
    script = "import os, sys; os.makedirs(sys.argv[1], exist_ok=True)\n" + FLAKY
    proc = run_command([sys.executable, "-c", script, str(state)], state_dir=state)
    assert proc.returncode == 0, proc.stderr
    assert (state / "log").read_text() == "asked\n"


def test_without_state_dir_the_work_is_done_twice(tmp_path, monkeypatch):
    """what state_dir is for: a command run twice has written twice"""
    monkeypatch.delenv("ASAN_OPTIONS", raising=False)
    proc = run_command(flaky(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "log").read_text() == "asked\nasked\n"


def test_a_command_that_succeeds_runs_once(tmp_path, monkeypatch):
    monkeypatch.setenv("CBLUE_SANITIZED", "1")
    monkeypatch.setenv("ASAN_OPTIONS", "intercept_tls_get_addr=0")
    proc = run_command(flaky(tmp_path), state_dir=tmp_path)
    assert proc.returncode == 0
    assert (tmp_path / "log").read_text() == "asked\n"
