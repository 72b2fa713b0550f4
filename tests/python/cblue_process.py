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


# LeakSanitizer stops the process's threads with a ptrace tracer at exit; now and then on a
# loaded machine the tracer itself crashes ("Tracer caught signal 11") and the run ends with
# this line and exit status 1 after the command has done its work. That is the sanitizer
# failing, not a leak found (a leak says "detected memory leaks"), and a known upstream bug
# (google/sanitizers#1353) with no fix, so a command that ends that way is run once more.
LSAN_TRACER_FAILURE = "LeakSanitizer has encountered a fatal error"


def run_command(cmd, **kwargs):
    """subprocess.run(capture_output=True, text=True) that reruns once after an LSan tracer failure"""
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if proc.returncode != 0 and LSAN_TRACER_FAILURE in (proc.stderr or ""):
        proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    return proc
