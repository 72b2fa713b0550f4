#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""PostgreSQL insert throughput of conversations (store-postgres, batched).

    bench/pg-insert.py BUILDDIR [EXCHANGES]

Starts a throw-away PostgreSQL (tests/integration/pgserver.py: initdb in a temp dir, a free
port on 127.0.0.1, fsync off as a test server has it), runs BUILDDIR/bench/pg-insert against
it and prints its figures, then the same with `synchronous_commit` and `fsync` on, as a
durable production server would run. Prints figures only; no assertion on speed.
"""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
from pgserver import PgServer, pg_available  # noqa: E402


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    build = sys.argv[1]
    exchanges = sys.argv[2] if len(sys.argv) > 2 else "100000"
    if not pg_available():
        print("PostgreSQL is not installed: skipped")
        return 77
    env = dict(os.environ, CBLUE_PLUGIN_PATH=os.path.join(build, "plugins"), LANG="C.UTF-8")
    for durable in (False, True):
        with PgServer(durable=durable) as pg:
            print(f"== PostgreSQL {pg.scalar('SHOW server_version')}, fsync={pg.scalar('SHOW fsync')}, "
                  f"synchronous_commit={pg.scalar('SHOW synchronous_commit')}", flush=True)
            proc = subprocess.run([os.path.join(build, "bench", "pg-insert"), pg.url, exchanges], env=env)
            if proc.returncode != 0:
                return proc.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
