"""Rendering: every piece of article text escaped, Telegram's HTML rules, 4096 characters after parsing."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.render import SAFE_LIMIT, render_digest, render_item, render_list
from digest.compose import BriefingItem
from tests.fakes.telegram import MAX_TEXT, parse_html, utf16_len

HOSTILE = ['<script>alert("x")</script>', "a < b && c > d", "<b>bold</b>", "&amp;&lt;", "</blockquote>",
           '<a href="javascript:alert(1)">x</a>', "\u202e\u0000\u0007", "&#x0;", "**md** _it_ `code`", "\U0001f4a9" * 3]


def item(n=1, title="T", sentences=("S.",), quote=None, url="https://example.com/a", also=()):
    return BriefingItem(n, title, "Wire <A&B>", url, list(sentences), quote, None, list(also), [n])


def test_hostile_text_is_escaped_and_parses():
    for text in HOSTILE:
        parts = render_digest([item(title=text, sentences=[text], quote={"quote": text, "speaker": text},
                                    also=[(text, "https://x")])])
        visible = parse_html(parts[0].html)
        assert text.replace("\u0000", "").replace("\u0007", "") in visible  # shown literally, not interpreted


def test_link_with_quotes_in_url_stays_one_attribute():
    block = render_item(item(url='https://example.com/a?x="><b>'), 1)
    parse_html(block.html)
    assert 'href="https://example.com/a?x=&quot;&gt;&lt;b&gt;"' in block.html


def test_non_http_links_are_not_rendered():
    assert "href" not in render_item(item(url="javascript:alert(1)"), 1).html


def test_digest_split_between_stories_under_the_limit():
    items = [item(n, f"Story {n}", ["A sentence of some length that goes on. " * 8] * 3) for n in range(1, 40)]
    parts = render_digest(items, header="Your briefing")
    assert len(parts) > 1
    assert [i for p in parts for i in p.article_ids] == list(range(1, 40))
    for part in parts:
        assert utf16_len(parse_html(part.html)) <= SAFE_LIMIT


def test_one_huge_story_is_trimmed_to_fit():
    huge = item(1, "T" * 5000, ["x" * 3000] * 5, {"quote": "q" * 5000, "speaker": "S"})
    [part] = render_digest([huge])
    assert utf16_len(parse_html(part.html)) <= MAX_TEXT


def test_list_is_capped():
    html = render_list("Results", [("line " * 30, "https://e.com/x")] * 200)
    assert utf16_len(parse_html(html)) <= MAX_TEXT and html.endswith("\u2026")


# Any character but lone surrogates, mixed with the pieces of markup and control characters that
# break naive renderers: HTML tags and entities, Telegram's Markdown, bidi and zero-width marks.
MARKUP = ["<", ">", "&", '"', "'", "<b>", "</b>", "<a href=\"x\">", "</a>", "&amp;", "&#0;", "&lt", "*", "_",
          "`", "[", "](", "~", "||", "\x00", "\x07", "\x1b[31m", "\u202e", "\u200b", "\ufeff", "\r\n",
          "\U0001f600\U0001f3fd", "</blockquote>", "<tg-spoiler>"]
text = st.lists(st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(MARKUP)),
                max_size=120).map("".join)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(text, min_size=1, max_size=4), st.integers(1, 12))
def test_generated_texts_always_render_valid_messages(texts, count):
    """10,000 generated briefings: every message passes Telegram's checks (the fake Bot API's validator).
    Each story's title, sentences, quote and speaker are cut from the generated texts."""
    stories = [(texts[n % len(texts)], [t[n % 7:] for t in texts], texts[-1 - n % len(texts)], texts[0][:n * 5])
               for n in range(count)]
    items = [item(n, title or "x", sentences, {"quote": quote, "speaker": speaker} if quote else None)
             for n, (title, sentences, quote, speaker) in enumerate(stories, 1)]
    for part in render_digest(items, header="Your briefing"):
        visible = parse_html(part.html)  # raises like Telegram's "can't parse entities"
        assert utf16_len(visible) <= MAX_TEXT


def test_a_quote_is_shown_with_its_speaker_only_when_the_attribution_is_sure():
    from bot.render import quote_line

    assert quote_line({"quote": "We will.", "speaker": "Ana Ruiz", "confident": True}) == "\u201cWe will.\u201d \u2014 Ana Ruiz"
    assert quote_line({"quote": "We will.", "speaker": "Ana Ruiz", "confident": False}) == "\u201cWe will.\u201d"
    assert quote_line({"quote": "We will.", "speaker": "Ana Ruiz"}).endswith("Ana Ruiz")  # stored before the flag
