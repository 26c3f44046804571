"""Article ids from file names and row ids: other scripts transliterated to readable ASCII
(anyascii), a hash only for a name with nothing to transliterate, clashes made unique."""

from __future__ import annotations

import re
import warnings

import pytest

from newsbench.load import item_id, iter_articles, load_article, safe_id

ID = re.compile(r"[A-Za-z0-9._-]+")
TEXT = "Council votes on the budget\n\nThe city council voted on Monday to approve the budget.\n"


def _ids(folder) -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [art.article_id for art in iter_articles(folder)]


@pytest.mark.parametrize("name, expected", [
    ("Москва новости", "Moskva-novosti"),                 # Cyrillic
    ("أخبار القاهرة", "khbr-lqhrh"),                      # Arabic (no vowels written)
    ("Αθήνα ειδήσεις", "Athina-eidiseis"),                # Greek
    ("北京新闻", "BeiJingXinWen"),                         # Chinese
    ("東京ニュース", "DongJingniyusu"),                     # Japanese
    ("서울 뉴스", "seoul-nyuseu"),                          # Korean
    ("Kyiv Київ 2024", "Kyiv-Kiiv-2024"),                  # mixed Latin, Cyrillic, digits
    ("Москва – «новости» 🎉", "Moskva-novosti"),           # punctuation and emoji left out
    ("Straße Øresund", "Strasse-Oresund"),
    ("١٢٣ news", "123-news"),                              # Arabic-Indic digits
    # Latin names keep the ids they had before transliteration
    ("Zürich – Bericht", "Zurich-Bericht"),
    ("Macron’s speech", "Macrons-speech"),
    ("my story (final) v2", "my-story-final-v2"),
])
def test_other_scripts_give_readable_ids(name, expected):
    assert safe_id(name) == expected


@pytest.mark.parametrize("name", ["😀🎉", "🇫🇷", "…", "«»", "\u200d\ufe0f", "\udcff"])
def test_a_name_with_nothing_to_transliterate_gets_a_hash(name):
    got = safe_id(name)
    assert re.fullmatch(r"article-[0-9a-f]{10}", got)
    assert safe_id(name) == got  # stable
    assert got != safe_id(name + "🎈")


@pytest.mark.parametrize("name", ["北京新闻" * 40, "Москва " * 50, "🎉" * 300, "a" * 500,
                                  "ـ" * 20, "ℌ𝔢𝔩𝔩𝔬 wörld"])
def test_ids_keep_the_rules(name):
    got = safe_id(name)
    assert ID.fullmatch(got) and len(got) <= 80


@pytest.mark.parametrize("value, expected", [
    ("новость-17", "novost-17"),
    ("https://example.ru/новости/17", "https-example.ru-novosti-17"),
    (42, "42"),
])
def test_item_ids_transliterate_like_file_names(value, expected):
    assert item_id(value) == expected


def test_a_long_item_id_keeps_its_end_and_a_hash():
    got = item_id("https://example.com/" + "новости/" * 20 + "конец")
    assert ID.fullmatch(got) and got.split("-")[-2] == "konets" and len(got) <= 48


def test_a_cyrillic_file_name_gives_a_readable_article_id(tmp_path):
    path = tmp_path / "Москва новости.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert load_article(path).article_id == "Moskva-novosti"


def test_an_emoji_file_name_gives_a_hash_id(tmp_path):
    path = tmp_path / "🎉🎉.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert load_article(path).article_id == safe_id("🎉🎉")


def test_names_that_transliterate_alike_get_distinct_ids(tmp_path):
    # Cyrillic and Latin spellings of one name, and two spellings of one Chinese reading
    for name in ("Москва.txt", "Moskva.txt", "Moskva!.md", "北京.txt", "北亰.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    ids = _ids(tmp_path)
    assert len(ids) == len(set(ids)) == 5
    assert all(ID.fullmatch(i) for i in ids)
    assert sorted(i.rsplit("-", 1)[0] if i[-1].isdigit() else i for i in ids) == [
        "BeiJing", "BeiJing", "Moskva", "Moskva", "Moskva"]


def test_two_emoji_names_get_distinct_ids(tmp_path):
    for name in ("🎉.txt", "🎈.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    ids = _ids(tmp_path)
    assert len(set(ids)) == 2 and all(i.startswith("article-") for i in ids)
