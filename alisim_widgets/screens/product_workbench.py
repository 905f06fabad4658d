"""产品运营工作台 (L1440-1500): every product with its type, growth score and the dimensions behind it.

The table is the backend's (商品信息, 产品类型, 产品成长分, 产品优势, 内容表达, 行业特色, 交易表现, 额外加分, 建议);
choosing a product shows how its score is made (当前得分 / 目标得分 / 差距), the advice, the violations
(诊断: title rules, duplicate listings), and lets the seller edit it, take it offline or delete it.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ..sim import Backend
from ..sim.errors import PermissionDenied, SimError, ValidationFailed
from ..sim.product_workbench import DIMENSIONS, REACHED, duplicate_groups, workbench_rows
from ..sim.products_models import PRODUCT_TYPES, STATUS_OFFLINE, STATUS_PUBLISHED
from .base import esc
from .style import css

__all__ = ["ProductWorkbench"]

_ALL = "全部"
_CSS = """
<style>
.alisim-wb td.bad { color: #e4393c; font-weight: bold; }
.alisim-wb td.todo { color: #ad6800; }
.alisim-wb td.ok { color: #1a7f37; }
.alisim-wb td.score { font-size: 15px; font-weight: bold; color: #FF6A00; text-align: center; }
.alisim-wb small { color: #999; }
</style>
"""


class ProductWorkbench:
    """The product operation workbench of the store (read from the saved store; actions go to the sim)."""

    title = "产品运营工作台"

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.type_filter = W.ToggleButtons(options=[_ALL, *PRODUCT_TYPES], value=_ALL)
        self.only_problems = W.Checkbox(description="只看有违规的产品", value=False, indent=False)
        self.sort = W.Dropdown(
            options=["成长分从低到高", "成长分从高到低", "产品 ID"],
            value="成长分从低到高",
            layout=W.Layout(width="160px"),
        )
        for w in (self.type_filter, self.only_problems, self.sort):
            w.observe(lambda _c: self.render(), "value")
        self.table = W.HTML()
        self.table.add_class("alisim-wb")
        self.duplicates = W.HTML()
        self.picker = W.Dropdown(description="查看产品", layout=W.Layout(width="640px"))
        self.picker.observe(lambda ch: self.select(ch["new"]) if ch["new"] is not None else None, "value")
        self.detail = W.HTML()
        self.detail.add_class("alisim-wb")
        self.message = W.HTML()
        self.edit_button = W.Button(description="编辑", icon="edit")
        self.status_button = W.Button(description="下架", icon="arrow-down")
        self.confirm_delete = W.Checkbox(
            description="确认删除", value=False, indent=False, layout=W.Layout(width="100px")
        )
        self.delete_button = W.Button(description="删除", icon="trash", button_style="danger")
        self.refresh_button = W.Button(description="刷新", icon="refresh")
        self.edit_button.on_click(lambda _b: self.edit())
        self.status_button.on_click(lambda _b: self.toggle_status())
        self.delete_button.on_click(lambda _b: self.delete(self.confirm_delete.value))
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.editor = W.VBox()
        self.selected: int | None = None
        head = W.HTML(
            "<div class='alisim-head'><b>产品运营工作台</b>"
            "<div class='alisim-sub'>产品管理 > 产品运营工作台 · 成长分满分 100：产品优势 25、内容表达 35、行业特色 20、"
            f"交易表现 20，另有额外加分最多 5 分；一个维度拿到 {int(REACHED * 100)}% 算“已达标”。</div></div>"
        )
        self.widget = W.VBox(
            [
                css(),
                W.HTML(_CSS, layout=W.Layout(height="0px", margin="0")),
                head,
                W.HBox([self.type_filter, self.sort, self.only_problems, self.refresh_button]),
                self.table,
                self.duplicates,
                self.picker,
                self.detail,
                W.HBox([self.edit_button, self.status_button, self.confirm_delete, self.delete_button]),
                self.message,
                self.editor,
            ]
        )
        self.widget.add_class("alisim-screen")
        self.render()

    # --- data --------------------------------------------------------------------------------------
    @property
    def rows(self) -> list[dict[str, Any]]:
        """The rows shown now (after the filters), as data."""
        rows = workbench_rows(self.backend.state.products)
        if self.type_filter.value != _ALL:
            rows = [r for r in rows if r["product_type"] == self.type_filter.value]
        if self.only_problems.value:
            rows = [r for r in rows if r["违规"]]
        key = {
            "成长分从低到高": lambda r: (r["score"], r["id"]),
            "成长分从高到低": lambda r: (-r["score"], r["id"]),
            "产品 ID": lambda r: r["id"],
        }[self.sort.value]
        return sorted(rows, key=key)

    def row(self, product_id: int) -> dict[str, Any]:
        for r in workbench_rows(self.backend.state.products):
            if r["id"] == product_id:
                return r
        raise SimError(f"店铺里没有 ID 为 {product_id} 的产品")

    # --- rendering ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.backend.refresh()
        self.render()

    def render(self) -> None:
        rows = self.rows
        head = "".join(
            f"<th>{h}</th>"
            for h in (
                "商品信息",
                "产品类型",
                "状态",
                "产品成长分",
                *[n for n, _ in DIMENSIONS],
                "额外加分",
                "建议",
                "诊断",
            )
        )
        body = []
        for r in rows:
            dims = "".join(
                f"<td class='{'ok' if r[n] == '已达标' else 'todo'}'>{r[n]}</td>" for n, _ in DIMENSIONS
            )
            flag = f"<td class='bad'>{r['违规']} 项违规</td>" if r["违规"] else "<td class='ok'>正常</td>"
            title = r["title"] if len(r["title"]) <= 34 else r["title"][:32] + "…"
            body.append(
                f"<tr><td>{esc(title)}<br><small>ID: {r['id']}</small></td><td>{esc(r['product_type'])}</td>"
                f"<td>{esc(r['status'])}</td><td class='score'>{r['score']}</td>{dims}<td>{r['额外加分']}</td>"
                f"<td>{r['建议']}</td>{flag}</tr>"
            )
        empty = "<tr><td colspan='12'>没有符合条件的产品</td></tr>" if not rows else ""
        self.table.value = f"<div>共 {len(rows)} 个产品</div><table class='alisim-table'><tr>{head}</tr>{''.join(body)}{empty}</table>"
        groups = duplicate_groups(self.backend.state.products)
        if groups:
            items = "".join(
                f"<li>ID {'、'.join(map(str, g))} 是同一款产品：平台只展示其中一个，建议保留 ID {g[0]}，编辑或删除其余的</li>"
                for g in groups
            )
            self.duplicates.value = f"<div class='alisim-warn'><b>重复铺货检测</b><ul>{items}</ul></div>"
        else:
            self.duplicates.value = "<div class='alisim-ok'>重复铺货检测：没有发现重复铺货</div>"
        options = [(f"ID {r['id']} · {r['title'][:70]}", r["id"]) for r in rows]
        keep = self.selected if self.selected in [o[1] for o in options] else None
        self.picker.options = [("请选择一个产品查看诊断", None), *options]
        self.picker.value = keep
        if keep is None:
            self.selected = None
            self.detail.value = ""
        else:
            self.select(keep)
        self._buttons()

    def select(self, product_id: int) -> str:
        """Show the growth score of one product: dimensions, advice and violations."""
        r = self.row(product_id)
        self.selected = product_id
        if self.picker.value != product_id and product_id in [o[1] for o in self.picker.options]:
            self.picker.value = product_id
        g = r["growth"]
        dims = "".join(
            f"<tr><td>{d.name}</td><td>{d.points:g} / {d.max_points:g}</td><td>{d.target:g}</td><td>{d.gap:g}</td>"
            f"<td class='{'ok' if d.reached else 'todo'}'>{d.status}</td><td>{esc('；'.join(d.reasons))}</td></tr>"
            for d in g.dimensions
        )
        extra = esc("；".join(g.extra_reasons)) or "—"
        dims += (
            f"<tr><td>额外加分</td><td>{g.extra} / 5</td><td>—</td><td>—</td><td></td><td>{extra}</td></tr>"
        )
        violations = "".join(f"<li>{esc(v)}</li>" for v in g.violations)
        advice = "".join(f"<li>{esc(a)}</li>" for a in g.advice)
        self.detail.value = (
            f"<div><b>ID {r['id']}</b> {esc(r['title'])}（{esc(r['product_type'])}，{esc(r['status'])}）"
            f" · 产品成长分 <b style='color:#FF6A00'>{g.total}</b></div>"
            "<table class='alisim-table'><tr><th>维度</th><th>当前得分</th><th>目标得分</th><th>差距</th><th>状态</th>"
            f"<th>得分依据</th></tr>{dims}</table>"
            + (f"<div class='alisim-fail'><b>诊断：{len(g.violations)} 项违规</b><ul>{violations}</ul></div>" if violations else "")
            + (f"<div class='alisim-warn'><b>优化建议（{len(g.advice)} 条）</b><ol>{advice}</ol></div>" if advice else "")
        )  # fmt: skip
        self._buttons()
        return self.detail.value

    def _buttons(self) -> None:
        chosen = self.selected is not None
        for b in (self.edit_button, self.status_button, self.delete_button):
            b.disabled = not chosen
        if chosen:
            status = self.row(self.selected)["status"]
            self.status_button.description = "下架" if status == STATUS_PUBLISHED else "重新上架"

    # --- actions -----------------------------------------------------------------------------------
    def _act(self, action, done: str) -> bool:
        try:
            with self.backend.via("screen"):
                action()
        except ValidationFailed as exc:
            self.message.value = f"<div class='alisim-fail'>✘ {esc(exc.message)}</div>"
            return False
        except (PermissionDenied, SimError) as exc:
            self.message.value = f"<div class='alisim-fail'>✘ {esc(exc.message)}</div>"
            return False
        self.message.value = f"<div class='alisim-ok'>✔ {esc(done)}</div>"
        return True

    def toggle_status(self) -> bool:
        pid = self.selected
        if pid is None:
            return False
        new = STATUS_OFFLINE if self.row(pid)["status"] == STATUS_PUBLISHED else STATUS_PUBLISHED
        ok = self._act(lambda: self.backend.products.set_status(pid, new), f"产品 ID {pid} 已{new}")
        self.render()
        return ok

    def delete(self, confirm: bool = False) -> bool:
        pid = self.selected
        if pid is None:
            return False
        if not confirm:
            self.message.value = (
                "<div class='alisim-warn'>删除后不能恢复：请先勾选“确认删除”再点击“删除”</div>"
            )
            return False
        ok = self._act(lambda: self.backend.products.delete(pid), f"产品 ID {pid} 已删除")
        self.confirm_delete.value = False
        if ok:
            self.selected = None
            self.editor.children = ()
        self.render()
        return ok

    def edit(self):
        """Open the publishing form on the chosen product below the table."""
        from .products import ProductPublishScreen

        if self.selected is None:
            return None
        screen = ProductPublishScreen(self.backend, product_id=self.selected)
        screen.on_saved.append(lambda _pid: self.render())
        self.editor.children = (screen.widget,)
        self.message.value = (
            f"<div class='alisim-help'>在下方修改产品 ID {self.selected}，提交后工作台自动更新</div>"
        )
        return screen

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        return f"<ProductWorkbench {len(self.backend.state.products)} 个产品>"
