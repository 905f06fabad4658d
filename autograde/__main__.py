"""``python -m autograde``: the teacher's commands (see :mod:`autograde.cli`)."""

import sys

# jsonschema imports rfc3987_syntax (about 0.9 s: it builds a grammar) only to check "iri" string formats,
# which no notebook or nbgrader schema uses; this short-lived command skips it.
sys.modules.setdefault("rfc3987_syntax", None)

from .cli import main  # noqa: E402

sys.exit(main())
