# SPDX-License-Identifier: LGPL-2.1-or-later
"""pipeline_stage_duration_seconds{stage}: every stage of the pipeline is timed.

`cblue serve` answers messages over HTTP and WebSocket; /metrics is then parsed with the
Prometheus client library's own text parser, and each stage must be there with one
observation per message that ran it: language, redact, retrieve:<plugin> for every
retriever, decide, answer, record, and the whole pipeline."""

import json
import signal
import subprocess
import time
import urllib.request

import pytest

from conftest import CBLUE
from cblue_process import run_command, stop_gracefully

parser = pytest.importorskip("prometheus_client.parser")


@pytest.fixture
def server(tmp_path):
    proc = subprocess.Popen([CBLUE, "serve", "--port", "0", "--data-dir", str(tmp_path / "data")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    assert line.startswith("Listening on http://127.0.0.1:"), (line, proc.stderr.read())
    yield line.split()[-1].rstrip("/")
    stop_gracefully(proc)


def chat(base, message):
    req = urllib.request.Request(base + "/api/v1/chat", data=json.dumps({"message": message}).encode("utf-8"),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())


def stage_counts(base):
    with urllib.request.urlopen(base + "/metrics", timeout=30) as resp:
        text = resp.read().decode("utf-8")
    families = {f.name: f for f in parser.text_string_to_metric_families(text)}
    family = families["pipeline_stage_duration_seconds"]
    assert family.type == "histogram"
    counts, sums = {}, {}
    for sample in family.samples:
        if sample.name.endswith("_count"):
            counts[sample.labels["stage"]] = sample.value
        elif sample.name.endswith("_sum"):
            sums[sample.labels["stage"]] = sample.value
    return counts, sums


def plugins():
    proc = run_command([CBLUE, "plugins"], timeout=60, check=True)
    return proc.stdout


def test_every_stage_is_timed(server):
    counts, _ = stage_counts(server)
    assert counts == {"pipeline": 0}, counts
    answered = chat(server, "ติดโซลาร์เซลล์ราคาเท่าไหร่ โทร 081-234-5678")
    assert answered["outcome"] == "answered" and answered["pii_redacted"]
    unanswered = chat(server, "今天天气怎么样")
    assert unanswered["outcome"] == "unanswered"

    # the exchange is recorded behind the reply: wait for both
    for _ in range(100):
        counts, sums = stage_counts(server)
        if counts.get("record") == 2:
            break
        time.sleep(0.05)
    retrievers = sorted(s for s in counts if s.startswith("retrieve:"))
    assert retrievers, counts
    # every enabled retriever plugin is timed on its own
    listing = plugins()
    for stage in retrievers:
        assert stage.split(":", 1)[1] in listing, (stage, listing)
    for stage in ["pipeline", "language", "redact", "decide", "record"] + retrievers:
        assert counts.get(stage) == 2, (stage, counts)
        assert sums[stage] >= 0
    # only an answered message needs its answer written
    assert counts.get("answer") == 1, counts
    # the stages are parts of the pipeline
    assert sums["pipeline"] > 0
    assert sums["language"] + sums["redact"] + sums["decide"] + sum(sums[r] for r in retrievers) <= \
        sums["pipeline"] * 1.5 + 0.01
