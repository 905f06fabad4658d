"""The simulated My Alibaba backend of one project notebook.

Every operation runs in :meth:`Backend.transaction`: under the folder's lock it re-reads what another
kernel saved, works on a copy, and saves the whole store atomically only when the operation succeeds.
A refused operation changes nothing, in memory or on disk.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import StateFileError
from .persistence import StateFile
from .state import AuditEntry, Message, PendingCode, StoreState

__all__ = ["Backend", "AREAS", "open_backend"]

# Backend areas: ``backend.<name>`` is an instance of the class named here, built on first use.
AREAS: dict[str, str] = {
    "account": "alisim_widgets.sim.account:AccountArea",
    "quiz": "alisim_widgets.sim.quiz:QuizArea",
    "products": "alisim_widgets.sim.products:ProductsArea",
    "verification": "alisim_widgets.sim.verification:VerificationArea",
    "company": "alisim_widgets.sim.company:CompanyArea",
    "account_security": "alisim_widgets.sim.account_security:AccountSecurityArea",
    "media": "alisim_widgets.sim.media:MediaArea",
    "sub_accounts": "alisim_widgets.sim.sub_accounts:SubAccountsArea",
    "decoration": "alisim_widgets.sim.decoration:DecorationArea",
    "customs": "alisim_widgets.sim.customs:CustomsArea",
    "data": "alisim_widgets.sim.data:DataArea",
    "trade": "alisim_widgets.sim.trade:TradeArea",
    "freight": "alisim_widgets.sim.freight:FreightArea",
    "rfq": "alisim_widgets.sim.rfq:RfqArea",
    "crm": "alisim_widgets.sim.crm:CrmArea",
    "edm": "alisim_widgets.sim.edm:EdmArea",
    "showcases": "alisim_widgets.sim.showcases:ShowcasesArea",
    "coupons": "alisim_widgets.sim.coupons:CouponsArea",
    "p4p": "alisim_widgets.sim.p4p:P4PArea",
}

_DAY_START = dt.time(9, 0)


class Backend:
    """One simulated store, saved to ``alisim_state.json`` (or kept in memory when ``path`` is None)."""

    def __init__(self, project: str, state: StoreState, store: StateFile | None) -> None:
        self.project = project
        self._state = state
        self._store = store
        self._areas: dict[str, Any] = {}
        self.source = "code"  # screens switch this to "screen" while they submit
        self.problem: str | None = None  # a Chinese message when the saved file could not be used
        # Opened in the instructor's source folder (reference solutions; kept in memory only).
        self.teacher_source = False

    # --- reading -----------------------------------------------------------------------------
    @property
    def state(self) -> StoreState:
        """The current store. Treat as read-only: change it through operations."""
        return self._state

    @property
    def path(self) -> Path | None:
        return self._store.path if self._store else None

    @property
    def persistent(self) -> bool:
        return self._store is not None

    def today(self) -> dt.date:
        return self._state.today

    def now(self) -> dt.datetime:
        return dt.datetime.combine(self._state.today, _DAY_START) + dt.timedelta(minutes=self._state.tick)

    @property
    def inbox(self) -> Inbox:
        return Inbox(self._state.inbox)

    def __getattr__(self, name: str) -> Any:
        # Areas are looked up lazily so that a notebook imports only what it uses.
        if name.startswith("_") or name not in AREAS:
            raise AttributeError(name)
        if name not in self._areas:
            module_name, cls_name = AREAS[name].split(":")
            self._areas[name] = getattr(importlib.import_module(module_name), cls_name)(self)
        return self._areas[name]

    # --- changing ----------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self, op: str, detail: str = "") -> Iterator[StoreState]:
        """Yield a working copy of the store; keep and save it only if the block ends without error."""
        lock = self._store.lock() if self._store else contextlib.nullcontext()
        with lock:
            self._refresh_locked()
            work = self._state.model_copy(deep=True)
            yield work
            work.revision += 1
            work.tick += 1
            work.audit.append(
                AuditEntry(
                    at=dt.datetime.now().replace(microsecond=0),
                    scenario_time=self.now(),
                    actor=work.acting_as,
                    source=self.source,
                    op=op,
                    detail=detail,
                )
            )
            if self._store:
                self._store.save(work)
            self._state = work

    def refresh(self) -> None:
        """Pick up what another kernel saved in the same folder."""
        lock = self._store.lock() if self._store else contextlib.nullcontext()
        with lock:
            self._refresh_locked()

    def _refresh_locked(self) -> None:
        if not self._store:
            return
        disk = self._store.read_revision()
        if disk is not None and disk != self._state.revision:
            loaded = self._store.load()
            if loaded is not None:
                self._state = loaded

    @contextlib.contextmanager
    def via(self, source: str) -> Iterator[None]:
        """Record operations in the block as coming from ``source`` ("screen" or "code")."""
        before, self.source = self.source, source
        try:
            yield
        finally:
            self.source = before

    def advance_days(self, days: int = 1) -> dt.date:
        """Move the scenario clock ``days`` days on (a new day's A&V attempts, waiting for a review)."""
        from .errors import SimError

        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 366:
            raise SimError(f"模拟时钟只能前进 1–366 天（收到 {days!r}）")
        with self.transaction("clock.advance", f"+{days}d") as work:
            work.today += dt.timedelta(days=days)
            work.tick = 0
        return self._state.today

    def reset(self) -> Path | None:
        """Start the project over from its scenario; the old file is kept as a backup."""
        from .scenarios import build_scenario

        backup = None
        lock = self._store.lock() if self._store else contextlib.nullcontext()
        with lock:
            if self._store and self._store.exists():
                backup = self._store.backup("reset")
            fresh = build_scenario(self.project)
            fresh.revision = self._state.revision + 1
            if self._store:
                self._store.save(fresh)
            self._state = fresh
        self.problem = None
        return backup

    def switch_account(self, account: str) -> list[str]:
        """Act as ``"admin"`` or a sub-account (id or email): the permission matrix then applies to it."""
        return self.sub_accounts.switch(account)

    # --- helpers for areas -------------------------------------------------------------------
    def send_code(self, work: StoreState, *, channel: str, to: str, purpose: str, subject: str) -> str:
        """Put a fresh 6-digit verification code in the inbox (inside a transaction)."""
        rng = random.Random(f"{self.project}:{purpose}:{to}:{len(work.inbox)}")
        code = f"{rng.randrange(10**6):06d}"
        sent_at = self.now()
        for pending in work.pending_codes:
            if pending.purpose == purpose and pending.to == to:
                pending.used = True  # a new code replaces the old one
        work.pending_codes.append(PendingCode(purpose=purpose, to=to, code=code, sent_at=sent_at))
        work.inbox.append(
            Message(
                id=len(work.inbox) + 1,
                channel=channel,
                to=to,
                subject=subject,
                body=f"【阿里巴巴】验证码 {code}，用于{subject}，15 分钟内有效。请勿告诉他人。",
                code=code,
                sent_at=sent_at,
            )
        )
        return code


class Inbox:
    """Read-only view of the simulated SMS and email inbox."""

    def __init__(self, messages: list[Message]) -> None:
        self._messages = messages

    def __iter__(self):
        return iter(self._messages)

    def __len__(self) -> int:
        return len(self._messages)

    def latest(self, to: str | None = None) -> Message | None:
        for msg in reversed(self._messages):
            if to is None or msg.to == to:
                return msg
        return None

    def last_code(self, to: str | None = None) -> str | None:
        """The code of the latest message (to ``to``) that carries one."""
        for msg in reversed(self._messages):
            if msg.code and (to is None or msg.to == to):
                return msg.code
        return None

    def __repr__(self) -> str:
        return f"Inbox({len(self._messages)} 条消息)"


def open_backend(project: str, path: str | Path | None = ".") -> Backend:
    """Open the store of ``project`` saved in ``path``, or start it from the project's scenario.

    ``path=None`` keeps the store in memory only (the Voila demo). A file that cannot be used is
    backed up, ``backend.problem`` says so in Chinese, and the project starts from its scenario.
    """
    from .scenarios import build_scenario, is_source_folder

    if path is None or is_source_folder(Path(path)):
        # The instructor's source folder never gets a state file: it would be released to students.
        backend = Backend(project, build_scenario(project), None)
        backend.teacher_source = path is not None
        return backend
    store = StateFile(path, project)
    problem = None
    with store.lock():
        try:
            state = store.load()
        except StateFileError as exc:
            state, problem = None, exc.message
        if state is None:
            state = build_scenario(project)
    backend = Backend(project, state, store)
    backend.problem = problem
    return backend
