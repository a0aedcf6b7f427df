"""Admin commands: only for user ids in BRIEFBOT_ADMIN_IDS (`admin_only`); /sources is in the user commands."""

from __future__ import annotations

import asyncio
import time as clock

from telegram import Message, Update
from telegram.error import BadRequest

from bot.commands.base import admin_only, args_of, message_of, reply, sender_id, single_argument, texts_here
from bot.context import BotData, Context
from bot.i18n import N_, Texts
from bot.render import esc
from digest.clock import utcnow
from digest.ingest import SourceOutcome, make_fetcher
from digest.reports import ingest_report_lines
from digest.sources import SourceError, add_source

ADMIN_COMMANDS = [
    ("addsource", N_("Add a source: URL [name]")), ("removesource", N_("Remove a source: ID or URL")),
    ("ingest", N_("Run an ingest pass now")), ("stats", N_("Chats, sources, articles, deliveries")),
    ("export", N_("The sources as an OPML file")), ("import", N_("Add the feeds of an OPML file")),
]
BUSY = N_("An ingest pass is already running; try again in a minute.")


@admin_only
async def addsource(update: Update, context: Context) -> None:
    args = args_of(context)
    _ = texts_here(update, context)
    if not args:
        await reply(update, _("Usage: /addsource URL [name]"))
        return
    url, name = args[0], " ".join(args[1:])[:100] or None
    bb = context.bot_data
    try:
        async with make_fetcher(bb.settings) as fetcher:
            source, found, reenabled = await add_source(bb.store, fetcher, url, name, added_by=sender_id(update),
                                                        max_sources=bb.settings.max_sources)
    except SourceError as exc:
        await reply(update, _("Could not add {url}: {reason}", url=esc(url[:200]), reason=esc(str(exc))))
        return
    done = {"id": source["id"], "source": esc(found.describe())}
    await reply(update, (_("Re-enabled source #{id}: {source}.", **done) if reenabled
                         else _("Added source #{id}: {source}.", **done)) + "\n" +
                _("It will be polled at the next ingest (or run /ingest now)."))


@admin_only
async def removesource(update: Update, context: Context) -> None:
    _ = texts_here(update, context)
    given = await single_argument(update, context, _("Usage: /removesource ID|URL (see /sources)"))
    if given is None:
        return
    store = context.bot_data.store
    source = store.find_source(given)
    if source is None:
        await reply(update, _("No source {source}. /sources lists them.", source=esc(given[:200])))
        return
    store.remove_source(source["id"])
    await reply(update, _("Removed source #{id}: {source}. Its stories stay searchable.", id=source["id"],
                          source=esc(source["name"])))


@admin_only
async def ingest(update: Update, context: Context) -> None:
    bb = context.bot_data
    _ = texts_here(update, context)
    if bb.ingest.busy:
        await reply(update, _(BUSY))
        return
    status = await message_of(update).reply_text(_("Ingest: starting\u2026"), parse_mode=None)
    # The pass runs after this handler returns: the update is answered, and a pass, which makes way
    # for updates in hand (bot/foreground.py), is not held back by the command that started it.
    # PTB reports the task's errors to the error handler and awaits it when the bot stops.
    context.application.create_task(_ingest_and_report(bb, status, _), update=update)


async def _ingest_and_report(bb: BotData, status: Message, _: Texts) -> None:
    """Run a pass, editing one status message with its progress at most once a second (its report in
    English, the words of `briefbot ingest`)."""
    last_edit = 0.0

    async def show(text: str) -> None:
        try:
            await status.edit_text(text, parse_mode=None)
        except BadRequest as exc:
            if "not modified" not in str(exc).lower():
                raise

    pending: list[str] = []

    def progress(done: int, total: int, outcome: SourceOutcome) -> None:
        pending.append(_("Ingest: {done}/{total} sources \u2026 (last: {source})", done=done, total=total,
                         source=outcome.name[:60]))

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
        await show(_(BUSY))
        return
    lines = ingest_report_lines(report)
    await show("\n".join([_("Ingest done.") + f" {lines[0]}."] + lines[1:])[:4000])


@admin_only
async def stats(update: Update, context: Context) -> None:
    today = utcnow().replace(hour=0, minute=0, second=0, microsecond=0).isoformat(timespec="seconds")
    s = context.bot_data.store.stats(today)
    _ = texts_here(update, context)
    await reply(update, "\n".join([
        "<b>" + _("Briefbot stats") + "</b>",
        _("Chats: {chats} ({groups} groups, {channels} channels; subscribed: {subscribers}, blocked or removed "
          "the bot: {blocked})", **s),
        _("Sources: {sources} (failing: {sources_failing}, disabled: {sources_disabled})", **s),
        _("Articles: {articles}", **s),
        _("Digests sent today (UTC): {digests_today}", **s),
        _("Deliveries failed or pending today: {deliveries_failed_today}", **s),
    ]))
