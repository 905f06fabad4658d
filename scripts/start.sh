#!/usr/bin/env bash
# 安装（首次）并启动 JupyterLab，打开课程目录 course/。
source "$(dirname "$0")/_env.sh"
install_course ""
echo "==> 启动 JupyterLab：浏览器打开后，进入 01_account/01_account.ipynb 开始项目一"
extra=()
[ "$(id -u)" = 0 ] && extra+=(--allow-root)  # JupyterLab refuses root without it (containers, lab PCs)
exec .venv/bin/jupyter lab --notebook-dir="$ROOT/course" "${extra[@]}" "$@"
