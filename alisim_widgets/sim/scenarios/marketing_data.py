"""营销中心 at the start of project 07: three of the store's ten showcases already hold products."""

from __future__ import annotations

import datetime as dt

from ..marketing_models import Marketing, ShowcaseSlot

__all__ = ["STORYLINE_SHOWCASES", "storyline_marketing"]

# The velvet dress (a best seller), the feeding set and the rainbow stacking toy: put in showcases
# when the store opened; the student sees seven free showcases and the advice on filling them.
STORYLINE_SHOWCASES = (3178, 3170, 3179)


def storyline_marketing(today: dt.date) -> Marketing:
    """The marketing area of the storyline store on ``today`` (no coupons or discounts yet)."""
    opened = dt.date(2022, 4, 20)
    return Marketing(
        showcases=[
            ShowcaseSlot(product_id=pid, added_on=opened) for pid in STORYLINE_SHOWCASES if opened <= today
        ]
    )
