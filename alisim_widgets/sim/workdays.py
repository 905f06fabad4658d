"""Working days on the scenario clock: reviews take "N 个工作日" (A&V L604, company info L997).

Saturdays and Sundays are not working days; public holidays are ignored (the textbook names none).
"""

from __future__ import annotations

import datetime as dt

__all__ = ["is_working_day", "add_working_days"]


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The day on which ``n`` working days after ``start`` have passed (``start`` itself not counted).

    A review of one working day submitted on Sunday 2022-03-20 is done on Monday 2022-03-21.
    """
    day = start
    while n > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            n -= 1
    return day
