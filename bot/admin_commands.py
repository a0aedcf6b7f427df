"""Admin commands: only for user ids in BRIEFBOT_ADMIN_IDS.

Anyone else gets exactly the reply an unknown command gets (the command's
existence is not revealed), and the attempt is logged.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time as clock

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot import context as ctx
from bot.render import esc, render_list
from bot.user_commands import UNKNOWN, reply, user_sources
from digest.clock import utcnow
from digest.ingest import make_fetcher
from digest.sources import SourceError, add_source

log = logging.getLogger(__name__)

ADMIN_COMMANDS = [
    ("addsource", "Add a source: URL [name]"), ("removesource", "Remove a source: ID or URL"),
    ("ingest", "Run an ingest pass now"), ("stats", "Users, sources, articles, deliveries"),
]


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    user = update.effective_user
    return user is not None and user.id in ctx.of(context).settings.admin_ids


def admin_only(handler):
    @functools.wraps(handler)
    async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not is_admin(update, context):
            user = update.effective_user
            log.warning("refused admin command %s from user %s", handler.__name__, user.id if user else None)
            await reply(update, UNKNOWN)
            return
        await handler(update, context)
    return guarded


@admin_only
async def addsource(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if not context.args:
        await reply(update, "Usage: /addsource URL [name]")
        return
    url, name = context.args[0], " ".join(context.args[1:])[:100] or None
    bb = ctx.of(context)
    try:
        async with make_fetcher(bb.settings) as fetcher:
            source, found, reenabled = await add_source(bb.store, fetcher, url, name,
                                                        added_by=update.effective_user.id,
                                                        max_sources=bb.settings.max_sources)
    except SourceError as exc:
        await reply(update, f"Could not add {esc(url[:200])}: {esc(str(exc))}")
        return
    verb = "Re-enabled" if reenabled else "Added"
    await reply(update, f"{verb} source #{source['id']}: {esc(found.describe())}.\nIt will be polled at the next "
                        "ingest (or run /ingest now).")


@admin_only
async def removesource(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if len(context.args or []) != 1:
        await reply(update, "Usage: /removesource ID|URL (see /sources)")
        return
    bb = ctx.of(context)
    source = bb.store.find_source(context.args[0])
    if source is None:
        await reply(update, f"No source {esc(context.args[0][:200])}. /sources lists them.")
        return
    bb.store.remove_source(source["id"])
    await reply(update, f"Removed source #{source['id']}: {esc(source['name'])}. Its stories stay searchable.")


async def sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Admins see health first; everyone gets the catalogue with mute buttons."""
    if is_admin(update, context):
        rows = ctx.of(context).store.list_sources()
        lines = []
        for s in rows:
            if s["disabled_reason"]:
                health = f"DISABLED: {s['disabled_reason']}"
            elif s["error_count"]:
                health = f"{s['error_count']} errors, last: {s['last_error']}"
            else:
                health = "ok"
            lines.append((f"#{s['id']} {s['name']} ({s['kind']}) \u2014 last success "
                          f"{s['last_success_at'] or 'never'}; {health}", None))
        await reply(update, render_list("Sources (admin view)", lines) if lines else "No sources yet. /addsource URL")
    await user_sources(update, context)


@admin_only
async def ingest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bb = ctx.of(context)
    if bb.ingest.busy:
        await reply(update, "An ingest pass is already running; try again in a minute.")
        return
    status = await update.effective_message.reply_text("Ingest: starting\u2026")
    # The pass runs after this handler returns: the update is answered, and a pass, which makes way
    # for updates in hand (bot/foreground.py), is not held back by the command that started it.
    # PTB reports the task's errors to the error handler and awaits it when the bot stops.
    context.application.create_task(_ingest_and_report(bb, status), update=update)


async def _ingest_and_report(bb: ctx.Briefbot, status) -> None:
    """Run a pass, editing one status message with its progress at most once a second."""
    last_edit = 0.0

    async def show(text: str) -> None:
        try:
            await status.edit_text(text)
        except BadRequest as exc:
            if "not modified" not in str(exc).lower():
                raise

    pending: list[str] = []

    def progress(done: int, total: int, outcome) -> None:
        pending.append(f"Ingest: {done}/{total} sources \u2026 (last: {outcome.name[:60]})")

    async def flush() -> None:
        nonlocal last_edit
        if pending and clock.monotonic() - last_edit >= 1.0:
            text = pending[-1]
            pending.clear()
            last_edit = clock.monotonic()
            await show(text)

    task = asyncio.create_task(bb.ingest.run(all_sources=True, progress=progress))
    while not task.done():
        await asyncio.wait({task}, timeout=1.0)
        await flush()
    report = task.result()
    if report is None:
        await show("An ingest pass is already running; try again in a minute.")
        return
    lines = [f"Ingest done. {report.summary_line()}."]
    for outcome in report.outcomes:
        if not outcome.ok:
            lines.append(f"#{outcome.source_id} {outcome.name}: {outcome.error}" +
                         (" (disabled)" if outcome.disabled else ""))
    await show("\n".join(lines)[:4000])


@admin_only
async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    today = utcnow().replace(hour=0, minute=0, second=0, microsecond=0).isoformat(timespec="seconds")
    s = ctx.of(context).store.stats(today)
    await reply(update, "\n".join([
        "<b>Briefbot stats</b>",
        f"Users: {s['users']} (active subscribers: {s['subscribers']}, blocked the bot: {s['blocked']})",
        f"Sources: {s['sources']} (failing: {s['sources_failing']}, disabled: {s['sources_disabled']})",
        f"Articles: {s['articles']}",
        f"Digests sent today (UTC): {s['digests_today']}",
        f"Deliveries failed or pending today: {s['deliveries_failed_today']}",
    ]))
