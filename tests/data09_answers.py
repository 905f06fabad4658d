"""09_data answers worked out independently with plain pandas on ``backend.data.frames()``.

Not with the simulator's or the grader's helpers: these follow the rules the notebook states, the way a student
would compute them. Shared by the autograde, screen and nbgrader end-to-end tests.
"""

from __future__ import annotations

SEPT = ("2022-09-01", "2022-09-30")
AUG = ("2022-08-01", "2022-08-31")
THIS_WEEK = ("2022-09-19", "2022-09-25")
LAST_WEEK = ("2022-09-12", "2022-09-18")
M = ["impressions", "clicks", "visitors", "inquiries"]


def rows(t, period):
    return t[t.date.between(*period)]


def pct(a, b):
    return round(100 * a / b, 2)


def answers_from(frames) -> dict[str, dict]:
    """Every task's answers, worked out the way a student would."""
    t, products, keywords = frames["traffic"], frames["products"], frames["keywords"]
    sept, aug = rows(t, SEPT), rows(t, AUG)
    tot = {m: int(sept[m].sum()) for m in M}
    out = {
        "09.1.1": {
            **tot,
            "ctr": pct(tot["clicks"], tot["impressions"]),
            "inquiry_rate": pct(tot["inquiries"], tot["visitors"]),
            "inquiries_change": pct(tot["inquiries"] - aug.inquiries.sum(), aug.inquiries.sum()),
        }
    }
    per = sept.pivot_table(index="product_id", values=M, aggfunc="sum")
    per["ctr"] = per.clicks / per.impressions
    per["irate"] = per.inquiries / per.visitors
    med = {c: per[c].median() for c in ("impressions", "clicks", "ctr", "irate")}
    strong = products.query("tier == '实力优品' and not showcase")
    out["09.1.2"] = {
        "low_exposure": list(per.index[per.impressions < med["impressions"] / 2]),
        "high_exposure_low_click": list(
            per.index[(per.impressions >= med["impressions"]) & (per.ctr < med["ctr"] / 2)]
        ),
        "high_click_low_inquiry": list(
            per.index[(per.clicks >= med["clicks"]) & (per.irate < med["irate"] / 2)]
        ),
        "strong_not_in_showcase": list(strong.product_id),
    }
    search = sept[sept.source == "搜索"]
    words = search.groupby("keyword", observed=True)[["clicks", "inquiries"]].sum().reset_index()
    words["keyword"] = words.keyword.astype(str)
    top = words.sort_values(["clicks", "keyword"], ascending=[False, True]).keyword.head(5)
    words = words.merge(keywords[["keyword", "in_p4p"]], on="keyword")
    cand = words[(words.clicks >= 20) & ~words.in_p4p]
    p4p = cand.sort_values(["inquiries", "clicks", "keyword"], ascending=[False, False, True]).keyword.head(5)
    out["09.1.3"] = {"top_keywords": list(top), "p4p_keywords": list(p4p)}
    by_c = sept.groupby("country", observed=True)[["visitors", "inquiries"]].sum()
    by_c.index = by_c.index.astype(str)
    top_c = by_c.visitors.sort_values(ascending=False).head(5)
    out["09.1.4"] = {
        "top_countries": list(top_c.index),
        "top5_share": pct(top_c.sum(), by_c.visitors.sum()),
        "top_inquiry_country": by_c.inquiries.idxmax(),
    }
    now, before = rows(t, THIS_WEEK), rows(t, LAST_WEEK)
    src = (
        now.groupby("source", observed=True).visitors.sum()
        / before.groupby("source", observed=True).visitors.sum()
    )
    out["09.1.5"] = {
        "wow_impressions": pct(now.impressions.sum() - before.impressions.sum(), before.impressions.sum()),
        "wow_clicks": pct(now.clicks.sum() - before.clicks.sum(), before.clicks.sum()),
        "wow_inquiries": pct(now.inquiries.sum() - before.inquiries.sum(), before.inquiries.sum()),
        "weakest_source": str(src.idxmin()),
    }
    return out
