"""``python -m autograde …``: the teacher's commands (grade a class in parallel, class report, CSV export).

A thin layer: parsing and printing here, the work in :mod:`autograde.grading` and :mod:`autograde.report`.
Run from the course root (where ``nbgrader_config.py`` is) or pass ``--course-root``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .course import CourseError, open_course

__all__ = ["main", "build_parser"]

_EXIT_OK, _EXIT_FAILED_STUDENTS, _EXIT_USAGE = 0, 1, 2


class _ChineseFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001 - argparse's signature
        return super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with Chinese headings and error messages."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _ChineseFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示这段帮助并退出")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(_EXIT_USAGE, f"错误：{_translate(message)}\n")


def _translate(message: str) -> str:
    """argparse's English errors, in Chinese."""
    import re

    m = re.fullmatch(r"argument (\S+): invalid choice: '?([^' ]*)'? \(choose from (.*)\)", message)
    if m:
        what = "命令" if m.group(1).startswith("{") else m.group(1)
        choices = "、".join(re.findall(r"[\w-]+", m.group(3)))
        return f"不认识的{what}：{m.group(2)}（可选：{choices}）"
    rules = [
        (r"the following arguments are required: (.*)", r"缺少参数：\1"),
        (r"unrecognized arguments: (.*)", r"不认识的参数：\1"),
        (r"argument (\S+): expected one argument", r"\1 后面需要一个值"),
        (r"argument (\S+): (.*)", r"\1：\2"),
    ]
    for pattern, replacement in rules:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m autograde",
        description=(
            "alisim 教师命令：按进度文件自动评分（不运行学生代码）、核对、班级成绩报告、导出成绩表。\n"
            "在课程根目录（nbgrader_config.py 所在的文件夹）运行，或用 --course-root 指定。"
        ),
        epilog=(
            "例子：\n"
            "  python -m autograde grade 01_account\n"
            "  python -m autograde verify 01_account\n"
            "  python -m autograde report 01_account --out 01_report.html\n"
            "  python -m autograde export 01_account --out 01_grades.csv\n"
            "每个命令的详细说明：python -m autograde 命令 -h"
        ),
    )
    commands = parser.add_subparsers(
        dest="command", title="命令", metavar="{grade,verify,report,export}", parser_class=_Parser
    )

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=summary, description=description)
        sub.add_argument(
            "assignment", metavar="作业", help="作业名称，即 course/ 下的文件夹名，例如 01_account"
        )
        sub.add_argument(
            "--course-root", metavar="目录", default=None,
            help="课程根目录（nbgrader_config.py 所在的文件夹）；默认是当前目录",
        )  # fmt: skip
        return sub

    grade = command(
        "grade", "自动评分全班：按每个学生的进度文件评分，不运行学生的代码（结果与 nbgrader autograde 相同）",
        "自动评分：读取 submitted/*/作业/ 里每个学生提交的进度文件 alisim_state.json，逐个任务、逐个字段评分，\n"
        "成绩写入 gradebook.db，评过的笔记本（带中文反馈）放在 autograded/ 里，之后可以直接运行\n"
        "nbgrader generate_feedback。学生的代码一行也不运行：学生改不了自己的分数，也碰不到 gradebook。\n"
        "某个学生的文件坏了不会中断其他学生。",
    )  # fmt: skip
    grade.add_argument(
        "--force", action="store_true",
        help="已经评过的学生也重新评分（和 nbgrader autograde --force 一样）；默认只评新的或重新提交的",
    )  # fmt: skip
    grade.add_argument(
        "--student", action="append", metavar="学号",
        help="只评这个学生（可以写多次）；默认评全班",
    )  # fmt: skip
    grade.add_argument(
        "--execute", action="store_true",
        help="另外在隔离环境里运行每个学生的笔记本，只为看到运行结果（放在 executed/ 下）；分数仍然只来自进度文件",
    )  # fmt: skip

    command(
        "verify", "核对 gradebook：每个分数是否都是学生进度文件应得的",
        "核对：重新检查每个学生提交的进度文件，和 gradebook 里的分数逐个评分单元格比较，\n"
        "列出所有不一致的学生（例如在别处用会运行学生代码的 nbgrader autograde 评过分）。\n"
        "有不一致时退出码为 1。老师手动给的分数不算不一致。",
    )  # fmt: skip

    report = command(
        "report", "生成班级成绩报告（HTML，含图表和常见错误）",
        "班级成绩报告：总分分布、每个任务和每个字段的出错率、最常见的错误（中文），\n"
        "按学生保存的进度文件逐字段重新检查，总分取自 gradebook。生成一个独立的 HTML 文件，\n"
        "用浏览器直接打开即可（不需要联网）。",
    )  # fmt: skip
    report.add_argument(
        "--out", "-o", metavar="文件", default=None, help="输出的 HTML 文件（默认：作业名_report.html）"
    )

    export = command(
        "export", "导出成绩表（CSV，Excel 可直接打开）",
        "导出成绩表：学号、姓名、总分、满分和每个任务的得分，一行一个学生。\n"
        "文件是带 BOM 的 UTF-8 CSV，Excel 打开时中文不会乱码。",
    )  # fmt: skip
    export.add_argument(
        "--out", "-o", metavar="文件", default=None, help="输出的 CSV 文件（默认：作业名_grades.csv）"
    )
    return parser


# --- commands ------------------------------------------------------------------------------------------
def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _grade(args: argparse.Namespace) -> int:
    from .grading import grade_class

    course = open_course(args.course_root)
    width = 0

    def progress(done: int, total: int, r) -> None:
        nonlocal width
        width = width or len(str(total))
        head = f"[{done:>{width}}/{total}] {r.student}"
        if r.status == "graded":
            tail = f"{_score(r.score)}/{_score(r.max_score)}"
            if r.problem:
                tail += f"（{r.problem}）"
        elif r.status == "skipped":
            tail = "已经评过，跳过（要重新评分请加 --force）"
        else:
            tail = f"失败：{r.reason}"
        print(f"{head} {tail}", flush=True)

    course.require_assignment(args.assignment)
    print(f"评分 {args.assignment}：课程 {course.root}（按进度文件评分，不运行学生代码）", flush=True)
    outcome = grade_class(course, args.assignment, force=args.force, students=args.student, progress=progress)
    graded, skipped, failed = (outcome.with_status(s) for s in ("graded", "skipped", "failed"))
    parts = [f"{len(graded)} 人已评分"]
    if skipped:
        parts.append(f"{len(skipped)} 人跳过")
    if failed:
        parts.append(f"{len(failed)} 人失败")
    print(f"完成：{'，'.join(parts)}；用时 {outcome.seconds:.1f} 秒。成绩已写入 gradebook。")
    if args.execute:
        _execute(course, args.assignment, [r.student for r in graded + skipped])
    if failed:
        print("评分失败的学生：")
        for r in failed:
            print(f"  {r.student}：{r.reason}")
        print("修好后可以只重评他们：python -m autograde grade " + args.assignment + " "
              + " ".join(f"--student {r.student}" for r in failed))  # fmt: skip
        return _EXIT_FAILED_STUDENTS
    print(
        f"下一步：nbgrader generate_feedback {args.assignment}，或 python -m autograde report {args.assignment}"
    )
    return _EXIT_OK


def _execute(course, assignment: str, students: list[str]) -> None:
    from .sandbox import SandboxUnavailable, run_executed, sandbox_user

    try:
        user = sandbox_user()
    except SandboxUnavailable as exc:
        print(f"没有运行笔记本：{exc}", flush=True)
        return
    notebooks = sorted(p.stem for p in course.source(assignment).glob("*.ipynb"))
    print(f"在隔离环境里运行笔记本（只供阅读，不影响分数）：{len(students)} 人", flush=True)
    for student in students:
        for nb in notebooks:
            run = run_executed(
                course.submitted(student, assignment), course.root / "executed" / student / assignment,
                student, nb, user,
            )  # fmt: skip
            where = f"→ {run.path}" if run.path else ""
            print(f"  {student} {nb}：{'完成' if run.ok else run.reason} {where}", flush=True)


def _verify(args: argparse.Namespace) -> int:
    from .verify import differences

    course = open_course(args.course_root)
    course.require_assignment(args.assignment)
    course.require_in_gradebook(args.assignment)
    found = differences(course, args.assignment)
    if not found:
        print(f"核对完成：{args.assignment} 的 gradebook 分数都与学生的进度文件一致。")
        return _EXIT_OK
    students = sorted({d.student for d in found})
    print(f"有 {len(students)} 名学生的 gradebook 分数与进度文件不一致：")
    for student in students:
        print(f"  {student}：" + "；".join(d.describe() for d in found if d.student == student))
    print(f"按进度文件重新评分：python -m autograde grade {args.assignment} --force")
    return _EXIT_FAILED_STUDENTS


def _report(args: argparse.Namespace) -> int:
    from .report import PLOTLY_FILE, class_results, write_report

    course = open_course(args.course_root)
    results = class_results(course, args.assignment)
    out = write_report(results, Path(args.out or f"{args.assignment}_report.html"))
    print(
        f"已生成班级报告：{out.resolve()}（{len(results.students)} 名学生；图表脚本 {PLOTLY_FILE} 在同一文件夹）"
    )
    differing = [s.student for s in results.students if s.mismatches]
    if differing:
        print(f"注意：{len(differing)} 名学生的 gradebook 分数与进度文件不一致：{'、'.join(differing)}"
              f"（详见报告；核对：python -m autograde verify {args.assignment}）")  # fmt: skip
    return _EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from .report import grade_table, write_csv

    course = open_course(args.course_root)
    header, rows = grade_table(course, args.assignment)
    out = Path(args.out or f"{args.assignment}_grades.csv")
    write_csv(out, header, rows)
    print(f"已导出成绩表：{out.resolve()}（{len(rows)} 名学生）")
    return _EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return _EXIT_USAGE
    from .grading import with_venv_on_path

    with_venv_on_path()  # nbgrader runs `alembic` from PATH; a teacher's shell may not have the venv active
    run = {"grade": _grade, "verify": _verify, "report": _report, "export": _export}[args.command]
    try:
        return run(args)
    except CourseError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return _EXIT_USAGE
    except KeyboardInterrupt:
        print("\n已中断。已经评完的学生的成绩已写入 gradebook。", file=sys.stderr)
        return 130
