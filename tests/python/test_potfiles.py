# SPDX-License-Identifier: LGPL-2.1-or-later
"""Every source file with translatable strings is in po/POTFILES.in, and the catalogs are complete."""

import glob
import os
import re
import subprocess

ROOT = os.environ.get("CBLUE_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))


def test_potfiles_complete():
    listed = {line.strip() for line in open(os.path.join(ROOT, "po", "POTFILES.in"), encoding="utf-8")
              if line.strip() and not line.startswith("#")}
    missing = []
    for path in glob.glob(os.path.join(ROOT, "core", "*.c")) + glob.glob(os.path.join(ROOT, "plugins", "*", "*.c")):
        rel = os.path.relpath(path, ROOT)
        if re.search(r'\b(N?_|g_dngettext)\s*\(\s*"', open(path, encoding="utf-8").read()) and rel not in listed:
            missing.append(rel)
    assert missing == []
    for rel in listed:
        assert os.path.exists(os.path.join(ROOT, rel)), rel


def test_catalogs_compile_without_untranslated_messages():
    for lang in ("th", "zh_CN"):
        proc = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull,
                               os.path.join(ROOT, "po", f"{lang}.po")], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        assert "untranslated" not in proc.stderr and "fuzzy" not in proc.stderr, proc.stderr
