"""The real ``autograde.nbworker``, except that the first kernel started for ``FLAKY_STUDENT`` dies at once.

That is what a kernel port clash looks like to nbgrader ("Kernel died before replying to kernel_info"),
made to happen on cue. ``FLAKY_STATE`` is a file marking that the kernel was already killed once.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from nbclient import NotebookClient

from autograde import nbworker

# nbconvert's ExecutePreprocessor calls the synchronous start_new_kernel (bound when nbclient was defined).
_start = NotebookClient.start_new_kernel


def _start_then_die(self, **kwargs):
    _start(self, **kwargs)
    path = str(self.resources.get("metadata", {}).get("path", ""))
    marker = Path(os.environ["FLAKY_STATE"])
    if f"/{os.environ['FLAKY_STUDENT']}/" in path + "/" and not marker.exists():
        marker.write_text("killed")
        os.kill(self.km.provisioner.pid, signal.SIGKILL)


NotebookClient.start_new_kernel = _start_then_die

if __name__ == "__main__":
    sys.exit(nbworker.main())
