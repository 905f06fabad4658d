"""Build course/demo.ipynb: the Voila demo (the whole My Alibaba backend in one dashboard).

Serve it with standalone voila (it refuses kernel execute requests): ``bash scripts/demo.sh``
(the offline ``alisim`` template, preheated kernels: the notebook runs before the visitor arrives, once per
visitor, so keep it free of anything that depends on the request or on the clock at page load).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from nbbuild import code, md, write  # noqa: E402

cells = [
    md("""
# 阿里巴巴国际站卖家后台（模拟）· 演示

湖南典阅科技有限公司的店铺已经开好。从左侧菜单选择模块和页面，随意试用：这里的操作只在本页面内有效，
不会保存，也不会影响任何同学的作业。
"""),
    code("""
from alisim_widgets.screens.shell import MyAlibabaShell

MyAlibabaShell()
"""),
]

if __name__ == "__main__":
    out = write(cells, ROOT / "course" / "demo.ipynb", "阿里巴巴国际站卖家后台（模拟）演示")
    print(f"wrote {out}")
