"""Admin `/export` and `/import`: the sources as an OPML file, and the feeds of an OPML file added.

An admin sends the file itself (a feed reader's export), or answers an earlier file with /import.
The import runs after the handler returns, like /ingest, and one status message ends up as its
report: probing a long list takes minutes and the bot keeps answering meanwhile.
"""

from __future__ import annotations

from telegram import Document, InputFile, Message, Update
from telegram.error import TelegramError

from bot.commands.base import admin_only, is_admin, message_of, reply, sender_id, texts_here
from bot.commands.user import help_command
from bot.context import BotData, Context
from bot.i18n import N_, Texts
from bot.render import esc
from digest.clock import utcnow
from digest.ingest import make_fetcher
from digest.opml import MAX_OPML_BYTES, ImportReport, OpmlError, Outline, export_opml, import_sources, read_opml

HOW = N_("Send me an OPML file (every feed reader exports one) and I'll add its feeds, each checked as "
         "/addsource checks it; or answer a file you sent with /import.")
MAX_REPORT = 3500  # characters of a report, well inside one message; the lines left out are counted


@admin_only
async def export(update: Update, context: Context) -> None:
    _ = texts_here(update, context)
    sources = context.bot_data.store.list_sources()
    if not sources:
        await reply(update, _("No sources yet: /addsource or /import adds some."))
        return
    now = utcnow()
    document = export_opml(sources, title="Briefbot sources", now=now)
    await message_of(update).reply_document(
        InputFile(document, filename=f"briefbot-sources-{now:%Y-%m-%d}.opml"),
        caption=_.plural("{n} source as OPML: any feed reader takes it, and /import brings it back.",
                         "{n} sources as OPML: any feed reader takes it, and /import brings them back.",
                         len(sources)))


@admin_only
async def import_command(update: Update, context: Context) -> None:
    answered = message_of(update).reply_to_message
    if answered is None or answered.document is None:
        await reply(update, texts_here(update, context)(HOW))
        return
    await _import(update, context, answered.document)


async def on_document(update: Update, context: Context) -> None:
    """A file in a private chat: an admin's is an OPML file to import; anyone else is told what the
    bot does, as for any message it has no use for."""
    message = message_of(update)
    if not is_admin(update, context) or message.document is None:
        await help_command(update, context)
        return
    await _import(update, context, message.document)


async def _import(update: Update, context: Context, document: Document) -> None:
    _ = texts_here(update, context)
    if (document.file_size or 0) > MAX_OPML_BYTES:
        await reply(update, _("That file is too large for a list of feeds (at most {mb} MB).",
                              mb=MAX_OPML_BYTES // 1_000_000))
        return
    try:
        content = bytes(await (await document.get_file()).download_as_bytearray())
    except TelegramError as exc:
        await reply(update, _("I could not download that file from Telegram ({error}); please send it again.",
                              error=esc(str(exc)[:200])))
        return
    try:
        outlines = read_opml(content)
    except OpmlError as exc:
        await reply(update, _("I cannot import {file}: {reason}", file=esc((document.file_name or "")[:100]),
                              reason=esc(str(exc))))
        return
    status = await message_of(update).reply_text(
        _.plural("Checking {n} feed\u2026", "Checking {n} feeds\u2026", len(outlines)))
    context.application.create_task(
        _import_and_report(context.bot_data, outlines, sender_id(update), status, _), update=update)


async def _import_and_report(bb: BotData, outlines: list[Outline], admin: int | None, status: Message,
                             _: Texts) -> None:
    async with make_fetcher(bb.settings) as fetcher:
        report = await import_sources(bb.store, fetcher, outlines, added_by=admin, max_sources=bb.settings.max_sources)
    await status.edit_text(report_text(report, _))


def report_text(report: ImportReport, _: Texts) -> str:
    """The counts, then each source added and each feed that failed (with why) while they fit in a message."""
    head = [_("Import done: {added} added, {there} already there, {failed} failed.", added=len(report.added),
              there=len(report.already_there), failed=len(report.failed))]
    tail = [_("They will be polled at the next ingest (or run /ingest now).")] if report.added else []
    items = ([f"+ #{s['id']} {esc(s['name'][:80])}" for s in report.added]
             + [f"\u2717 {esc(url[:120])}: {esc(why[:160])}" for url, why in report.failed])
    shown, room = [], MAX_REPORT - sum(len(line) + 1 for line in head + tail) - 80
    for item in items:
        room -= len(item) + 1
        if room < 0:
            break
        shown.append(item)
    if len(shown) < len(items):
        shown.append(_.plural("\u2026 and {n} more.", "\u2026 and {n} more.", len(items) - len(shown)))
    return "\n".join(head + shown + tail)
