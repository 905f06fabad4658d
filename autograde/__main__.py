"""``python -m autograde``: the teacher's commands (see :mod:`autograde.cli`)."""

import sys

from .cli import main

sys.exit(main())
