"""Each article read in its own language: identified from its text, split, tokenised and summarised by
that language's rules, stored with it; a language we do not read gets its lead and no quotes."""

import pytest

from digest.analyse import analyse_text, best_sentences
from digest.language import identify, normalise_code
from digest.languages import LANGUAGES, character_pairs, supported
from digest.summarise import get_summariser
from digest.text import split_sentences
from tests.fakes.news import FOREIGN_ARTICLES

# Indonesian: fastText knows it, we have no rules for it
UNSUPPORTED = ("Pemerintah kota Bandung mengumumkan pada hari Selasa bahwa tarif bus kota akan naik mulai "
               "bulan depan. Kenaikan ini adalah yang pertama dalam lima tahun terakhir. Warga mengeluhkan "
               "bahwa harga kebutuhan pokok juga terus meningkat. Pemerintah berjanji memberikan subsidi "
               "bagi pelajar dan warga lanjut usia.")


@pytest.mark.parametrize("code", sorted(FOREIGN_ARTICLES))
def test_each_language_is_identified_from_its_text(code):
    assert identify(FOREIGN_ARTICLES[code]) == code
    # a feed template's "en-us" is a hint the text overrules
    assert identify(FOREIGN_ARTICLES[code], hint="en-us") == code


def test_a_hint_decides_only_what_the_text_leaves_open():
    assert identify("12:30 — 14:45 — 2024", hint="de-DE") == "de"  # no letters: nothing to tell
    assert identify("") is None
    # names alone: the model is unsure, and the source's declared language decides; with no hint a
    # weak guess is no language at all
    assert identify("Hotel Taxi Restaurant", hint="de") == "de"
    assert identify("Internet") is None and identify("Internet", hint="fr") == "fr"
    assert normalise_code("pt_BR") == "pt" and normalise_code("EN-us") == "en"
    assert normalise_code("x") is None and normalise_code("") is None and normalise_code("12") is None


def test_every_listed_language_has_its_stemmer_and_stop_words():
    for code in ("en", "de", "fr", "es", "pt", "it", "ru", "tr", "zh", "ja", "ko"):
        language = LANGUAGES[code]
        assert language.stop_words(), code
        assert language.stem()("Wörter") is not None
    assert LANGUAGES["de"].stem()("Stadtteilen") == LANGUAGES["de"].stem()("Stadtteil")
    assert LANGUAGES["ru"].stem()("пассажиров") == LANGUAGES["ru"].stem()("пассажиры")
    assert LANGUAGES["tr"].stem()("yolcular") == LANGUAGES["tr"].stem()("yolcu")
    assert "и" in LANGUAGES["ru"].stop_words() and "ve" in LANGUAGES["tr"].stop_words()


def test_german_day_numbers_do_not_end_a_sentence():
    text = "Die Wahl findet am 3. Oktober statt. Das Ergebnis kam um 12. Danach sprach der Kanzler."
    got = [s.text for s in split_sentences(text, LANGUAGES["de"])]
    assert got == ["Die Wahl findet am 3. Oktober statt.", "Das Ergebnis kam um 12.", "Danach sprach der Kanzler."]


def test_chinese_list_numbers_stay_with_their_item_and_joins_add_no_blank():
    text = "报告提出两点建议：1. 增加投入。2. 加强监管！3.扩大开放。"
    got = [s.text for s in split_sentences(text, LANGUAGES["zh"])]
    assert got == ["报告提出两点建议：1. 增加投入。", "2. 加强监管！", "3.扩大开放。"]
    assert "".join(got) == text  # verbatim: no blank added where the text has none


def test_cjk_terms_are_character_pairs():
    assert character_pairs("空气质量") == ["空气", "气质", "质量"]
    assert character_pairs("ibm的ceo说") == ["ibm", "的", "ceo", "说"]
    assert character_pairs("박사는 말했다") == ["박사", "사는", "말했", "했다"]


@pytest.mark.parametrize("code", sorted(FOREIGN_ARTICLES))
def test_articles_are_summarised_verbatim_in_their_language(code):
    text = FOREIGN_ARTICLES[code]
    analysis = analyse_text(text, "", 2, cleaned=True)
    assert analysis.language == code
    assert len(analysis.sentences) == 2
    assert all(sentence in text for sentence in analysis.sentences)
    assert get_summariser(code).language is supported(code)


def test_sentences_are_counted_in_words_of_their_script():
    long_chinese = "据统计" + "深圳去年新增常住人口超过五十万" * 6 + "。"  # ~90 characters: ~60 words, a sentence
    sentence = split_sentences(long_chinese, LANGUAGES["zh"])[0]
    tokens = LANGUAGES["zh"].tokens(sentence.text.lower())
    assert len(tokens) > 80 and 5 <= LANGUAGES["zh"].word_count(sentence.text, tokens) <= 80


def test_an_unsupported_language_gets_its_lead_and_no_quotes():
    text = UNSUPPORTED + '\n"Kami tidak punya pilihan lain," kata Wali Kota Budi Santoso kepada wartawan.'
    analysis = analyse_text(text, "", 2, cleaned=True)
    assert analysis.language == "id" and supported("id") is None
    assert analysis.sentences == [s.text for s in split_sentences(text)[:2]]
    assert analysis.quotes == [] and analysis.key_quote is None
    assert best_sentences(text, 2, "id") == analysis.sentences


def test_text_with_no_language_at_all_is_analysed_without_error():
    for text in ("", "12 345 678", "—", "😀😀😀", "<<<>>>"):
        analysis = analyse_text(text, "", 3, cleaned=True)
        assert analysis.language is None or isinstance(analysis.language, str)


def test_stored_text_is_summarised_again_in_its_language():
    text = FOREIGN_ARTICLES["fr"]
    assert best_sentences(text, 2, "fr") == analyse_text(text, "", 2, cleaned=True).sentences
    assert best_sentences(text, 2, None) == best_sentences(text, 2, "fr")  # identified when not stored
