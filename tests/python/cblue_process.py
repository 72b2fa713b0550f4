# SPDX-License-Identifier: LGPL-2.1-or-later
"""Stopping a `cblue serve` (or any child) the way a service manager does."""

import signal
import subprocess


def stop_gracefully(proc, timeout=30):
    """SIGTERM, wait up to @timeout seconds, then SIGKILL; returns the exit status"""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.returncode
