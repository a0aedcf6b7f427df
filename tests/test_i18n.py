"""Every text in every language: the catalogues against the code, and readers of other languages
through the fake Bot API (a German, a Russian, a French reader, a group, a channel, the menus)."""

import re
import string
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from bot.i18n import DEFAULT, LANGUAGES, LOCALES, chat_language, supported, texts
from tests.fakes import botapi
from tests.fakes.harness import until
from tests.fakes.news import sample_articles

ROOT = LOCALES.parent.parent  # the bot package
TRANSLATED = [code for code in LANGUAGES if code != DEFAULT]
GROUP = {"id": -1001234567890, "type": "supergroup", "title": "Redaktion"}
CHANNEL = {"id": -1009876543210, "type": "channel", "title": "Morgenpost"}


def code_messages() -> set[str | tuple[str, str]]:
    """Every text the code marks for translation, found as `pybabel extract` finds them (README)."""
    keywords = dict(DEFAULT_KEYWORDS, N_=None, plural=(1, 2))
    return {message for _file, _line, message, *_ in extract_from_dir(str(ROOT), keywords=keywords)}


def catalogue(language: str):
    with (LOCALES / language / "LC_MESSAGES" / "briefbot.po").open("rb") as po:
        return read_po(po, locale=language)


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def tags(text: str) -> list[str]:
    return sorted(re.findall(r"</?[a-z]+", text))


@pytest.fixture(scope="module")
def messages():
    return code_messages()


def test_the_code_has_texts_to_translate_and_the_template_is_current(messages):
    assert len(messages) > 80 and any(isinstance(m, tuple) for m in messages)
    with (ROOT / "i18n" / "briefbot.pot").open("rb") as pot:
        template = {m.id for m in read_po(pot) if m.id}
    assert template == messages  # run the README's pybabel extract after changing a text


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_catalogue_translates_every_text_and_nothing_else(language, messages):
    cat = catalogue(language)
    ids = {m.id for m in cat if m.id}
    assert ids == messages, (f"missing: {sorted(map(str, messages - ids))[:5]}, "
                             f"stale: {sorted(map(str, ids - messages))[:5]}")
    for message in cat:
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(form.strip() for form in forms), f"{language}: {message.id!r} untranslated"
        assert not message.fuzzy, f"{language}: {message.id!r} is marked fuzzy"
        if isinstance(message.id, tuple):
            assert len(forms) == cat.num_plurals, f"{language}: {message.id!r} needs {cat.num_plurals} forms"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_the_placeholders_and_tags_and_telegram_parses_them(language):
    problems = []
    for message in catalogue(language):
        if not message.id:
            continue
        source = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*map(fields, source))
        for form in forms:
            have = fields(form)
            # a singular form may say "one hour" rather than "{n} hours"; nothing else may be left out or made up
            if not (have <= wanted and wanted - have <= {"n"}):
                problems.append(f"{form!r}: placeholders {sorted(have)}, not {sorted(wanted)}")
            if tags(form) != tags(source[-1]):
                problems.append(f"{form!r}: tags {tags(form)}, not {tags(source[-1])}")
            if botapi.available():
                try:
                    botapi.parse_text(form.format(**{name: "x" for name in wanted}), "HTML")
                except (botapi.ParseError, KeyError, IndexError, ValueError) as error:
                    problems.append(f"{form!r}: {error}")
    assert problems == []


def test_russian_chooses_the_plural_form_by_the_number():
    ru = texts("ru")
    singular, plural = ("There are no stories from the last hour yet. /latest shows the newest stories, whatever "
                        "their age.", "There are no stories from the last {n} hours yet. /latest shows the newest "
                        "stories, whatever their age.")
    forms = [ru.plural(singular, plural, n) for n in (1, 3, 5, 21, 48)]
    assert "час " in forms[0] and "3 часа" in forms[1] and "5 часов" in forms[2] and "48 часов" in forms[4]
    assert forms[3] != forms[2]  # 21 takes the "one" form, 5 the "many"


def test_dates_and_lists_are_written_as_each_language_writes_them():
    when, berlin = datetime(2026, 11, 17, 6, 0, tzinfo=UTC), ZoneInfo("Europe/Berlin")
    assert texts("en").date(when, berlin) == "Nov 17, 2026, 07:00"
    assert texts("de").date(when, berlin) == "17. Nov. 2026, 07:00"
    assert texts("ko").date(when, berlin) == "2026년 11월 17일, 07:00"
    assert texts("ru").date(when, ZoneInfo("Asia/Tokyo")).startswith("17 нояб. 2026")
    assert texts("fr").list(["a", "b", "c"]) == "a, b et c"
    assert texts("de").list(["a", "b"], "or") == "a oder b"


def test_a_readers_language_comes_from_their_choice_then_their_app_then_english():
    assert supported("pt-br") == "pt" and supported("DE") == "de" and supported("zh-hans") is None
    assert supported(None) is None and supported("") is None
    assert chat_language({"language": "fr", "language_code": "de"}) == "fr"
    assert chat_language({"language": None, "language_code": "ru-RU"}) == "ru"
    assert chat_language({"language": None, "language_code": "zh"}) == "en" and chat_language(None) == "en"
    assert texts("xx") is texts("en")


# --- readers of other languages through the fake Bot API -------------------------------------------



@pytest.mark.asyncio
async def test_a_german_reader_is_welcomed_and_briefed_in_german(bot):
    bot.tg.languages[7] = "de"
    bot.add_articles(sample_articles()[:2])
    [welcome] = await bot.say(7, "/start")
    assert welcome.startswith("Willkommen!") and "08:00" in welcome
    assert bot.store.get_chat(7)["language_code"] == "de"
    [briefing] = await bot.say(7, "/digest")
    assert briefing.startswith("Dein Briefing")
    [unknown] = await bot.say(7, "/frobnicate")
    assert "Befehl" in unknown and "don't know" not in unknown
    bot.clock.set(datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    bot.add_articles(sample_articles()[2:4])
    assert (await bot.bb.pusher.run_due()).sent == 1
    assert bot.tg.texts(7)[-1].startswith("Dein Briefing")


@pytest.mark.asyncio
async def test_a_russian_reader_gets_help_in_russian_and_an_english_one_in_english(bot):
    bot.tg.languages[8] = "ru"
    [help_ru] = await bot.say(8, "/help")
    [help_en] = await bot.say(9, "/help")
    assert "/digest" in help_ru and "/timezone" in help_ru
    assert re.search("[а-я]{4}", help_ru) and not re.search("[а-я]", help_en)
    [bad] = await bot.say(8, "/timezone Mars/Olympus")
    assert re.search("[а-я]{4}", bad) and "Mars/Olympus" in bad


@pytest.mark.asyncio
async def test_language_chosen_by_command_or_button_beats_the_app_language(bot):
    bot.tg.languages[10] = "de"
    await bot.say(10, "/start")
    [done] = await bot.say(10, "/language fr")
    assert "français" in done.lower() and bot.store.get_chat(10)["language"] == "fr"
    [help_fr] = await bot.say(10, "/help")
    assert "/digest" in help_fr and "Briefbot" in help_fr and help_fr != (await bot.say(11, "/help"))[0]
    [refused] = await bot.say(10, "/language klingon")
    assert "klingon" in refused and bot.store.get_chat(10)["language"] == "fr"
    [choose] = await bot.say(10, "/language")
    keyboard = bot.tg.sent(10)[-1].params["reply_markup"]["inline_keyboard"]
    assert {b["text"] for row in keyboard for b in row} == set(LANGUAGES.values()) and choose
    message_id = bot.tg.sent(10)[-1].result["message_id"]
    after = await bot.press(10, message_id, "l:ko")
    assert bot.store.get_chat(10)["language"] == "ko" and re.search("[가-힣]", after["text"])
    [help_ko] = await bot.say(10, "/help")
    assert re.search("[가-힣]{2}", help_ko)


@pytest.mark.asyncio
async def test_each_language_has_its_menu(bot):
    default = bot.tg.commands['{"type": "default"}']
    german = bot.tg.commands['{"type": "default"}/de']
    assert [c["command"] for c in default] == [c["command"] for c in german]
    assert {c["description"] for c in default}.isdisjoint({c["description"] for c in german})
    for language in TRANSLATED:
        assert bot.tg.commands['{"type": "default"}/' + language]
        assert bot.tg.commands['{"chat_id": 1, "type": "chat"}/' + language]


@pytest.mark.asyncio
async def test_a_group_speaks_the_language_of_the_admin_who_set_it_up(bot):
    admin, member = 401, 402
    bot.tg.languages[admin], bot.tg.languages[member] = "de", "ru"
    bot.tg.members[(GROUP["id"], admin)] = "administrator"
    bot.tg.bot_membership(GROUP, admin, "left", "member")
    await until(lambda: bot.tg.texts(GROUP["id"]))
    [hello] = bot.tg.texts(GROUP["id"])
    assert "/start" in hello and "administrator" not in hello  # in the adder's German
    [welcome] = await bot.say_in(GROUP, admin, "/start")
    assert "Gruppe" in welcome and bot.store.get_chat(GROUP["id"])["language_code"] == "de"
    [refused] = await bot.say_in(GROUP, member, "/time 07:00")
    assert not re.search("[а-я]", refused)  # the group's language, whoever writes in it
    bot.add_articles(sample_articles()[:2])
    [briefing] = await bot.say_in(GROUP, member, "/digest")
    assert briefing.startswith("Dein Briefing")


# --- a channel, managed from its admin's private chat -------------------------------------------------

async def channel_with_owner(bot, owner: int) -> int:
    """The bot made the channel's admin by `owner`; returns the message id of their /channels reply."""
    bot.tg.members[(CHANNEL["id"], owner)] = "administrator"
    await bot.say(owner, "/start")
    before = len(bot.tg.sent(owner))
    bot.tg.bot_membership(CHANNEL, owner, "left", "administrator")
    await until(lambda: len(bot.tg.sent(owner)) > before)
    await bot.say(owner, "/channels")
    return bot.tg.sent(owner)[-1].result["message_id"]


@pytest.mark.asyncio
async def test_a_channels_owner_changes_its_time_and_language_from_the_private_chat(bot):
    owner = 501
    message_id = await channel_with_owner(bot, owner)
    listing = bot.tg.sent(owner)[-1].params["reply_markup"]["inline_keyboard"]
    assert [[b["text"] for b in row] for row in listing] == [["Morgenpost"]]
    view = await bot.press(owner, message_id, f"h:{CHANNEL['id']}")
    assert "Morgenpost" in view["text"] and "08:00" in view["text"]
    view = await bot.press(owner, message_id, f"h:{CHANNEL['id']}:later")
    assert "09:00" in view["text"] and bot.store.get_chat(CHANNEL["id"])["digest_time"] == "09:00"
    view = await bot.press(owner, message_id, f"h:{CHANNEL['id']}:l-de")
    assert bot.store.get_chat(CHANNEL["id"])["language"] == "de" and "Deutsch" in view["text"]
    view = await bot.press(owner, message_id, f"h:{CHANNEL['id']}:pause")
    assert bot.store.get_chat(CHANNEL["id"])["subscribed"] == 0
    bot.clock.set(datetime(2026, 11, 27, 9, 0, tzinfo=UTC))
    bot.add_articles(sample_articles()[:2])
    await bot.bb.pusher.run_due()
    assert bot.tg.sent(CHANNEL["id"]) == []  # paused (the owner's own briefing may go)
    await bot.press(owner, message_id, f"h:{CHANNEL['id']}:resume")
    bot.clock.set(datetime(2026, 11, 28, 9, 0, tzinfo=UTC))
    await bot.bb.pusher.run_due()
    assert len(bot.tg.sent(CHANNEL["id"])) == 1
    assert bot.tg.texts(CHANNEL["id"])[-1].startswith("Dein Briefing")
    assert bot.store.get_chat(owner)["language"] is None  # the owner's own chat is untouched


@pytest.mark.asyncio
async def test_a_demoted_admin_and_another_user_cannot_change_the_channel(bot):
    owner, stranger = 502, 503
    message_id = await channel_with_owner(bot, owner)
    bot.tg.members[(CHANNEL["id"], owner)] = "member"  # demoted, while the bot stays admin
    await bot.press(owner, message_id, f"h:{CHANNEL['id']}:later")
    assert bot.tg.answered_callbacks()[-1].get("show_alert")
    assert bot.store.get_chat(CHANNEL["id"])["digest_time"] is None
    await bot.say(stranger, "/start")
    [none] = await bot.say(stranger, "/channels")
    assert "no channel" in none
    stranger_message = bot.tg.sent(stranger)[-1].result["message_id"]
    await bot.press(stranger, stranger_message, f"h:{CHANNEL['id']}:pause")
    assert bot.tg.answered_callbacks()[-1].get("show_alert") and bot.store.get_chat(CHANNEL["id"])["subscribed"] == 1
    [elsewhere] = await bot.say_in(GROUP, owner, "/channels")
    assert "private chat" in elsewhere
