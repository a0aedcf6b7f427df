import gzip
import json

import pytest

from digest.extract import clean_text, extract_article, guess_title
from digest.quotes import extract_quotes
from tests.fakes.news import DATA, article_page

CHROME = ["Go to Contents", "Go to Navigation", "(Yonhap)", "Send Feedback", "How can we improve",
          "Thanks for your feedback", "All News 13:10"]


def test_seed_article_loses_its_chrome_and_captions(corpora):
    raw = (corpora.parent / "seed-article.txt").read_text()
    text = clean_text(raw)
    for chrome in CHROME:
        assert chrome not in text
    assert "photo released by the North" not in text  # a photo caption
    assert "pose for a photo" not in text
    assert text.startswith("Senior defense officials")  # dateline "SEOUL, March 27 (Yonhap) --" stripped
    assert "Biden vowed" in text
    assert guess_title(raw) == "S. Korea, U.S. express deep concerns about N.K. missile launches"


@pytest.mark.parametrize("dateline, rest", [
    ("WASHINGTON (Reuters) - ", "The Senate passed the bill on Tuesday."),
    ("(CNN) -- ", "A storm hit the coast on Monday, officials said."),
    ("LONDON — ", "Prices rose for a third month in a row."),
])
def test_datelines_are_stripped(dateline, rest):
    assert clean_text(dateline + rest) == rest


def test_copy_in_one_paragraph_loses_the_furniture_inside_it():
    """Daily Mail copy run into one paragraph keeps "Scroll down for video" and photo captions inline, often
    inside a quote, which they would otherwise become part of."""
    text = ("A harbour worker was rescued on Monday. Kevin Marsh, 43, said: ‘I heard a crack and the whole thing "
            "went. Scroll down for video. Rescued: Kevin Marsh, 43, was pulled from the water by the coastguard "
            "(pictured) I thought I was going to die,’ he said. SCROLL DOWN FOR VIDEO Ruin: The pier after the "
            "collapse (above). The coastguard said: ‘He was lucky.’")
    assert clean_text(text) == ("A harbour worker was rescued on Monday. Kevin Marsh, 43, said: ‘I heard a crack "
                                "and the whole thing went. I thought I was going to die,’ he said. The coastguard "
                                "said: ‘He was lucky.’")
    assert [q.quote for q in extract_quotes(clean_text(text))][0] == (
        "I heard a crack and the whole thing went. I thought I was going to die,")
    # prose that scrolls, and a sentence with a photo's "(left)" but no caption's label, are kept
    prose = ("They ask us to scroll down and click. George Zimmerman (left) shot and killed Trayvon Martin (right) "
             "in February 2012.")
    assert clean_text(prose) == prose


def test_a_teaser_without_full_stop_is_kept_rather_than_emptied():
    assert clean_text("Breaking: markets rally") == "Breaking: markets rally"


def test_page_extraction_drops_navigation_and_footer():
    body = ("The council voted on Tuesday to close the old bridge to traffic for repairs.\n"
            "Engineers found cracks in two of the supports during an inspection last month, the city said.\n"
            "The bridge carries about 20,000 cars a day, and detours will add about ten minutes to trips.")
    page = article_page("Old bridge to close for repairs", body)
    got = extract_article(page, "http://127.0.0.1/x")
    assert got.title == "Old bridge to close for repairs"
    assert got.text.split("\n") == body.split("\n")


@pytest.mark.parametrize("html", [
    "", "<", "<html><body></body></html>", "\x00\x01binary" * 100,
    "<html><body>" + "<div>" * 5000 + "deep" + "</div>" * 5000 + "</body></html>",
    "<script>alert(1)</script><p>x</p>", "<html><body><p>" + "word " * 200000 + "</p></body></html>",
])
def test_hostile_pages_never_raise(html):
    got = extract_article(html, "http://127.0.0.1/")
    assert "alert(1)" not in got.text


def shingles(text, n=4):
    tokens = text.split()
    return {tuple(tokens[i:i + n]) for i in range(max(0, len(tokens) - n + 1))}


def benchmark_f1(root, gold):
    """The ScrapingHub benchmark's figure over `gold`'s pages: F1 of the mean shingle precision and recall."""
    precisions, recalls = [], []
    for page_id, record in gold.items():
        html = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        got = extract_article(html, record["url"]).text
        pred, ref = shingles(got), shingles(record["articleBody"])
        if not pred and not ref:
            p = r = 1.0
        else:
            p = len(pred & ref) / len(pred) if pred else 0.0
            r = len(pred & ref) / len(ref) if ref else 0.0
        precisions.append(p)
        recalls.append(r)
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    return 2 * p * r / (p + r)


def test_extraction_benchmark_every_page_extracts_and_f1_is_high(corpora):
    """All 181 pages of the ScrapingHub benchmark: no exception, and the benchmark's F1 stays >= 0.90."""
    root = corpora / "extraction" / "scrapinghub"
    gold = json.loads((root / "ground-truth.json").read_text())
    assert len(gold) == 181
    assert benchmark_f1(root, gold) >= 0.90


def test_the_sample_pages_extract_close_to_their_gold_text():
    """Three real pages of that benchmark kept in tests/data (every clone has them): main text found,
    chrome left out."""
    root = DATA / "pages"
    gold = json.loads((root / "ground-truth.json").read_text())
    assert len(gold) == 3
    assert benchmark_f1(root, gold) >= 0.85


def test_chinese_paragraphs_ending_with_a_wide_stop_hold_sentences():
    """"。" ends a sentence as "." does: the story's first paragraph is prose, kept; the menu before it and
    the editor's line after the story are not."""
    text = ("首页 > 新闻\n\n北京市政府周一宣布，明年将新建二十所公立幼儿园。\n\n"
            "一位家长说：“希望新幼儿园能尽快开学。”\n\n责任编辑：张三")
    assert clean_text(text) == "北京市政府周一宣布，明年将新建二十所公立幼儿园。\n一位家长说：“希望新幼儿园能尽快开学。”"
