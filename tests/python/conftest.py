# SPDX-License-Identifier: LGPL-2.1-or-later
"""Shared fixtures: the built `cblue` binary, run black-box with a fresh data dir."""

import json
import os

import pytest
from cblue_process import run_command

CBLUE = os.environ.get("CBLUE_BIN", "cblue")
DATADIR = os.environ.get("CBLUE_TEST_DATADIR", os.path.join(os.path.dirname(__file__), "..", "data"))


class Cli:
    def __init__(self, data_dir):
        self.data_dir = str(data_dir)

    def run(self, *args, stdin=None, config=None, check=None, timeout=120):
        cmd = [CBLUE, *args]
        if args and args[0] != "--help":
            cmd += ["--data-dir", self.data_dir]
        if config is not None:
            cmd += ["--config", str(config)]
        proc = run_command(cmd, input=stdin, timeout=timeout, state_dir=self.data_dir)
        if check is not None:
            assert proc.returncode == check, (proc.returncode, proc.stdout, proc.stderr)
        return proc

    def ask_json(self, text, **kwargs):
        proc = self.run("ask", "--json", text, check=0, **kwargs)
        return json.loads(proc.stdout)


def pytest_configure(config):
    config.addinivalue_line("markers", "embedded_only: about one `cblue serve` process; "
                            "left out of the topology run (tests/python/topology_mode.py)")


@pytest.fixture
def cli(tmp_path):
    return Cli(tmp_path / "data")


def pytest_collection_modifyitems(config, items):
    """CBLUE_TEST_SHARD=K/N keeps every N-th test from the K-th (0-based), in collection order: a long
    file run as N meson tests, which run side by side and each have a time limit of their own
    (test_retrieval under ASan); every test is in exactly one shard"""
    shard = os.environ.get("CBLUE_TEST_SHARD")
    if not shard:
        return
    k, n = (int(x) for x in shard.split("/"))
    assert 0 <= k < n, shard
    config.hook.pytest_deselected(items=[item for i, item in enumerate(items) if i % n != k])
    items[:] = [item for i, item in enumerate(items) if i % n == k]
