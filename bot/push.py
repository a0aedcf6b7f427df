"""The daily push, driven by the store: who is due, what they got, and sending within Telegram's limits.

A short periodic job calls `Pusher.run_due()`. A user is due when their local
time (their IANA zone) has reached their digest time and the delivery log has no
finished delivery for their local date. The delivery row, unique per (user, local
date), is claimed with the digest's rendered parts before anything is sent, and
each sent message is recorded with its stories in one transaction; a restart
therefore resumes a half-sent digest at the next part and never starts a second
one. Only the current local date is ever considered, so downtime collapses into
one digest, never a backlog.

Sending: python-telegram-bot's AIORateLimiter keeps to 30 messages/s and retries
429 answers; a RetryAfter that still escapes is waited out here (a digest is never
dropped for flood control). 403 (blocked) marks the user inactive; network errors
leave the delivery pending for the next tick.
"""

from __future__ import annotations

import asyncio
import heapq
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from telegram import Bot
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.i18n import N_, texts_for
from bot.render import Part, render_digest
from bot.send import ChatGone, PushProgress, send_and_record, send_part
from digest.clock import utcnow
from digest.compose import Composer
from digest.schedule import is_due_today, local_date
from digest.settings import Settings
from digest.store import Delivery, Reader, Store, StoredPart

log = logging.getLogger(__name__)

NOTHING_NEW = N_("Nothing new since your last briefing. I'll be back tomorrow.")
HEADER = N_("Your briefing")
PER_CHAT_INTERVAL = 1.0


# each distinct briefing of a tick, rendered and stored once: its parts and body id, by language and key
Bodies = dict[tuple[Any, ...], tuple[list[StoredPart], int | None]]


@dataclass
class PushReport:
    due: int = 0
    sent: int = 0
    empty: int = 0
    blocked: int = 0
    failed: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class _Job:
    """One user's digest in the push queue, between its messages."""
    user: Reader
    day: str
    started: bool  # a delivery row may exist already (resume)
    delivery: Delivery | None = None
    parts: list[Part] = field(default_factory=list)


class Pusher:
    def __init__(self, bot: Bot, store: Store, settings: Settings, clock: Callable[[], datetime] = utcnow,
                 workers: int = 16, composer: Composer | None = None):
        self.bot = bot
        self.store = store
        self.composer = composer or Composer(store)
        self.settings = settings
        self.clock = clock
        self.workers = workers
        self._lock = asyncio.Lock()

    def due(self) -> list[tuple[Reader, str, bool]]:
        """(user, local date, started) for everyone due now; `started` marks a digest to resume."""
        now = self.clock()
        earliest = (now - timedelta(days=2)).date().isoformat()
        finished = self.store.finished_deliveries(earliest)
        started = self.store.open_deliveries(earliest)
        out = []
        for user in self.store.subscribers():
            if not is_due_today(user, self.settings, now):
                continue
            day = local_date(user, self.settings, now)
            if (user["id"], day) not in finished:
                out.append((user, day, (user["id"], day) in started))
        return out

    async def run_due(self) -> PushReport:
        """One tick: deliver to everyone due; skipped (returns an empty report) if a tick is running.

        A bounded pool of workers sends one message at a time (thousands of concurrent
        sends stall the HTTP connection pool). A digest of several messages goes back
        into the queue between its parts, due a second later (Telegram's pace within
        one chat), so no worker sits idle waiting on one chat.
        """
        report = PushReport()
        if self._lock.locked():
            return report
        async with self._lock:
            due = self.due()
            report.due = len(due)
            bodies: Bodies = {}
            jobs: list[tuple[float, int, _Job]] = []
            for seq, (user, day, started) in enumerate(due):
                heapq.heappush(jobs, (0.0, seq, _Job(user, day, started)))
            loop = asyncio.get_running_loop()

            async def worker() -> None:
                while jobs:
                    ready_at, seq, job = heapq.heappop(jobs)
                    wait = ready_at - loop.time()
                    if wait > 0:
                        await asyncio.sleep(wait)
                    try:
                        status = await self._step(job, bodies)
                    except Exception as exc:  # noqa: BLE001 - one user's failure never stops the push
                        log.exception("push to user %s failed", job.user["id"])
                        report.errors.append(f"{job.user['id']}: {type(exc).__name__}")
                        status = "failed"
                    if status == "more":
                        heapq.heappush(jobs, (loop.time() + PER_CHAT_INTERVAL, seq, job))
                    else:
                        setattr(report, status, getattr(report, status) + 1)

            await asyncio.gather(*(worker() for _ in range(max(1, min(self.workers, len(due))))))
        if report.due:
            log.info("push: %s due, %s sent, %s empty, %s blocked, %s failed", report.due, report.sent,
                     report.empty, report.blocked, report.failed)
        return report

    def _body(self, user: Reader, bodies: Bodies) -> tuple[list[StoredPart], int | None]:
        """The user's digest parts and their stored body: each distinct briefing of a tick is rendered
        and stored once for each language, however many users share it."""
        briefing = self.composer.briefing(user, self.settings.digest_items, self.settings.digest_max_age_hours,
                                          self.clock())
        _ = texts_for(user)
        key = (_.language, *briefing.key)
        if key not in bodies:
            parts = [p.as_dict() for p in render_digest(briefing.items, header=_(HEADER), texts=_)]
            bodies[key] = (parts, self.store.save_digest_body(parts) if parts else None)
        return bodies[key]

    async def _step(self, job: _Job, bodies: Bodies) -> str:
        """Send the next message of a user's digest: "more" if another part follows, else the outcome."""
        user = job.user
        if job.delivery is None:
            delivery = self.store.get_delivery(user["id"], job.day) if job.started else None
            if delivery is None:
                body, body_id = self._body(user, bodies)
                delivery = self.store.claim_delivery(user["id"], job.day, body_id, parts=body)
            if delivery["status"] != "pending":
                return "skipped"
            job.delivery = delivery
            job.parts = [Part.from_dict(p) for p in delivery["parts"]]
        delivery, parts = job.delivery, job.parts
        assert delivery is not None  # claimed above, on this step or an earlier one
        try:
            if not parts:
                if self.settings.nothing_new_note:
                    await send_part(self.bot, user["id"], Part(texts_for(user)(NOTHING_NEW)))
                self.store.finish_delivery(delivery["id"], "empty")
                return "empty"
            index = delivery["messages"] or 0
            last = index == len(parts) - 1
            message = await send_and_record(self.bot, self.store, user["id"], parts[index], deliver_to=user["id"],
                                            push=PushProgress(delivery["id"], delivery["body_id"], index, last),
                                            buttons=user.get("type") != "channel")
            if message.chat_id != user["id"]:  # the group became a supergroup: its next parts go there
                job.user = {**user, "id": message.chat_id}
            delivery["messages"] = index + 1
            return "sent" if last else "more"
        except ChatGone as exc:
            self.store.set_inactive(user["id"], f"blocked: {exc}")
            self.store.finish_delivery(delivery["id"], "blocked", str(exc))
            log.info("user %s blocked the bot; marked inactive", user["id"])
            return "blocked"
        except BadRequest as exc:  # before NetworkError: PTB's BadRequest is a NetworkError
            self.store.finish_delivery(delivery["id"], "failed", str(exc))
            log.error("push to user %s refused by Telegram: %s", user["id"], exc)
            return "failed"
        except (TimedOut, NetworkError) as exc:
            log.warning("push to user %s interrupted (%s); will resume next tick", user["id"], exc)
            return "failed"

    def skip_today(self, user: Reader) -> None:
        """A user who subscribes after today's digest time starts tomorrow (they can /digest now)."""
        now = self.clock()
        if is_due_today(user, self.settings, now):
            self.store.claim_delivery(user["id"], local_date(user, self.settings, now), None, status="skipped")

    def schedule_changed(self, user: Reader) -> None:
        """A new time or zone that puts today's digest time still ahead brings today's digest, if the day
        was only skipped (subscribed after the old time) and nothing was sent."""
        now = self.clock()
        if not is_due_today(user, self.settings, now):
            self.store.unskip_delivery(user["id"], local_date(user, self.settings, now))
