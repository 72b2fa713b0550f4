# SPDX-License-Identifier: LGPL-2.1-or-later
"""A pytest plugin for running tests/python/test_admin_analytics.py on PostgreSQL.

Those tests write analytics events with chosen times straight into the SQLite file
(`insert_events`), since the chat API only writes "now". With this plugin
(`pytest -p pg_insert_plugin`) and CBLUE_DATABASE_URL set, the same rows go into the
PostgreSQL database instead, through psql; everything else in the tests is unchanged.
"""

import os
import subprocess

from pgserver import pg_bindir


def _literal(value):
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def pg_insert_events(site, rows):
    url = os.environ["CBLUE_DATABASE_URL"]
    values = ",\n".join("('message', " + ", ".join(_literal(v) for v in row[:6]) + f", {_literal(row[6])}::timestamptz)"
                        for row in rows)
    sql = ("INSERT INTO analytics_events (type, conversation_id, message_id, language, topic_id, outcome, "
           f"duration_us, created_at) VALUES {values};")
    subprocess.run([os.path.join(pg_bindir(), "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                   check=True, capture_output=True, text=True, timeout=60)


def pytest_collection_modifyitems(session, config, items):
    if not os.environ.get("CBLUE_DATABASE_URL"):
        return
    for item in items:
        module = getattr(item, "module", None)
        if module is not None and hasattr(module, "insert_events"):
            module.insert_events = pg_insert_events
