# SPDX-License-Identifier: LGPL-2.1-or-later
"""Stopping a `cblue serve` (or any child) the way a service manager does."""

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile


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
# (google/sanitizers#1353) with no fix, so a command that ends that way is run once more. The
# crash follows a bogus dynamic-TLS range of a library a plugin loaded ("DTLS … at 0x15b7-…" with
# LSAN_OPTIONS=verbosity=1), and for some runs (an index loaded from the cache) it happens every
# time: the second run does without ASan's tracking of __tls_get_addr (intercept_tls_get_addr=0),
# which leaves the leak check on.
LSAN_TRACER_FAILURE = "LeakSanitizer has encountered a fatal error"


def without_dtls_tracking(environ):
    """@environ with ASAN_OPTIONS extended by intercept_tls_get_addr=0 (see above)"""
    env = dict(environ)
    env["ASAN_OPTIONS"] = ":".join(o for o in (env.get("ASAN_OPTIONS", ""), "intercept_tls_get_addr=0") if o)
    return env


def server_exit_status(returncode, stderr):
    """A server's exit status after SIGTERM: @returncode, or 0 where its only failure was the LSan
    tracer's (above) after a clean shutdown — a server cannot be run once more; a leak found still
    fails"""
    if returncode != 0 and stderr and LSAN_TRACER_FAILURE in stderr and "detected memory leaks" not in stderr:
        return 0
    return returncode


def run_command(cmd, check=False, state_dir=None, **kwargs):
    """subprocess.run() (output captured, as text unless text=False is given) that runs @cmd once
    more after an LSan tracer failure; @check as subprocess.run()'s. The first run has done its
    work, so a command that writes to the data directory @state_dir would do it twice (a question
    recorded twice): under the sanitizers @state_dir is copied before the first run and put back
    before the second"""
    if "stdout" not in kwargs and "stderr" not in kwargs:
        kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    with _state_snapshot(state_dir) as restore:
        proc = subprocess.run(cmd, **kwargs)
        stderr = proc.stderr if isinstance(proc.stderr, str) else (proc.stderr or b"").decode("utf-8", "replace")
        if proc.returncode != 0 and LSAN_TRACER_FAILURE in stderr:
            restore()
            kwargs["env"] = without_dtls_tracking(kwargs.get("env") or os.environ)
            proc = subprocess.run(cmd, **kwargs)
    if check and proc.returncode != 0:
        raise subprocess.CalledProcessError(proc.returncode, cmd, proc.stdout, proc.stderr)
    return proc


@contextlib.contextmanager
def _state_snapshot(state_dir):
    """Yields a function that puts @state_dir back as it was on entry; a no-op without the
    sanitizers (no LSan tracer, no second run) or without @state_dir"""
    if state_dir is None or not os.environ.get("CBLUE_SANITIZED"):
        yield lambda: None
        return
    state_dir = str(state_dir)
    existed = os.path.isdir(state_dir)
    with tempfile.TemporaryDirectory(prefix="cblue-state-") as tmp:
        copy = os.path.join(tmp, "state")
        if existed:
            shutil.copytree(state_dir, copy, symlinks=True)

        def restore():
            shutil.rmtree(state_dir, ignore_errors=True)
            if existed:
                shutil.copytree(copy, state_dir, symlinks=True)

        yield restore
