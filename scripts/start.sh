#!/usr/bin/env bash
# 安装（首次）并启动 JupyterLab（中文界面）。
#   bash scripts/start.sh             学生版：先生成/更新 student/（没有参考答案，进度保存在各项目文件夹），再打开它
#   bash scripts/start.sh --teacher   教师版：打开 course/ 里的 nbgrader 源笔记本（含参考答案，进度只在内存中）
# 其他参数原样交给 jupyter lab（例如 --no-browser --port=8899）。
# --student-dir=DIR 把学生版放在 DIR（默认仓库里的 student/）。
source "$(dirname "$0")/_env.sh"
install_course ""
mode=student
student_dir="$ROOT/student"
args=()
for arg in "$@"; do
  case "$arg" in
    --teacher) mode=teacher ;;
    --student-dir=*) student_dir="${arg#--student-dir=}" ;;
    *) args+=("$arg") ;;
  esac
done
[ "$(id -u)" = 0 ] && args+=(--allow-root)  # JupyterLab refuses root without it (containers, lab PCs)
if [ "$mode" = teacher ]; then
  echo "==> 教师版：course/ 里是 nbgrader 源笔记本（含参考答案，进度只保存在内存中）。学生请用 bash scripts/start.sh"
  notebook_dir="$ROOT/course"
else
  echo "==> 生成/更新学生版 $student_dir（已有的进度文件 alisim_state.json 不会被覆盖）"
  "$VENV_PY" -m autograde.edition --dest "$student_dir" --course-root "$ROOT"
  notebook_dir="$student_dir"
  echo "==> 启动 JupyterLab：浏览器打开后，进入 01_account/01_account.ipynb 开始项目一"
fi
# Per launch, never in the user's own Jupyter config: Chinese, no news pop-up; students without nbgrader's
# instructor extensions (scripts/lab/README.md).
exec "$ROOT/.venv/bin/jupyter" lab --notebook-dir="$notebook_dir" \
  --LabApp.app_settings_dir="$ROOT/scripts/lab/$mode" "${args[@]}"
