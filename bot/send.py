"""THE one way to send a briefing message and record it.

The push and every command that shows stories (/digest, /latest) send through
`send_and_record`: the message goes out, then in one transaction the store keeps
its stories (for its buttons) and marks delivered every article of every story it
showed. A story reported by two sources is one story, whichever path showed it.

Sending waits out flood control, retries network errors a few times, falls back to
plain text when Telegram refuses our HTML, and turns "blocked" into `ChatGone`.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
from dataclasses import dataclass
from datetime import timedelta

from telegram import Bot, Message
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.buttons import digest_keyboard
from bot.render import Part
from digest.store import Store

log = logging.getLogger(__name__)

MAX_NETWORK_RETRIES = 3


class ChatGone(Exception):
    """The user blocked the bot or the chat no longer exists: stop sending to it."""


@dataclass(frozen=True, slots=True)
class PushProgress:
    """Where a message stands in a push delivery: recorded with it, so a restart resumes after it."""
    delivery_id: int
    body_id: int | None
    index: int
    last: bool


def html_to_plain(text: str) -> str:
    """Our HTML as plain text (tags dropped, entities decoded): the fallback when Telegram refuses it."""
    return html.unescape(re.sub(r"<[^>]*>", "", text))


async def send_part(bot: Bot, chat_id: int, part: Part, *, buttons: bool = True) -> Message:
    """Send one message of a briefing (or a note); records nothing. HTML without link previews comes
    from the application's Defaults; the plain-text fallback turns the parse mode off. Without
    `buttons` (a channel: a viewer's press would change the post for everyone), no "more" buttons."""
    attempt = 0
    while True:
        try:
            plain: dict[str, None] = {} if part.is_html else {"parse_mode": None}
            markup = digest_keyboard(part.article_ids) if buttons else None
            return await bot.send_message(chat_id, part.html, reply_markup=markup, **plain)
        except RetryAfter as exc:
            wait = exc.retry_after.total_seconds() if isinstance(exc.retry_after, timedelta) else exc.retry_after
            log.info("flood control for chat %s: waiting %.1f s", chat_id, wait)
            await asyncio.sleep(float(wait))
        except Forbidden as exc:
            raise ChatGone(str(exc)) from exc
        except BadRequest as exc:
            reason = str(exc).lower()
            if "chat not found" in reason or "user is deactivated" in reason:
                raise ChatGone(str(exc)) from exc
            if "can't parse entities" in reason and part.is_html:
                log.error("Telegram refused our HTML for chat %s (%s); sending it as plain text", chat_id, exc)
                part = Part(html_to_plain(part.html), part.article_ids, part.delivered_ids, is_html=False)
                continue
            raise
        except (TimedOut, NetworkError):
            attempt += 1
            if attempt > MAX_NETWORK_RETRIES:
                raise
            await asyncio.sleep(0.5 * 2 ** attempt)


async def send_and_record(bot: Bot, store: Store, chat_id: int, part: Part, *, deliver_to: int | None,
                          push: PushProgress | None = None, buttons: bool = True) -> Message:
    """Send one briefing message and record it with what it delivered to `deliver_to` (None: shown, not
    delivered, as /latest). A push message points into its stored body; any other keeps its own text.
    A group that has become a supergroup (Telegram answers with its new id) moves in the store, with its
    delivery in progress, and gets the message there."""
    try:
        message = await send_part(bot, chat_id, part, buttons=buttons)
    except ChatMigrated as exc:
        new_id = int(exc.new_chat_id)
        log.info("chat %s became supergroup %s: moving its subscription", chat_id, new_id)
        store.move_chat(chat_id, new_id)
        deliver_to = new_id if deliver_to == chat_id else deliver_to
        chat_id = new_id
        message = await send_part(bot, chat_id, part, buttons=buttons)
    if push is None:
        store.record_sent(chat_id, message.message_id, part.article_ids, part.delivered_ids, deliver_to,
                          html=part.html)
    else:
        store.record_sent(chat_id, message.message_id, part.article_ids, part.delivered_ids, deliver_to,
                          delivery_id=push.delivery_id, body_id=push.body_id, part_index=push.index, last=push.last)
    return message


async def send_briefing(bot: Bot, store: Store, chat_id: int, parts: list[Part], *, deliver_to: int | None) -> None:
    """Every message of a briefing asked for by a command, each recorded as it goes: a send that fails
    leaves the messages already shown recorded and delivered, and the rest for the next briefing."""
    for part in parts:
        await send_and_record(bot, store, chat_id, part, deliver_to=deliver_to)
