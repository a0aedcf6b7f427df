"""Push and reply benchmarks against the fake Bot API, run in its own process on 127.0.0.1.

    python -m bench.push                      # 10,000 subscribers (about 6 minutes at 30/s) + the rest
    python -m bench.push --users 2000 --raw-users 5000 --repliers 200

1. Rate-limited push: N subscribers, the server enforcing Telegram's 30 messages/s
   overall and 1/s per chat (429 with retry_after otherwise), our AIORateLimiter on.
   Reports messages/s, 429 answers, and digests not delivered.
2. Raw ceiling: the limiter off (paid-broadcast mode), the server not limiting.
3. /digest reply time: 200 users send /digest at once (the bot long-polling);
   p50/p99 from the update's arrival at the server to the bot's answer, with and
   without an ingest pass (real feeds and pages from a local host) running.
4. Abuse: other users' /digest reply times while one user sends 50 commands a
   second, against the same load without the flooder, in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fakes.telegram import TOKEN, FakeTelegram  # noqa: E402


def _serve(port_queue, enforce: bool) -> None:
    tg = FakeTelegram(enforce_limits=enforce).start()
    # The fake keeps a record of every call. A garbage collection in this process pauses its server:
    # requests that arrive meanwhile are then stamped as arriving at once, and a steady 29.1 messages/s
    # drew 429s that Telegram, whose front end does not stop for our collector, would not send. Seen
    # with gc.callbacks: a 42 ms full collection over that record ~230 s into a 10,000-user push, then
    # two sends stamped 1 ms apart and the one 429 of the run. The instrument is a short-lived process
    # whose record only grows, so it runs without the cyclic collector (reference counting still frees).
    import gc
    gc.disable()
    port_queue.put(tg.port)
    while True:
        time.sleep(3600)


def _serve_site(port_queue, feeds: int, per_feed: int) -> None:
    from tests.fakes.news import paragraphs_html, rss
    from tests.fakes.sitehost import SiteHost

    host = SiteHost().__enter__()
    articles = json_articles(feeds * per_feed)
    for f in range(feeds):
        items = [{"title": a["title"], "link": host.url(f"/{f}/{i}"), "content": paragraphs_html(a["article"])}
                 for i, a in enumerate(articles[f * per_feed:(f + 1) * per_feed])]
        host.add(f"/feed{f}.xml", rss(f"Feed {f}", items), content_type="application/rss+xml")
    port_queue.put(host.port)
    while True:
        time.sleep(3600)


def json_articles(n: int, skip: int = 0) -> list[dict]:
    path = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "summaries" / "cnn-corpus.jsonl"
    with path.open(encoding="utf-8") as handle:
        lines = (line for i, line in enumerate(handle) if i >= skip)
        return [json.loads(line) for line in islice(lines, n)]


# Stored articles when users ask for /digest: what a dozen feeds leave in two days' window. (With 20,
# the first version's figure, replies looked fast; with 300 they took three times as long, until the
# recent articles were read once for everyone: `Composer._window`.) Taken from further
# down the corpus than the feeds the ingest reads, so that the ingest's articles are all new.
STORED_ARTICLES, STORED_FROM = 200, 1000


class Server:
    """A child process running a server; `port` once it listens."""

    def __init__(self, target, *args):
        context = multiprocessing.get_context("spawn")
        queue = context.Queue()
        self.process = context.Process(target=target, args=(queue, *args), daemon=True)
        self.process.start()
        self.port = queue.get(timeout=60)

    def control(self, op: str, data: dict | None = None) -> dict:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/control/{op}",
                                         json.dumps(data or {}).encode(), {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    def stop(self) -> None:
        self.process.terminate()
        self.process.join(10)


def make_settings(tmp: Path, api_port: int, **extra):
    from digest.settings import Settings

    os.environ.update({"TELEGRAM_BOT_TOKEN": TOKEN, "BRIEFBOT_TELEGRAM_API_URL": f"http://127.0.0.1:{api_port}/bot",
                       "BRIEFBOT_DB": str(tmp / "bench.db"), "BRIEFBOT_ALLOW_PRIVATE_HOSTS": "1",
                       "BRIEFBOT_NOTHING_NEW_NOTE": "false"})
    os.environ.update({k: str(v) for k, v in extra.items()})
    return Settings()


def seed(store, users: int, articles: int = 3, skip: int = 0) -> None:
    """`users` subscribers due at 08:00 UTC, and analysed stories for their digests."""
    from tests.fakes.harness import add_articles

    add_articles(store, json_articles(articles, skip), now=datetime(2026, 11, 28, 7, 0, tzinfo=UTC))
    store.db.execute("update sources set disabled_reason = 'benchmark fixture, not polled'")
    now = "2026-11-27T00:00:00+00:00"
    store.db["chats"].insert_all(({"id": 10_000_000 + i, "type": "private", "active": 1, "subscribed": 1,
                                   "created_at": now, "updated_at": now} for i in range(users)), batch_size=1000)


async def push_run(users: int, rate_limit: bool, enforce: bool) -> dict:
    from bot.app import build_application
    from digest.store import Store

    server = Server(_serve, enforce)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            settings = make_settings(Path(tmp), server.port, BRIEFBOT_DIGEST_ITEMS=3)
            store = Store(settings.db)
            seed(store, users)
            clock = lambda: datetime(2026, 11, 28, 8, 0, tzinfo=UTC)  # noqa: E731
            app = build_application(settings, store, clock=clock, schedule=False, rate_limit=rate_limit)
            await app.initialize()
            await app.post_init(app)  # as run_polling does
            pusher = app.bot_data.pusher
            started = time.perf_counter()
            report = await pusher.run_due()
            elapsed = time.perf_counter() - started
            await app.shutdown()
            stats = server.control("stats")
            delivered = store.db.execute("select count(*) from deliveries where status = 'sent'").fetchone()[0]
            store.close()
    finally:
        server.stop()
    if stats["too_many_at"]:
        at = stats["too_many_at"]
        print(f"  429 answers came between {min(at):.0f} s and {max(at):.0f} s into the push "
              f"(median {statistics.median(at):.0f} s)")
    return {"users": users, "seconds": elapsed, "per_second": stats["sent"] / elapsed, "sent": stats["sent"],
            "too_many": stats["too_many"], "lost": users - delivered, "failed": report.failed,
            "too_many_global": stats["too_many_global"], "too_many_chat": stats["too_many_chat"]}


def pushed_digest():
    """The digest part the push benchmark sends: the same seeded articles, ranked and rendered the way
    the push does it, so that the bare baseline sends exactly the same message."""
    from bot.render import render_digest
    from digest.compose import Composer
    from digest.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        settings = make_settings(Path(tmp), 1, BRIEFBOT_DIGEST_ITEMS=3)
        store = Store(settings.db)
        seed(store, 1)
        now = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
        items = Composer(store).briefing(store.subscribers()[0], settings.digest_items,
                                         settings.digest_max_age_hours, now).items
        store.close()
    return render_digest(items, header="Your briefing")[0]


async def bare_send_run(messages: int, client: str, workers: int = 8) -> float:
    """Baseline: python-telegram-bot's send_message in a bare loop (no store, no composing), with the
    same message and keyboard the push sends, against the same server: the HTTP client's own ceiling.
    `client`: "httpx" (PTB's default HTTPXRequest) or "aiohttp" (the bot's bot/transport.py)."""
    from telegram import Bot
    from telegram.request import HTTPXRequest

    from bot.render import digest_keyboard
    from bot.transport import AiohttpRequest

    part = pushed_digest()
    server = Server(_serve, False)
    try:
        request = (HTTPXRequest(connection_pool_size=workers + 4) if client == "httpx"
                   else AiohttpRequest(workers + 4))
        bot = Bot(TOKEN, base_url=f"http://127.0.0.1:{server.port}/bot", request=request)
        await bot.initialize()
        queue = list(range(messages))

        async def worker() -> None:
            while queue:
                chat = 30_000_000 + queue.pop()
                await bot.send_message(chat, part.html, parse_mode="HTML",
                                       reply_markup=digest_keyboard(part.article_ids))

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(workers)))
        elapsed = time.perf_counter() - started
        await bot.shutdown()
    finally:
        server.stop()
    return messages / elapsed


async def start_polling_app(settings, store):
    """The real Application, long-polling the fake server, with a fixed clock and no jobs."""
    from bot.app import build_application

    clock = lambda: datetime(2026, 11, 28, 8, 0, tzinfo=UTC)  # noqa: E731
    app = build_application(settings, store, clock=clock, schedule=False, rate_limit=False, poll_timeout=1)
    await app.initialize()
    await app.post_init(app)  # as run_polling does
    await app.updater.start_polling(poll_interval=0, timeout=1)
    await app.start()
    return app


async def stop_polling_app(app) -> None:
    await app.updater.stop()
    await app.stop()
    await app.shutdown()
    await app.post_shutdown(app)


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(0.99 * len(ordered))) - 1)]


async def reply_run(repliers: int, with_ingest: bool, feeds: int = 12, per_feed: int = 25) -> dict:
    from digest.store import Store

    server = Server(_serve, False)
    site = Server(_serve_site, feeds, per_feed) if with_ingest else None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            settings = make_settings(Path(tmp), server.port, BRIEFBOT_DIGEST_ITEMS=5, BRIEFBOT_ANALYSIS_WORKERS=1)
            store = Store(settings.db)
            seed(store, 0, STORED_ARTICLES, STORED_FROM)
            if site:
                for f in range(feeds):
                    store.add_source(f"http://127.0.0.1:{site.port}/feed{f}.xml", "feed", name=f"Feed {f}")
            app = await start_polling_app(settings, store)
            ingest_task = None
            bb = app.bot_data
            await bb.ingest.analyser.ready()  # a running bot's worker has been up since its start
            if site:
                ingest_task = asyncio.create_task(bb.ingest.run(all_sources=True))
                await asyncio.sleep(1.0)  # let the pass get going
            server.control("reset")
            server.control("inject", {"texts": [[20_000_000 + i, "/digest"] for i in range(repliers)]})
            deadline = time.monotonic() + 120
            while True:
                stats = server.control("stats")
                if len(stats["latencies"]) >= repliers or time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.05)
            ingest_running = ingest_task is not None and not ingest_task.done()
            if ingest_task:
                report = await ingest_task
            await stop_polling_app(app)
            store.close()
    finally:
        server.stop()
        if site:
            site.stop()
    latencies = stats["latencies"]
    result = {"answered": len(latencies), "p50": statistics.median(latencies), "p99": p99(latencies)}
    if with_ingest:
        result["ingest_still_running_at_end"] = ingest_running
        result["ingest"] = report.summary_line() if report else "busy"
    return result


async def flood_run(others: int, seconds: float, flood_per_second: int) -> dict:
    """Other users' reply times while one user sends `flood_per_second` commands a second.

    Every `seconds / others` one of the other users sends /digest; meanwhile the flooder sends
    /digest `flood_per_second` times a second (0: no flooder, the baseline). The bot runs with its
    default per-user throttle.
    """
    from digest.store import Store

    flooder = 29_999_999
    server = Server(_serve, False)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            settings = make_settings(Path(tmp), server.port, BRIEFBOT_DIGEST_ITEMS=5,
                                     BRIEFBOT_COMMAND_BURST=5, BRIEFBOT_COMMANDS_PER_SECOND=1)
            store = Store(settings.db)
            seed(store, 0, STORED_ARTICLES, STORED_FROM)
            app = await start_polling_app(settings, store)
            server.control("reset")
            inject = lambda texts: asyncio.to_thread(server.control, "inject", {"texts": texts})  # noqa: E731
            started = time.monotonic()

            async def others_send() -> None:
                for i in range(others):
                    await inject([[20_000_000 + i, "/digest"]])
                    await asyncio.sleep(max(0.0, started + (i + 1) * seconds / others - time.monotonic()))

            async def flood() -> int:
                sent = 0
                while flood_per_second and time.monotonic() < started + seconds:
                    await inject([[flooder, "/digest"]])
                    sent += 1
                    await asyncio.sleep(max(0.0, started + sent / flood_per_second - time.monotonic()))
                return sent

            _, flooded = await asyncio.gather(others_send(), flood())
            deadline = time.monotonic() + 60
            while True:
                stats = server.control("stats")
                answered = [lat for chat, lat in stats["latencies_by_chat"] if chat != flooder]
                if len(answered) >= others or time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.05)
            await stop_polling_app(app)
            store.close()
    finally:
        server.stop()
    return {"answered": len(answered), "flooded": flooded, "p50": statistics.median(answered),
            "p99": p99(answered), "flooder_answers": stats["sent"] - len(answered)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=10_000, help="subscribers for the rate-limited push")
    parser.add_argument("--raw-users", type=int, default=10_000, help="subscribers for the raw ceiling")
    parser.add_argument("--repliers", type=int, default=200, help="users sending /digest at once")
    parser.add_argument("--rounds", type=int, default=5,
                        help="rounds of the raw ceiling and of the reply times, taken in turns")
    parser.add_argument("--only", choices=["limited", "raw", "replies", "flood"], action="append")
    args = parser.parse_args()
    only = set(args.only or ["limited", "raw", "replies", "flood"])
    if "limited" in only:
        r = asyncio.run(push_run(args.users, rate_limit=True, enforce=True))
        print(f"push, limiter on, server enforcing 30/s: {r['users']} users in {r['seconds']:.1f} s = "
              f"{r['per_second']:.1f} msg/s; 429 answers: {r['too_many']} ({r['too_many_global']} over 30/s, "
              f"{r['too_many_chat']} over 1/s in a chat); digests lost: {r['lost']} "
              f"(target >= 29/s, 0, 0)")
    if "raw" in only:
        # rounds taken in turns: single runs on this shared machine vary by a third
        bares, pushes = {"httpx": [], "aiohttp": []}, []
        for _ in range(args.rounds):
            for client, rates in bares.items():
                rates.append(asyncio.run(bare_send_run(min(args.raw_users, 5000), client)))
            pushes.append(asyncio.run(push_run(args.raw_users, rate_limit=False, enforce=False)))
        rates = [r["per_second"] for r in pushes]
        print(f"push, limiter off (paid broadcast): {args.raw_users} users, median of {args.rounds} rounds "
              f"{statistics.median(rates):.0f} msg/s (rounds: {', '.join(f'{x:.0f}' for x in rates)}); "
              f"digests lost: {max(r['lost'] for r in pushes)} (target >= 400/s)")
        for client, label in (("httpx", "PTB's default client (httpx)"), ("aiohttp", "the bot's client (aiohttp)")):
            print(f"  baseline, bare PTB send loop over {label}, same message, same server, rounds in turn: "
                  f"median {statistics.median(bares[client]):.0f} msg/s "
                  f"(rounds: {', '.join(f'{x:.0f}' for x in bares[client])}); "
                  f"median push / bare = {statistics.median(p / b for p, b in zip(rates, bares[client], strict=True)):.2f}")
    if "replies" in only:
        quiet_runs, busy_runs = [], []
        for _ in range(args.rounds):  # idle and busy in turns: the ratio compares neighbouring runs
            quiet_runs.append(asyncio.run(reply_run(args.repliers, with_ingest=False)))
            busy_runs.append(asyncio.run(reply_run(args.repliers, with_ingest=True)))
        for label, runs in (("idle:         ", quiet_runs), ("ingest running:", busy_runs)):
            p99s = ", ".join(f"{r['p99'] * 1000:.0f}" for r in runs)
            print(f"/digest x{args.repliers} at once, {label} median of {args.rounds} rounds "
                  f"p50 {statistics.median(r['p50'] for r in runs) * 1000:.0f} ms, "
                  f"p99 {statistics.median(r['p99'] for r in runs) * 1000:.0f} ms "
                  f"(p99 rounds: {p99s}; "
                  f"answered: {min(r['answered'] for r in runs)} of {args.repliers})")
        busy = busy_runs[-1]
        print(f"  last ingest: {busy['ingest']}; still running when the last reply came: "
              f"{busy['ingest_still_running_at_end']}")
        ratios = [b["p99"] / q["p99"] for q, b in zip(quiet_runs, busy_runs, strict=True)]
        print(f"  p99 with ingest / idle, median of rounds = {statistics.median(ratios):.2f} "
              f"(rounds: {', '.join(f'{x:.2f}' for x in ratios)}; target p99 < 1 s, ratio <= 1.20)")

    if "flood" in only:
        calm = asyncio.run(flood_run(100, 10.0, 0))
        flooded = asyncio.run(flood_run(100, 10.0, 50))
        print(f"other users' /digest while one user sends 50 commands/s (100 users over 10 s): "
              f"p50 {flooded['p50'] * 1000:.0f} ms, p99 {flooded['p99'] * 1000:.0f} ms; without the flooder "
              f"p50 {calm['p50'] * 1000:.0f} ms, p99 {calm['p99'] * 1000:.0f} ms; ratio of p99s "
              f"{flooded['p99'] / calm['p99']:.2f}; the flooder sent {flooded['flooded']} and got "
              f"{flooded['flooder_answers']} answers")


if __name__ == "__main__":
    main()
