"""The class's results: an HTML report (plotly) and a CSV grade table, from the saved stores and the gradebook.

- :func:`class_results` re-checks every student's saved ``alisim_state.json`` field by field with
  :func:`autograde.evaluate` (the same specs the grade cells use) and takes the totals from nbgrader's
  gradebook;
- :func:`render_html` turns that into one self-contained page: score distribution, per-task and
  per-field error rates, the most common mistakes in Chinese, and a table of students (all student text
  escaped; plotly.js inline, so the page opens without a network);
- :func:`grade_table` / :func:`write_csv` give the school's record: one row per student, UTF-8 with BOM.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import html
import json
import math
import os
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .course import Course, CourseError, task_columns
from .result import CheckResult
from .spec import SPECS
from .stategrade import STATE_FILE

_NUMBER = re.compile(r"-?\d+(\.\d+)?")
# A store's first steps (wall-clock second, operation, detail) identify whose work it is: students working on
# their own do not act in the same second, step after step, with the same details. A copied store keeps them
# even when the copier goes on working, so two stores sharing them mean one student's work handed in twice.
SAME_WORK_STEPS = 3

__all__ = [
    "csv_safe", "write_report", "StudentReport", "ClassResults", "FieldStat", "TaskStat",
    "class_results", "render_html", "grade_table", "write_csv", "STATE_FILE",
]  # fmt: skip


@dataclass
class StudentReport:
    student: str
    name: str = ""
    total: float | None = None  # the gradebook's total (None: not graded by nbgrader)
    estimated: float = 0.0  # the sum of the re-checked tasks (what the grade cells would give)
    needs_manual: bool = False
    store: str = ""  # which store was read: "autograded", "submitted" or "" (none handed in)
    problem: str = ""  # Chinese, when the store could not be used
    tasks: dict[str, CheckResult] = field(default_factory=dict)
    mismatches: list[str] = field(default_factory=list)  # gradebook scores the store does not earn
    data_seed: str = ""  # 09_data: whose identity the store's data was generated from
    same_seed: list[str] = field(default_factory=list)  # other students whose data came from the same seed
    first_steps: str = ""  # a digest of the store's first SAME_WORK_STEPS actions ("" when it has fewer)
    same_work: list[str] = field(
        default_factory=list
    )  # other students whose stores begin with the same steps

    @property
    def score(self) -> float:
        return self.total if self.total is not None else self.estimated

    def mistakes(self) -> list[str]:
        out = []
        for task_id, r in self.tasks.items():
            if r.fields:
                out += [f"{task_id} {_label(task_id, f.label)}" for f in r.wrong]
            elif not r.full:
                out.append(f"{task_id} {r.title}（未完成）")
        return out


@dataclass(frozen=True)
class FieldStat:
    task_id: str
    key: str
    label: str  # "01.2.2 英文姓名"
    wrong: int  # filled in, but not what the task asks
    missing: int  # left empty
    undone: int  # the whole task was not done
    students: int

    @property
    def rate(self) -> float:
        return (self.wrong + self.missing + self.undone) / self.students if self.students else 0.0


@dataclass(frozen=True)
class TaskStat:
    task_id: str
    title: str
    points: float
    not_full: int
    undone: int
    mean: float
    students: int

    @property
    def rate(self) -> float:
        return self.not_full / self.students if self.students else 0.0


def _label(task_id: str, field_label: str) -> str:
    spec = SPECS.get(task_id)
    # A one-field task (a knowledge check) is named by its title: "知识检测 Q3", not "答案".
    return spec.title if spec is not None and len(spec.fields) == 1 else field_label


@dataclass
class ClassResults:
    assignment: str
    task_ids: list[str]
    max_score: float
    students: list[StudentReport]
    graded: bool  # totals come from the gradebook
    generated: str = ""

    def scores(self) -> list[float]:
        return [s.score for s in self.students]

    def task_stats(self) -> list[TaskStat]:
        n = len(self.students)
        out = []
        for t in self.task_ids:
            spec = SPECS[t]
            results = [s.tasks[t] for s in self.students]
            out.append(TaskStat(
                t, spec.title, spec.points, sum(not r.full for r in results), sum(not r.fields for r in results),
                statistics.fmean(float(r) for r in results) if results else 0.0, n,
            ))  # fmt: skip
        return out

    def field_stats(self) -> list[FieldStat]:
        n = len(self.students)
        out = []
        for t in self.task_ids:
            for fc in SPECS[t].fields:
                wrong = missing = undone = 0
                for s in self.students:
                    outcome = next((f for f in s.tasks[t].fields if f.key == fc.key), None)
                    if outcome is None:
                        undone += 1
                    elif not outcome.ok:
                        if outcome.missing:
                            missing += 1
                        else:
                            wrong += 1
                out.append(FieldStat(t, fc.key, f"{t} {_label(t, fc.label)}", wrong, missing, undone, n))
        return out

    def common_mistakes(self, limit: int = 10) -> list[tuple[int, str]]:
        """The most frequent mistakes, in Chinese: (count, "01.2.2 英文姓名：12 人不一致")."""
        items: list[tuple[int, str]] = []
        for ts in self.task_stats():
            if ts.undone:
                items.append((ts.undone, f"{ts.task_id} {ts.title}：{ts.undone} 人没有完成"))
        for fs in self.field_stats():
            if fs.wrong:
                items.append((fs.wrong, f"{fs.label}：{fs.wrong} 人不一致"))
            if fs.missing:
                items.append((fs.missing, f"{fs.label}：{fs.missing} 人没有填写"))
        problems = sum(1 for s in self.students if s.problem)
        if problems:
            items.append((problems, f"进度文件无法使用：{problems} 人"))
        items.sort(key=lambda item: -item[0])  # stable: ties keep the notebook's order
        return items[:limit]


# --- reading the class --------------------------------------------------------------------------------
def _student_names(course: Course) -> dict[str, str]:
    if not course.db_path().is_file():
        return {}
    with course.gradebook() as gb:
        return {s.id: _full_name(s.first_name, s.last_name) for s in gb.students}


def _full_name(first: str | None, last: str | None) -> str:
    first, last = (first or "").strip(), (last or "").strip()
    if _cjk(first) or _cjk(last):
        return f"{last}{first}"  # 张 + 小明
    return " ".join(p for p in (first, last) if p)


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _gradebook_totals(course: Course, assignment: str) -> dict[str, tuple[float, float, bool]] | None:
    """student → (score after late penalty, max, needs manual grading); None if not in the gradebook."""
    from nbgrader.api import MissingEntry

    if not course.db_path().is_file():
        return None
    with course.gradebook() as gb:
        try:
            gb.find_assignment(assignment)
        except MissingEntry:
            return None
        return {
            sub.student.id: (
                sub.score - (sub.late_submission_penalty or 0.0),
                sub.max_score,
                bool(sub.needs_manual_grade),
            )
            for sub in gb.assignment_submissions(assignment)
        }


def _assignment_tasks(course: Course, assignment: str) -> list[str]:
    """Task ids checked from the store: the notebook's check() calls, then any other spec of the project."""
    ids = [t for _, _, t, _ in task_columns(course.source(assignment)) if t in SPECS]
    prefix = assignment.split("_", 1)[0] + "."
    return list(dict.fromkeys(ids + sorted(t for t in SPECS if t.startswith(prefix))))


def _check_store(
    project: str, folder: Path | None, task_ids: list[str]
) -> tuple[dict[str, CheckResult], str, str, str]:
    """Every task of a student's handed-in store, re-checked read-only (one bad file never stops the class),
    the seed the store's data came from (09_data; "" elsewhere) and the digest of its first steps."""
    from .stategrade import Submission, load_submission, score_submission

    sub = load_submission(folder, project) if folder is not None else Submission(None, "没有提交", True)
    results = score_submission(task_ids, sub, reveal=False)
    state = sub.backend.state if sub.usable else None
    data = getattr(state, "data", None)
    return (
        results,
        ("" if sub.missing else sub.problem),
        str(getattr(data, "seed", "") or ""),
        _first_steps(state),
    )


def _first_steps(state: Any) -> str:
    audit = list(getattr(state, "audit", None) or [])
    if len(audit) < SAME_WORK_STEPS:
        return ""
    steps = [(a.at.isoformat(), a.op, a.detail) for a in audit[:SAME_WORK_STEPS]]
    return hashlib.sha256(json.dumps(steps, ensure_ascii=False).encode()).hexdigest()


def _others_with_same(reports: list[StudentReport], key: str) -> dict[str, list[str]]:
    """For each student, the other students whose ``key`` (when set) is the same as theirs."""
    groups: dict[str, list[str]] = {}
    for r in reports:
        if getattr(r, key):
            groups.setdefault(getattr(r, key), []).append(r.student)
    return {r.student: [s for s in groups.get(getattr(r, key), []) if s != r.student] for r in reports}


def _flag_same_seeds(reports: list[StudentReport]) -> None:
    """09_data: students whose data came from the same seed (a copied state file) are named to each other."""
    same = _others_with_same(reports, "data_seed")
    for r in reports:
        r.same_seed = same[r.student] if r.data_seed else []


def _flag_same_work(reports: list[StudentReport]) -> None:
    """Every project: students whose stores begin with the same steps (a copied state file) are named to each
    other. The copy scores what the original scores (grading reads the store), hence the teacher's flag."""
    same = _others_with_same(reports, "first_steps")
    for r in reports:
        r.same_work = same[r.student]


def _mismatches(course: Course, assignment: str, reports: list[StudentReport]) -> None:
    """Note every grade cell whose gradebook score differs from what the student's store earns."""
    from .verify import differences

    by_student: dict[str, list[str]] = {}
    for d in differences(course, assignment, {r.student: r.tasks for r in reports}):
        by_student.setdefault(d.student, []).append(d.describe())
    for r in reports:
        r.mismatches = by_student.get(r.student, [])


def class_results(course: Course, assignment: str) -> ClassResults:
    """Re-check every student's saved store and join the gradebook's totals."""
    from alisim_widgets.sim import PROJECTS

    course.require_assignment(assignment)
    if assignment not in PROJECTS:
        raise CourseError(f"{assignment} 不是 alisim 的项目（可选：{'、'.join(PROJECTS)}）")
    submitted = set(course.submissions(assignment))
    autograded = set(course.students_with(course.coursedir.autograded_directory, assignment))
    totals = _gradebook_totals(course, assignment)
    everyone = sorted(submitted | autograded | set(totals or {}))
    if not everyone:
        raise CourseError(
            f"作业 {assignment} 还没有学生提交（submitted/*/{assignment}/ 为空）。请先收取作业：nbgrader collect {assignment}"
        )
    task_ids = _assignment_tasks(course, assignment)
    if not task_ids:
        raise CourseError(f"作业 {assignment} 没有可以按进度文件检查的任务")
    names = _student_names(course)
    students = []
    for sid in everyone:
        report = StudentReport(sid, names.get(sid, ""))
        folder = course.submitted(sid, assignment)
        report.store = "submitted" if os.path.lexists(folder / STATE_FILE) else ""
        report.tasks, report.problem, report.data_seed, report.first_steps = _check_store(
            assignment, folder if folder.is_dir() else None, task_ids
        )
        report.estimated = round(sum(float(r) for r in report.tasks.values()), 2)
        if totals and sid in totals:
            report.total, _max, report.needs_manual = totals[sid]
        students.append(report)
    max_score = sum(SPECS[t].points for t in task_ids)
    if totals:
        maxes = {m for _, m, _ in totals.values()}
        max_score = max(maxes) if maxes else max_score
    _flag_same_seeds(students)
    _flag_same_work(students)
    graded = bool(totals) and all(s.total is not None for s in students)
    if totals:
        _mismatches(course, assignment, students)
    return ClassResults(
        assignment, task_ids, max_score, students, graded, dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    )


# --- HTML -----------------------------------------------------------------------------------------------
_ORANGE = "#FF6A00"
_CSS = """
body { font-family: -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
       margin: 24px auto; max-width: 1100px; color: #333; }
h1 { border-left: 6px solid #FF6A00; padding-left: 10px; }
h2 { margin-top: 32px; color: #FF6A00; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { border-bottom: 1px solid #eee; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #fff4ec; }
td.num { text-align: right; white-space: nowrap; }
td.id { white-space: nowrap; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { border: 1px solid #eee; border-top: 3px solid #FF6A00; padding: 8px 16px; min-width: 110px; }
.card b { display: block; font-size: 22px; }
.note { color: #888; font-size: 13px; }
.bad { color: #e4393c; }
ol li { margin: 4px 0; }
"""


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:g}"


def _figures(results: ClassResults) -> list[Any]:
    import plotly.graph_objects as go

    scores = results.scores()
    step = max(results.max_score / 15, 0.5)
    histogram = go.Figure(go.Histogram(
        x=scores, xbins={"start": 0, "end": results.max_score + step, "size": step},
        marker_color=_ORANGE, hovertemplate="%{x} 分：%{y} 人<extra></extra>",
    ))  # fmt: skip
    histogram.update_layout(
        title=f"总分分布（满分 {results.max_score:g}）", xaxis_title="总分", yaxis_title="人数", bargap=0.05,
        xaxis_range=[0, results.max_score + step],
        # whole students only: a tick every 1, 2, 5… people, never 0.5 人
        yaxis={"tickformat": "d", "dtick": max(1, math.ceil(len(scores) / 10)), "rangemode": "tozero"},
    )  # fmt: skip

    tasks = results.task_stats()
    task_bar = go.Figure(go.Bar(
        x=[f"{t.task_id} {t.title}" for t in tasks], y=[round(100 * t.rate, 1) for t in tasks],
        text=[f"{t.not_full} 人" for t in tasks], marker_color=_ORANGE,
        hovertemplate="%{x}<br>没有满分：%{text}（%{y}%）<extra></extra>",
    ))  # fmt: skip
    task_bar.update_layout(
        title="各任务出错率（没有拿到满分的学生比例）", yaxis_title="%", yaxis_range=[0, 100]
    )

    fields = list(reversed(results.field_stats()))  # plotly draws horizontal bars bottom-up
    labels = [f.label for f in fields]
    field_bar = go.Figure()
    for name, attr, color in (("不一致", "wrong", "#e4393c"), ("没有填写", "missing", "#faad14"),
                              ("任务没有完成", "undone", "#bfbfbf")):  # fmt: skip
        counts = [getattr(f, attr) for f in fields]
        field_bar.add_bar(
            y=labels, x=[round(100 * c / f.students, 1) if f.students else 0 for c, f in zip(counts, fields, strict=True)],
            orientation="h", name=name, marker_color=color, text=[f"{c} 人" if c else "" for c in counts],
            hovertemplate="%{y}<br>" + name + "：%{text}（%{x}%）<extra></extra>",
        )  # fmt: skip
    field_bar.update_layout(
        title="各字段出错率", barmode="stack", xaxis_title="%", xaxis_range=[0, 100],
        height=max(320, 28 * len(fields) + 140), margin={"l": 220},
    )  # fmt: skip
    return [histogram, task_bar, field_bar]


PLOTLY_FILE = "plotly.min.js"


def write_report(results: ClassResults, out: str | Path) -> Path:
    """The page and, beside it, the one plotly.js it uses (no network needed, and small pages)."""
    import plotly.offline

    out = Path(out)
    out.write_text(render_html(results), encoding="utf-8")
    js = out.parent / PLOTLY_FILE
    if not js.is_file() or js.stat().st_size == 0:
        js.write_text(plotly.offline.get_plotlyjs(), encoding="utf-8")
    return out


def render_html(results: ClassResults) -> str:
    """One HTML page with every student text escaped; plotly.js is the file PLOTLY_FILE beside it."""
    e = html.escape
    scores = results.scores()
    full = sum(1 for s in results.students if abs(s.score - results.max_score) < 1e-9)
    cards = [
        ("学生人数", str(len(scores))),
        ("平均分", f"{statistics.fmean(scores):.1f}"),
        ("中位数", f"{statistics.median(scores):g}"),
        ("最高分", f"{max(scores):g}"),
        ("最低分", f"{min(scores):g}"),
        ("满分人数", str(full)),
    ]
    source = (
        "总分取自 nbgrader 的 gradebook；字段统计来自学生保存的进度文件（alisim_state.json）。"
        if results.graded
        else "部分学生还没有用 nbgrader 评分：他们的总分按进度文件估算（标 *）。"
        "评分：python -m autograde grade " + results.assignment
    )
    figures = _figures(results)
    charts = [
        fig.to_html(full_html=False, include_plotlyjs=False, config={"displaylogo": False}) for fig in figures
    ]
    mistakes = results.common_mistakes()
    mistake_items = "".join(f"<li>{e(text)}</li>" for _, text in mistakes) or "<li>没有错误，全班满分！</li>"

    rows = []
    for s in sorted(results.students, key=lambda s: (-s.score, s.student)):
        mark = "" if s.total is not None else " *"
        status = "待人工评分" if s.needs_manual else ("已评分" if s.total is not None else "未评分")
        wrong = "、".join(s.mistakes()) or "全部正确"
        problem = f"<div class='bad'>{e(s.problem)}</div>" if s.problem else ""
        if s.mismatches:
            problem += (
                "<div class='bad'>⚠ gradebook 的分数与进度文件不一致（可能在别处用执行方式评过分）："
                f"{e('；'.join(s.mismatches))}。请运行 python -m autograde grade {e(results.assignment)} --force</div>"
            )
        if s.same_seed:
            problem += (
                f"<div class='bad'>⚠ 数据种子（{e(s.data_seed)}）与 {e('、'.join(s.same_seed))} 相同："
                "店铺数据一模一样，可能拷贝了别人的进度文件</div>"
            )
        if s.same_work:
            problem += (
                f"<div class='bad'>⚠ 操作记录的前 {SAME_WORK_STEPS} 步与 {e('、'.join(s.same_work))} 完全相同"
                "（时间精确到秒）：可能拷贝了别人的进度文件</div>"
            )
        store = {"submitted": "", "": "（没有交进度文件）"}[s.store]
        rows.append(
            f"<tr><td class='id'>{e(s.student)}</td><td class='id'>{e(s.name)}</td>"
            f"<td class='num'>{_fmt(s.score)}{mark}</td><td>{e(status)}</td>"
            f"<td>{e(wrong)}<span class='note'>{e(store)}</span>{problem}</td></tr>"
        )
    task_rows = "".join(
        f"<tr><td>{e(t.task_id)}</td><td>{e(t.title)}</td><td class='num'>{t.points:g}</td>"
        f"<td class='num'>{t.mean:.2f}</td><td class='num'>{t.not_full} 人（{100 * t.rate:.0f}%）</td></tr>"
        for t in results.task_stats()
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(results.assignment)} 班级成绩报告</title><style>{_CSS}</style>
<script src="{PLOTLY_FILE}"></script></head>
<body>
<h1>{e(results.assignment)} 班级成绩报告</h1>
<p class="note">生成时间 {e(results.generated)}。{e(source)}</p>
<div class="cards">{"".join(f"<div class='card'>{e(k)}<b>{e(v)}</b></div>" for k, v in cards)}</div>
<h2>最常见的错误</h2>
<ol>{mistake_items}</ol>
<h2>图表</h2>
{"".join(f"<div class='chart'>{c}</div>" for c in charts)}
<h2>各任务得分</h2>
<table><tr><th>任务</th><th>名称</th><th>分值</th><th>平均得分</th><th>没有满分</th></tr>{task_rows}</table>
<h2>每个学生</h2>
<table><tr><th>学号</th><th>姓名</th><th>总分（满分 {results.max_score:g}）</th><th>状态</th><th>需要改正的地方</th></tr>
{"".join(rows)}</table>
</body></html>
"""


# --- CSV ------------------------------------------------------------------------------------------------
def grade_table(course: Course, assignment: str) -> tuple[list[str], list[list[str]]]:
    """The school's record from the gradebook: one row per student, one column per graded task."""
    from nbgrader.api import MissingEntry

    source = course.require_assignment(assignment)
    course.require_in_gradebook(assignment)
    columns = task_columns(source)
    with course.gradebook() as gb:
        subs = {sub.student.id: sub for sub in gb.assignment_submissions(assignment)}
        if not subs:
            raise CourseError(
                f"作业 {assignment} 还没有评分结果。请先评分：python -m autograde grade {assignment}"
            )
        students = {s.id: _full_name(s.first_name, s.last_name) for s in gb.students}
        late = any((sub.late_submission_penalty or 0) > 0 for sub in subs.values())
        header = ["学号", "姓名", "总分", "满分"]
        header += [f"{t} {SPECS[t].title}" if t in SPECS else t for _, _, t, _ in columns]
        header += (["迟交扣分"] if late else []) + ["状态"]
        max_score = gb.find_assignment(assignment).max_score
        rows = []
        for sid in sorted(set(students) | set(subs)):
            sub = subs.get(sid)
            if sub is None:
                rows.append([sid, students.get(sid, ""), "", _fmt(max_score)] + [""] * len(columns)
                            + ([""] if late else []) + ["未提交"])  # fmt: skip
                continue
            penalty = sub.late_submission_penalty or 0.0
            cells = []
            for notebook, grade_id, _, _ in columns:
                try:
                    cells.append(_fmt(gb.find_grade(grade_id, notebook, assignment, sid).score))
                except MissingEntry:
                    cells.append("")
            status = "待人工评分" if sub.needs_manual_grade else "已评分"
            rows.append([sid, students.get(sid, ""), _fmt(round(sub.score - penalty, 2)), _fmt(sub.max_score)]
                        + cells + ([_fmt(penalty)] if late else []) + [status])  # fmt: skip
    return header, rows


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: str) -> str:
    """A cell Excel shows as text: a leading = + - @ tab or CR would start a formula (CSV injection)."""
    text = str(value)
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def write_csv(path: str | Path, header: list[str], rows: list[list[str]]) -> Path:
    """UTF-8 with a BOM, so that Excel shows the Chinese headings and names correctly; no live formulas."""
    path = Path(path)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([csv_safe(h) for h in header])
        writer.writerows([[csv_safe(c) for c in row] for row in rows])
    return path
