"""Admin commands: only for user ids in BRIEFBOT_ADMIN_IDS (`admin_only`); /sources is in the user commands."""

from __future__ import annotations

import asyncio
import time as clock

from telegram import Message, Update
from telegram.error import BadRequest

from bot.commands.base import admin_only, args_of, message_of, reply, sender_id, single_argument
from bot.context import BotData, Context
from bot.render import esc
from digest.clock import utcnow
from digest.ingest import SourceOutcome, make_fetcher
from digest.reports import ingest_report_lines
from digest.sources import SourceError, add_source

ADMIN_COMMANDS = [
    ("addsource", "Add a source: URL [name]"), ("removesource", "Remove a source: ID or URL"),
    ("ingest", "Run an ingest pass now"), ("stats", "Chats, sources, articles, deliveries"),
]
BUSY = "An ingest pass is already running; try again in a minute."


@admin_only
async def addsource(update: Update, context: Context) -> None:
    args = args_of(context)
    if not args:
        await reply(update, "Usage: /addsource URL [name]")
        return
    url, name = args[0], " ".join(args[1:])[:100] or None
    bb = context.bot_data
    try:
        async with make_fetcher(bb.settings) as fetcher:
            source, found, reenabled = await add_source(bb.store, fetcher, url, name, added_by=sender_id(update),
                                                        max_sources=bb.settings.max_sources)
    except SourceError as exc:
        await reply(update, f"Could not add {esc(url[:200])}: {esc(str(exc))}")
        return
    verb = "Re-enabled" if reenabled else "Added"
    await reply(update, f"{verb} source #{source['id']}: {esc(found.describe())}.\nIt will be polled at the next "
                        "ingest (or run /ingest now).")


@admin_only
async def removesource(update: Update, context: Context) -> None:
    given = await single_argument(update, context, "Usage: /removesource ID|URL (see /sources)")
    if given is None:
        return
    store = context.bot_data.store
    source = store.find_source(given)
    if source is None:
        await reply(update, f"No source {esc(given[:200])}. /sources lists them.")
        return
    store.remove_source(source["id"])
    await reply(update, f"Removed source #{source['id']}: {esc(source['name'])}. Its stories stay searchable.")


@admin_only
async def ingest(update: Update, context: Context) -> None:
    bb = context.bot_data
    if bb.ingest.busy:
        await reply(update, BUSY)
        return
    status = await message_of(update).reply_text("Ingest: starting\u2026", parse_mode=None)
    # The pass runs after this handler returns: the update is answered, and a pass, which makes way
    # for updates in hand (bot/foreground.py), is not held back by the command that started it.
    # PTB reports the task's errors to the error handler and awaits it when the bot stops.
    context.application.create_task(_ingest_and_report(bb, status), update=update)


async def _ingest_and_report(bb: BotData, status: Message) -> None:
    """Run a pass, editing one status message with its progress at most once a second."""
    last_edit = 0.0

    async def show(text: str) -> None:
        try:
            await status.edit_text(text, parse_mode=None)
        except BadRequest as exc:
            if "not modified" not in str(exc).lower():
                raise

    pending: list[str] = []

    def progress(done: int, total: int, outcome: SourceOutcome) -> None:
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
        await show(BUSY)
        return
    lines = ingest_report_lines(report)
    await show("\n".join([f"Ingest done. {lines[0]}."] + lines[1:])[:4000])


@admin_only
async def stats(update: Update, context: Context) -> None:
    today = utcnow().replace(hour=0, minute=0, second=0, microsecond=0).isoformat(timespec="seconds")
    s = context.bot_data.store.stats(today)
    await reply(update, "\n".join([
        "<b>Briefbot stats</b>",
        f"Chats: {s['chats']} ({s['groups']} groups, {s['channels']} channels; subscribed: {s['subscribers']}, "
        f"blocked or removed the bot: {s['blocked']})",
        f"Sources: {s['sources']} (failing: {s['sources_failing']}, disabled: {s['sources_disabled']})",
        f"Articles: {s['articles']}",
        f"Digests sent today (UTC): {s['digests_today']}",
        f"Deliveries failed or pending today: {s['deliveries_failed_today']}",
    ]))
