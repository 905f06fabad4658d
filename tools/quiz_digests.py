"""Print the ``quiz_spec(...)`` line of every knowledge check from the teacher's answer key.

    python tools/quiz_digests.py            # all questions
    python tools/quiz_digests.py 02         # one project's

The answer key (``tests/quiz_answers.py``) stays in the repository; the installed package gets digests only.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from autograde.specs.quiz import answer_digest  # noqa: E402
from tests.quiz_answers import QUIZ_ANSWERS  # noqa: E402


def main(argv: list[str]) -> int:
    prefix = argv[0] if argv else ""
    for qid, answer in QUIZ_ANSWERS.items():
        if qid.startswith(prefix):
            print(f'    quiz_spec("{qid}", "{answer_digest(answer)}"),')
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
