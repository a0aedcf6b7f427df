"""Drive the real Application through the fake Bot API: say something, wait for the bot's answer."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.app import build_application
from digest.analyse import analyse_text
from digest.clock import iso
from digest.dedupe import canonical_url
from digest.settings import Settings
from digest.store import NewArticle, Store
from tests.fakes.telegram import FakeTelegram, parse_html


class FakeClock:
    """The push's notion of now; tests move it instead of sleeping."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, now: datetime) -> None:
        self.now = now

    def advance(self, **kwargs) -> None:
        self.now += timedelta(**kwargs)


async def until(predicate, timeout: float = 10.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("the bot did not do what was expected in time")
        await asyncio.sleep(0.01)


class Harness:
    def __init__(self, tg: FakeTelegram, settings: Settings, store: Store, clock: FakeClock):
        self.tg = tg
        self.settings = settings
        self.store = store
        self.clock = clock
        self.app = None

    async def start(self, **kwargs) -> Harness:
        self.app = build_application(self.settings, self.store, clock=self.clock, schedule=False,
                                     poll_timeout=1, **kwargs)
        await self.app.initialize()
        await self.app.post_init(self.app)  # run_polling() would call it; tests start the parts by hand
        await self.app.updater.start_polling(poll_interval=0, timeout=1, drop_pending_updates=False)
        await self.app.start()
        return self

    async def stop(self) -> None:
        if self.app is None:
            return
        if self.app.updater.running:
            await self.app.updater.stop()
        if self.app.running:
            await self.app.stop()
        await self.app.shutdown()
        await self.app.post_shutdown(self.app)
        self.app = None

    @property
    def bb(self):
        return self.app.bot_data

    async def say(self, user_id: int, text: str, replies: int = 1) -> list[str]:
        """Send `text` as `user_id`; return the visible text of the bot's next `replies` messages."""
        before = len(self.tg.sent(user_id))
        self.tg.send_text(user_id, text)
        await until(lambda: len(self.tg.sent(user_id)) >= before + replies)
        await asyncio.sleep(0.05)  # let any extra (unexpected) reply arrive before the caller counts
        return self.tg.texts(user_id)[before:]

    async def say_in(self, chat: dict, user_id: int, text: str, replies: int = 1) -> list[str]:
        """`say` in a group (or as a channel's post): the bot's next `replies` messages in that chat."""
        before = len(self.tg.sent(chat["id"]))
        self.tg.send_text(user_id, text, chat=chat)
        if replies:
            await until(lambda: len(self.tg.sent(chat["id"])) >= before + replies)
        await asyncio.sleep(0.2)  # let any extra (unexpected) reply arrive before the caller counts
        return self.tg.texts(chat["id"])[before:]

    async def press(self, user_id: int, message_id: int, data: str) -> dict:
        """Press a button; returns the message as it stands after the bot answered the callback."""
        before = len(self.tg.answered_callbacks())
        self.tg.press(user_id, message_id, data)
        await until(lambda: len(self.tg.answered_callbacks()) > before)
        return self.tg.chats[user_id].messages[message_id]

    def add_articles(self, articles: list[dict], **kwargs) -> list[int]:
        """Articles published shortly before the bot's (controlled) now."""
        return add_articles(self.store, articles, now=self.clock.now, **kwargs)


def add_articles(store: Store, articles: list[dict], source_name: str = "Wire", hours_ago: float = 1.0,
                 source_url: str | None = None, now: datetime | None = None) -> list[int]:
    """Analysed articles (real text) in the store, as an ingest would leave them."""
    source = store.source_by_url(source_url or f"http://127.0.0.1/{source_name}.xml") or store.add_source(
        source_url or f"http://127.0.0.1/{source_name}.xml", "feed", name=source_name)
    ids = []
    now = now or datetime.now(UTC)
    for i, article in enumerate(articles):
        analysis = analyse_text(article["article"], article["title"], 3, cleaned=True)
        url = article.get("url") or f"http://127.0.0.1/{source_name}/{i}"
        ids.append(store.insert_article(NewArticle(
            source["id"], url, canonical_url(url), url, article["title"], None,
            iso(now - timedelta(hours=hours_ago, minutes=i)), analysis.text, "feed", False, analysis.sentences,
            analysis.quotes, analysis.key_quote, analysis.fingerprint, analysis.language)))
    return ids


__all__ = ["FakeClock", "Harness", "until", "add_articles", "parse_html"]
