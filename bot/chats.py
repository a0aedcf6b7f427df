"""Groups and channels: who may change a chat's briefing, and what the bot does when it is added,
promoted, demoted or removed, or when a group becomes a supergroup.

A private chat belongs to its user. In a group only its administrators may change
the group's settings, and Telegram is asked each time (`getChatMember`): admins
come and go, and a stored list would go stale. A channel is subscribed when the bot
is made its administrator; whoever did that is told in their private chat.
"""

from __future__ import annotations

import functools
import logging

from telegram import ChatMember, ChatMemberUpdated, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import Forbidden, TelegramError

from bot.commands.base import Handler, reply, texts_here
from bot.context import Context
from bot.i18n import N_, Texts, chat_language, supported, texts
from bot.render import esc
from digest.schedule import user_digest_time, user_zone
from digest.store import chat_type

log = logging.getLogger(__name__)

NOT_ADMIN = N_("Only this group's administrators can change its briefing.")
_ADMIN_STATUSES = {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}
_PRESENT = {ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER,
            ChatMemberStatus.RESTRICTED}
GROUP_WELCOME = N_("Hello! I'm Briefbot: a short news briefing every day, per story a headline, two or three "
                   "sentences from the article, its strongest quote and the link.\n\nAn administrator of this "
                   "group sends /start to have it posted here every day, /time HH:MM and /timezone Area/City to "
                   "choose when, /language to choose the language. Anyone can ask for /digest, /latest or /search.")


async def may_manage(update: Update, context: Context) -> bool:
    """Whether the sender may change this chat's settings: a private chat's own user (a press that says
    it came from someone else is forged); in a group, its administrators (an anonymous admin writes as the
    group itself), as Telegram says now."""
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or user is None:
        return False
    if chat.type == ChatType.PRIVATE:
        return user.id == chat.id
    if message is not None and message.sender_chat is not None and message.sender_chat.id == chat.id:
        return True
    return await administers(context, chat.id, user.id)


async def administers(context: Context, chat_id: int, user_id: int) -> bool:
    """Whether Telegram says now that the user administers the chat (no answer: not as far as we know)."""
    try:
        member = await context.bot.get_chat_member(chat_id, user_id)
    except TelegramError as exc:
        log.warning("could not ask Telegram whether %s administers chat %s: %s", user_id, chat_id, exc)
        return False
    return member.status in _ADMIN_STATUSES


def managers_only(handler: Handler) -> Handler:
    """A command that changes the chat's settings: in a group, refused with a short note to anyone but
    its administrators."""
    @functools.wraps(handler)
    async def guarded(update: Update, context: Context) -> None:
        if not await may_manage(update, context):
            await reply(update, texts_here(update, context)(NOT_ADMIN))
            return
        await handler(update, context)
    return guarded


async def on_my_chat_member(update: Update, context: Context) -> None:
    """The bot's own membership changed: added to or removed from a group, promoted in or demoted from a
    channel."""
    change = update.my_chat_member
    if change is None:
        return
    if change.chat.type == ChatType.CHANNEL:
        await _channel_changed(change, context)
    elif change.chat.type in (ChatType.GROUP, ChatType.SUPERGROUP):
        await _group_changed(change, context)
    elif change.new_chat_member.status in (ChatMemberStatus.BANNED, ChatMemberStatus.LEFT):
        context.bot_data.store.ensure_chat(change.chat.id)
        context.bot_data.store.set_inactive(change.chat.id, "blocked the bot")


async def _group_changed(change: ChatMemberUpdated, context: Context) -> None:
    store, chat = context.bot_data.store, change.chat
    was, now = change.old_chat_member.status in _PRESENT, change.new_chat_member.status in _PRESENT
    if now and not was:
        record = store.ensure_chat(chat.id, chat_type(chat.type), title=chat.title,
                                   language_code=change.from_user.language_code)
        try:
            await context.bot.send_message(chat.id, texts(chat_language(record))(GROUP_WELCOME))
        except TelegramError as exc:
            log.warning("could not greet group %s: %s", chat.id, exc)
    elif was and not now and store.get_chat(chat.id) is not None:
        store.set_inactive(chat.id, "the bot was removed from the group")
        log.info("removed from group %s: its briefing stops", chat.id)


def _can_post(member: ChatMember) -> bool:
    return member.status == ChatMemberStatus.OWNER or (
        member.status == ChatMemberStatus.ADMINISTRATOR and getattr(member, "can_post_messages", True) is not False)


async def _channel_changed(change: ChatMemberUpdated, context: Context) -> None:
    bb, chat = context.bot_data, change.chat
    if _can_post(change.new_chat_member):
        if _can_post(change.old_chat_member) and bb.store.get_chat(chat.id) is not None:
            return  # another change of rights: still served as it was
        record = bb.store.subscribe_chat(chat.id, "channel", title=chat.title, username=chat.username,
                                         managed_by=change.from_user.id, language_code=change.from_user.language_code)
        zone, at = user_zone(record, bb.settings), user_digest_time(record, bb.settings)
        bb.pusher.skip_today(record)
        _ = owner_texts(context, change.from_user.id, change.from_user.language_code)
        await _tell(context, change.from_user.id,
                    _("I'll post a news briefing to {channel} every day at {at} ({zone}), the default time. "
                      "/channels changes its time, zone and language; to stop, remove me from its administrators.",
                      channel=f"<b>{esc(chat.title or str(chat.id))}</b>", at=f"<b>{at:%H:%M}</b>", zone=esc(zone.key)))
    elif bb.store.get_chat(chat.id) is not None:
        bb.store.set_inactive(chat.id, "the bot is no longer an administrator of the channel")
        log.info("no longer an administrator of channel %s: its briefing stops", chat.id)


def owner_texts(context: Context, user_id: int, language_code: str | None) -> Texts:
    """The texts for a user's private chat: its chosen language if they have one with the bot, else
    their Telegram language."""
    own = context.bot_data.store.get_chat(user_id)
    return texts(chat_language(own) if own else (supported(language_code) or chat_language(None)))


async def _tell(context: Context, user_id: int, text: str) -> None:
    try:
        await context.bot.send_message(user_id, text)
    except Forbidden:
        log.info("user %s has not started the bot: cannot tell them in private", user_id)
    except TelegramError as exc:
        log.warning("could not tell user %s: %s", user_id, exc)


async def on_migrate(update: Update, context: Context) -> None:
    """A group became a supergroup (a new chat id): its subscription and history move with it."""
    message = update.effective_message
    if message is None:
        return
    if message.migrate_to_chat_id:
        context.bot_data.store.move_chat(message.chat.id, message.migrate_to_chat_id)
    elif message.migrate_from_chat_id:
        context.bot_data.store.move_chat(message.migrate_from_chat_id, message.chat.id)
