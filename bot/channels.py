"""A channel's briefing, managed from its admin's private chat: `/channels` and its buttons.

Nobody can send the bot a command in a channel (a channel post has no sender), and a
button under a post would change the channel for everyone who presses it. So the
user who made the bot a channel's administrator manages it here, and Telegram is
asked at every press whether they still administer it: an admin who was demoted
keeps their private chat but no longer the channel.
"""

from __future__ import annotations

from telegram import CallbackQuery, Message, Update
from telegram.constants import ChatType

from bot.buttons import CHANNEL_LIST, CHANNEL_PATTERN, argument, channel_keyboard, channels_keyboard
from bot.callbacks import edit_pressed, on_button
from bot.chats import administers
from bot.commands.base import me, reply, texts_here
from bot.context import Context
from bot.i18n import LANGUAGES, N_, Texts, chat_language, supported
from bot.render import esc
from digest.schedule import shifted_digest_time, user_digest_time, user_zone
from digest.settings import Settings
from digest.store import Reader

NO_CHANNELS = N_("You manage no channel with me. Make me an administrator of your channel (with the right to "
                 "post messages) and it gets a briefing every day; then /channels changes its time, zone and "
                 "language.")
CHOOSE = N_("Your channels: choose one to change its briefing.")


async def channels(update: Update, context: Context) -> None:
    """The channels this user made the bot an administrator of, one button each."""
    chat = update.effective_chat
    _ = texts_here(update, context)
    if chat is None or chat.type != ChatType.PRIVATE:
        await reply(update, _("Channels are managed in your private chat with me: send me /channels there."))
        return
    mine = context.bot_data.store.channels_managed_by(chat.id)
    if not mine:
        await reply(update, _(NO_CHANNELS))
        return
    await reply(update, _(CHOOSE), reply_markup=channels_keyboard(mine))


def channel_text(channel: Reader, settings: Settings, _: Texts) -> str:
    zone, at = user_zone(channel, settings), user_digest_time(channel, settings)
    when = {"at": f"{at:%H:%M}", "zone": esc(zone.key)}
    return "\n".join([
        "<b>" + esc(channel.get("title") or str(channel["id"])) + "</b>",
        _("Daily briefing: on, at {at} ({zone})", **when) if channel["subscribed"]
        else _("Daily briefing: paused, at {at} ({zone})", **when),
        _("Language: {language}", language=LANGUAGES[chat_language(channel)]),
    ])


def _apply(action: str, channel: Reader, owner: Reader, context: Context) -> None:
    """One press's change to the channel's record; the push learns of a new time or zone."""
    bb = context.bot_data
    if action in ("pause", "resume"):
        bb.store.update_chat(channel["id"], subscribed=int(action == "resume"))
    elif action in ("earlier", "later"):
        bb.store.update_chat(channel["id"], digest_time=shifted_digest_time(channel, bb.settings,
                                                                            1 if action == "later" else -1))
    elif action == "zone" and owner.get("timezone"):
        bb.store.update_chat(channel["id"], timezone=owner["timezone"])
    elif action.startswith("l-") and supported(action[2:]):
        bb.store.update_chat(channel["id"], language=supported(action[2:]))
    if action in ("earlier", "later", "zone"):
        moved = bb.store.get_chat(channel["id"])
        if moved is not None:
            bb.pusher.schedule_changed(moved)


@on_button(CHANNEL_PATTERN)
async def channel_button(query: CallbackQuery, message: Message, update: Update, context: Context) -> None:
    store, settings = context.bot_data.store, context.bot_data.settings
    _, owner = texts_here(update, context), me(update, context)
    target, _sep, action = argument(query.data).partition(":")
    if target == CHANNEL_LIST:
        mine = store.channels_managed_by(owner["id"])
        await edit_pressed(query, _(CHOOSE) if mine else _(NO_CHANNELS), channels_keyboard(mine) if mine else None)
        await query.answer()
        return
    channel = store.get_chat(int(target))
    if channel is None or channel["type"] != "channel" or not channel["active"] or channel["managed_by"] != owner["id"]:
        await query.answer(_("I no longer post to that channel."), show_alert=True)
        return
    if not await administers(context, channel["id"], owner["id"]):
        await query.answer(_("Only the channel's administrators can change its briefing."), show_alert=True)
        return
    if action:
        _apply(action, channel, owner, context)
        channel = store.get_chat(channel["id"]) or channel
    await edit_pressed(query, channel_text(channel, settings, _), channel_keyboard(channel, owner.get("timezone"), _))
    await query.answer()
