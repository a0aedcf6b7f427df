import asyncio

from digest.analyse import Analyser, analyse_html_fragment, analyse_page, analyse_text
from digest.text import words
from tests.fakes.news import article_page, sample_articles


async def test_process_pool_and_thread_give_the_same_analysis():
    art = sample_articles()[9]
    in_thread = Analyser(0)
    in_process = Analyser(1)
    try:
        a = await in_thread.run(analyse_text, art["article"], art["title"], 3)
        b = await in_process.run(analyse_text, art["article"], art["title"], 3)
    finally:
        in_process.close()
    assert a == b and len(a.sentences) == 3


async def test_analysis_runs_off_the_event_loop():
    """While a long analysis runs, the loop keeps serving other tasks."""
    text = "\n".join(a["article"] for a in sample_articles()[:40])
    analyser = Analyser(0)
    ticks = 0

    async def ticker():
        nonlocal ticks
        while True:
            await asyncio.sleep(0.001)
            ticks += 1

    task = asyncio.create_task(ticker())
    await analyser.run(analyse_text, text, None, 3)
    task.cancel()
    assert ticks > 0


def test_feed_fragment_and_page_are_cleaned():
    html = "<p>Go to Contents</p><script>evil()</script><p>" + sample_articles()[0]["article"].replace("\n", "</p><p>") + "</p>"
    fragment = analyse_html_fragment(html, "T", 2)
    assert "evil()" not in fragment.text and "Go to Contents" not in fragment.text and len(fragment.sentences) == 2
    page = analyse_page(article_page("Title here", sample_articles()[0]["article"]), "http://127.0.0.1/p")
    assert page.title == "Title here" and page.fingerprint == fragment.fingerprint


def test_a_huge_article_is_capped_at_a_paragraph_break():
    from digest.analyse import MAX_TEXT_CHARS

    paragraph = "The council met on Monday and agreed a new budget for the city's schools and roads. " * 10
    result = analyse_text("\n".join([paragraph] * 3000), "Huge", 3)  # about 2.5 million characters
    assert len(result.text) <= MAX_TEXT_CHARS and result.text.endswith(".")
    assert len(result.sentences) == 3


def test_every_sample_article_is_summarised_and_quoted_verbatim():
    """The per-article path on 45 real stories from 29 outlets (tests/data): summary sentences and quotes are
    the article's own words, and many stories with quotes get a key quote with a speaker."""
    with_key_speaker = 0
    for article in sample_articles():
        analysis = analyse_text(article["article"], article["title"], 3, cleaned=True)
        flat = " ".join(analysis.text.split())
        assert len(analysis.sentences) == 3
        assert all(" ".join(s.split()) in flat for s in analysis.sentences)
        article_words = set(words(analysis.text))  # (a quote split by "he said" is joined: its words, not its run)
        assert all(set(words(q["quote"])) <= article_words for q in analysis.quotes)
        with_key_speaker += bool(analysis.key_quote and analysis.key_quote["speaker"])
    assert with_key_speaker >= 15
