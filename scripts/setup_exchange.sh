#!/usr/bin/env bash
# 老师运行一次：创建 nbgrader 交换目录（所有学生可写），并把学生端的 nbgrader 配置（课程 id alisim、
# 交换目录、不提交的锁文件和备份）写进课程虚拟环境的 Jupyter 配置目录 .venv/etc/jupyter/。
#   bash scripts/setup_exchange.sh                        # root: /srv/nbgrader/exchange；其他用户: ~/nbgrader/exchange
#   bash scripts/setup_exchange.sh --root /srv/nbgrader/exchange
#   bash scripts/setup_exchange.sh --config-dir /etc/jupyter   # JupyterHub: 所有单用户服务器都读的目录
source "$(dirname "$0")/_env.sh"
install_course ""
exec "$VENV_PY" -m autograde.exchange_setup "$@"
