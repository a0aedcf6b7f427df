"""The `briefbot` command line: run the bot, or drive the newsroom from a terminal.

Commands that need no Telegram (sources, ingest, preview, summarize) import
nothing from python-telegram-bot, so they start fast and work without a token.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import click

from digest.settings import Settings, get_settings

if TYPE_CHECKING:
    from digest.analyse import Analysis
    from digest.opml import ImportReport
    from digest.sources import Probe
    from digest.store import Source, Store

log = logging.getLogger("briefbot")


def _settings() -> Settings:
    try:
        return get_settings()
    except Exception as exc:  # pydantic's ValidationError: show the setting, not a traceback
        raise click.ClickException(f"bad configuration: {exc}") from exc


def _store() -> Store:
    from digest.store import Store

    return Store(_settings().db)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """Briefbot: news briefings with key quotes, in Telegram or in your terminal."""
    from bot.logs import configure

    configure(max(logging.WARNING - 10 * verbose, logging.DEBUG), os.environ.get("BRIEFBOT_LOG_FORMAT", "text"),
              [os.environ.get("TELEGRAM_BOT_TOKEN", ""), os.environ.get("BRIEFBOT_TELEGRAM_BOT_TOKEN", "")])


# --- run -------------------------------------------------------------------------
@cli.command()
@click.option("--webhook", "webhook_url", metavar="URL", help="Receive updates by webhook at this public URL "
              "(default: long polling).")
@click.option("--listen", default="127.0.0.1", show_default=True, help="Address the webhook server binds to.")
@click.option("--port", type=click.IntRange(1, 65535), default=8443, show_default=True, help="Webhook server port.")
@click.option("--secret-token", help="Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (webhook mode).")
def run(webhook_url: str | None, listen: str, port: int, secret_token: str | None) -> None:
    """Run the Telegram bot (long polling, or a webhook behind a reverse proxy)."""
    settings = _settings()
    if not settings.telegram_bot_token:
        click.echo("No TELEGRAM_BOT_TOKEN set: the bot cannot connect to Telegram. "
                   "See the digest offline with: briefbot preview", err=True)
        sys.exit(1)
    from bot.logs import configure

    configure(min(logging.getLogger().level, logging.INFO), settings.log_format, [settings.telegram_bot_token])
    from telegram import Update

    from bot.app import build_application

    app = build_application(settings)
    if webhook_url:
        from urllib.parse import urlsplit

        app.run_webhook(listen=listen, port=port, url_path=urlsplit(webhook_url).path.lstrip("/"),
                        webhook_url=webhook_url, secret_token=secret_token, allowed_updates=Update.ALL_TYPES)
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)


# --- sources --------------------------------------------------------------------
@cli.group()
def sources() -> None:
    """Add, list and remove news sources."""


@sources.command("add")
@click.argument("url")
@click.option("--name", help="Display name (default: the feed's title).")
def sources_add(url: str, name: str | None) -> None:
    """Fetch URL once and add it as a source (a feed, a site with a feed, or an article page)."""
    from digest.ingest import make_fetcher
    from digest.sources import SourceError, add_source

    store = _store()

    async def go() -> tuple[Source, Probe, bool]:
        settings = _settings()
        async with make_fetcher(settings) as fetcher:
            return await add_source(store, fetcher, url, name, max_sources=settings.max_sources)

    try:
        source, found, reenabled = asyncio.run(go())
    except SourceError as exc:
        raise click.ClickException(f"cannot add {url}: {exc}") from exc
    click.echo(f"{'Re-enabled' if reenabled else 'Added'} source #{source['id']}: {found.describe()}")
    if found.url != url:
        click.echo(f"  polling {found.url}")


@sources.command("list")
def sources_list() -> None:
    """List sources with their health."""
    from digest.reports import source_health, source_languages

    store = _store()
    rows = store.list_sources()
    if not rows:
        click.echo("No sources yet. Add one with: briefbot sources add URL")
        return
    languages = store.source_languages()
    for s in rows:
        told = source_languages(languages.get(s["id"]))
        click.echo(f"#{s['id']:<4} {s['kind']:<5} {s['name']}\n      {s['url']}\n"
                   f"      last success: {s['last_success_at'] or 'never'}; {source_health(s)}"
                   + (f"\n      {told}" if told else ""))


@sources.command("remove")
@click.argument("source")
def sources_remove(source: str) -> None:
    """Remove a source by ID or URL (its articles are kept)."""
    store = _store()
    found = store.find_source(source)
    if not found:
        raise click.ClickException(f"no source {source!r}; see: briefbot sources list")
    store.remove_source(found["id"])
    click.echo(f"Removed source #{found['id']}: {found['name']}")


@sources.command("export")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True), default="-")
def sources_export(file: str) -> None:
    """Write the sources as OPML 2.0 to FILE (default: standard output), for a feed reader or a backup."""
    from digest.clock import utcnow
    from digest.opml import export_opml

    sources = _store().list_sources()
    document = export_opml(sources, title="Briefbot sources", now=utcnow())
    with click.open_file(file, "wb") as out:
        out.write(document)
    if file != "-":
        click.echo(f"Wrote {len(sources)} sources to {file}")


@sources.command("import")
@click.argument("file", type=click.File("rb"))
def sources_import(file: BinaryIO) -> None:
    """Add every feed an OPML file (a feed reader's export) names, each checked as `sources add` checks it."""
    from digest.ingest import make_fetcher
    from digest.opml import OpmlError, import_sources, read_opml

    try:
        outlines = read_opml(file.read())
    except OpmlError as exc:
        raise click.ClickException(f"cannot import {file.name}: {exc}") from exc
    store, settings = _store(), _settings()

    async def go() -> ImportReport:
        async with make_fetcher(settings) as fetcher:
            return await import_sources(store, fetcher, outlines, max_sources=settings.max_sources)

    report = asyncio.run(go())
    for source in report.added:
        click.echo(f"added     #{source['id']} {source['name']}  {source['url']}")
    for url in report.already_there:
        click.echo(f"there     {url}")
    for url, why in report.failed:
        click.echo(f"failed    {url}: {why}")
    click.echo(f"{len(report.added)} added, {len(report.already_there)} already there, "
               f"{len(report.failed)} failed, of {len(outlines)} in {file.name}")


# --- ingest / preview --------------------------------------------------------------
@cli.command()
@click.option("--all", "all_sources", is_flag=True, help="Poll every enabled source, not only those due.")
@click.option("--workers", type=click.IntRange(0, 16), default=0,
              help="Worker processes for summarising (0: a thread in this process).")
def ingest(all_sources: bool, workers: int) -> None:
    """Run one ingest pass and print a report."""
    from digest.ingest import ingest_once
    from digest.reports import ingest_report_lines

    settings, store = _settings(), _store()
    todo = store.active_sources() if all_sources else store.due_sources()
    if not todo:
        click.echo("No sources are due. (briefbot sources list; --all polls every source now)")
        return
    show_bar = sys.stdout.isatty()
    with click.progressbar(length=len(todo), label="Ingesting", file=sys.stdout if show_bar else None,
                           show_pos=True) as bar:
        report = asyncio.run(ingest_once(store, settings, lambda *_: bar.update(1), todo, workers))
    first, *rest = ingest_report_lines(report)
    click.echo(first)
    for line in rest:
        click.echo(f"  {line}")


@cli.command()
@click.option("--limit", type=click.IntRange(1, 50), default=None, help="Stories in the digest.")
def preview(limit: int | None) -> None:
    """Print the digest a new subscriber would get now."""
    from digest.compose import Composer, render_plain

    settings = _settings()
    items = Composer(_store()).briefing(None, limit or settings.digest_items, settings.digest_max_age_hours).items
    click.echo(render_plain(items))


# --- summarize -------------------------------------------------------------------
@cli.command()
@click.option("--sentences", "-n", type=click.IntRange(1, 20), default=3, help="Summary sentences.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article.")
@click.argument("target")
def summarize(sentences: int, as_json: bool, target: str) -> None:
    """Summarise TARGET: a URL, a text or HTML file, '-' for stdin, or a .jsonl file of {"id", "text"[, "title",
    "lang"]} ("lang": the declared language, a hint; the text's own language is identified)."""
    from digest.analyse import analyse_page, analyse_text
    from digest.feeds import looks_like_html

    def emit(article_id: object, analysis: Analysis) -> None:
        if as_json:
            click.echo(json.dumps({
                "id": article_id, "title": analysis.title, "language": analysis.language,
                "sentences": analysis.sentences,
                "quotes": [{"quote": q["quote"], "speaker": q["speaker"], "confident": q.get("confident", False)}
                           for q in analysis.quotes],
                "key_quote": analysis.key_quote,
            }, ensure_ascii=False))
            return
        if analysis.title:
            click.echo(analysis.title)
            click.echo()
        for sentence in analysis.sentences:
            click.echo(f"- {sentence}")
        if analysis.key_quote:
            who = analysis.key_quote.get("speaker") or "unattributed"
            click.echo(f"\n\u201c{analysis.key_quote['quote']}\u201d \u2014 {who}")

    def analyse(raw: bytes | str, url: str | None = None, title: str | None = None,
                language: str | None = None) -> Analysis:
        data = raw.encode("utf-8", "replace") if isinstance(raw, str) else raw
        if looks_like_html(data):
            return analyse_page(data, url, title, sentences, language)
        return analyse_text(data.decode("utf-8", "replace"), title, sentences, language=language)

    if target.startswith(("http://", "https://")):
        emit(target, analyse(_download(target), target))
        return
    if target == "-":
        emit("-", analyse(sys.stdin.buffer.read()))
        return
    path = Path(target)
    if not path.is_file():
        raise click.BadParameter(f"{target!r} is not a URL, a readable file or '-'", param_hint="TARGET")
    if path.suffix == ".jsonl":
        for number, line in enumerate(path.open(encoding="utf-8"), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise click.ClickException(f"{path}:{number}: expected a JSON object with \"text\" ({exc})") from exc
            hint = record.get("language") or record.get("lang")
            emit(record.get("id", number), analyse(str(text), None, record.get("title"), hint if isinstance(hint, str) else None))
        return
    emit(str(path), analyse(path.read_bytes()))


# --- operations ------------------------------------------------------------------
@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
def backup(path: str) -> None:
    """Copy the database to PATH while the bot runs (SQLite online backup), then check the copy."""
    from digest.store import backup_database

    settings = _settings()
    try:
        size, integrity = backup_database(settings.db, Path(path))
    except (OSError, ValueError) as exc:
        raise click.ClickException(f"backup failed: {exc}") from exc
    click.echo(f"Backed up {settings.db} to {path} ({size:,} bytes; integrity check: {integrity})")
    click.echo(f"To restore: stop the bot, then copy {path} over {settings.db} (and delete any "
               f"{settings.db}-wal and {settings.db}-shm beside it).")


@cli.command()
def doctor() -> None:
    """Check settings, database, Bot API reachability and sources; exit 1 if something is wrong."""
    from digest.reports import source_health
    from digest.store import Store, migrations

    problems = 0

    def report(ok: bool, what: str) -> None:
        nonlocal problems
        problems += not ok
        click.echo(f"[{'ok' if ok else 'FAIL'}] {what}")

    settings = _settings()
    report(True, f"settings: database {settings.db}, API {settings.telegram_api_url}, "
                 f"{len(settings.admin_ids)} admin(s), default {settings.digest_time} {settings.timezone}")
    report(bool(settings.telegram_bot_token), "TELEGRAM_BOT_TOKEN is set" if settings.telegram_bot_token
           else "TELEGRAM_BOT_TOKEN is not set (briefbot run cannot start; preview works)")
    try:
        store = Store(settings.db)
        integrity = store.db.execute("pragma quick_check").fetchone()[0]
        pending = migrations.pending(store.db)
        report(integrity == "ok" and not pending, f"database: quick_check {integrity}, "
                                                  f"{len(pending)} migration(s) pending")
    except Exception as exc:  # noqa: BLE001 - the doctor reports, it does not crash
        report(False, f"database: {exc}")
        store = None
    if settings.telegram_bot_token:
        report(*_check_bot_api(settings))
    if store is not None:
        sources = store.list_sources()
        failing = [s for s in sources if s["error_count"] and not s["disabled_reason"]]
        disabled = [s for s in sources if s["disabled_reason"]]
        report(not disabled, f"sources: {len(sources)} ({len(failing)} failing, {len(disabled)} disabled)")
        for s in disabled + failing:
            click.echo(f"       #{s['id']} {s['name']}: {source_health(s)}")
    if problems:
        sys.exit(1)


def _check_bot_api(settings: Settings) -> tuple[bool, str]:
    from telegram import Bot, User
    from telegram.error import TelegramError

    from bot.transport import AiohttpRequest

    async def get_me() -> User:
        bot = Bot(settings.telegram_bot_token, base_url=settings.telegram_api_url,
                  request=AiohttpRequest(connect_timeout=5, read_timeout=5))
        async with bot:
            return await bot.get_me()

    try:
        me = asyncio.run(get_me())
    except TelegramError as exc:
        return False, f"Bot API: {type(exc).__name__}: {exc}"
    except Exception as exc:  # noqa: BLE001
        return False, f"Bot API unreachable: {exc}"
    return True, f"Bot API: reachable, the bot is @{me.username}"


def _download(url: str) -> bytes:
    from digest.fetch import FetchError, FetchResult
    from digest.ingest import make_fetcher

    async def go() -> FetchResult:
        async with make_fetcher(_settings()) as fetcher:
            return await fetcher.get(url)

    try:
        return asyncio.run(go()).content
    except FetchError as exc:
        raise click.ClickException(f"cannot fetch {url}: {exc}") from exc


def main() -> None:
    cli(prog_name="briefbot")


if __name__ == "__main__":
    main()
