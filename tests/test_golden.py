"""Golden frames: every frame of the seed and of each test article, compared with saved copies.

Written before the code was restructured (issue 11) so that moving code cannot change what a
reader sees. A deliberate change of output regenerates the copies in its own commit::

    .venv/bin/python tests/test_golden.py --update

The copies are CSV (``tests/data/golden/<frame>.csv``, every article in a fixed order; a list
cell as a JSON array, so the copy keeps where one item ends) plus the dtypes of each column
(``dtypes.json``), so a diff shows exactly which values moved.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
GOLDEN = DATA / "golden"
#: The inputs: the seed and every small article of tests/data that loads (bad ones that are
#: refused are left out; the ones analysed with a warning are kept).
SOURCES = [ROOT / "seeds", DATA / "articles", DATA / "entities", DATA / "timeline",
           DATA / "hostile", DATA / "bad"]


def _articles():
    import newsbench as nb
    from newsbench.load import iter_articles

    out = []
    for src in SOURCES:
        for path in sorted(p for p in src.rglob("*") if p.is_file()):
            if path.name.endswith(".meta.yaml") or path.name == "README.md":
                continue
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    out.extend(iter_articles(path))
            except nb.NewsbenchError:
                continue
    return out


def _frames() -> dict[str, pd.DataFrame]:
    import newsbench as nb
    from newsbench import schema

    parts: dict[str, list[pd.DataFrame]] = {}
    for art in _articles():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            an = nb.analyze(art, cache=False)
        for name, df in an.frames().items():
            parts.setdefault(name, []).append(df)
    out = {}
    for name, dfs in parts.items():
        # conformed as Analysis.concat does: an open category (source) stays a category
        df = schema.conform(pd.concat([d for d in dfs if len(d)] or dfs[:1], ignore_index=True),
                            name)
        if "path" in df.columns:  # where the checkout lies is no part of the output
            df["path"] = [None if pd.isna(p) else Path(p).resolve().relative_to(ROOT).as_posix()
                          for p in df["path"]]
        out[name] = df
    return out


def _dtypes(frames: dict[str, pd.DataFrame]) -> dict[str, dict[str, str]]:
    return {name: {c: str(t) for c, t in df.dtypes.items()} for name, df in frames.items()}


def _csv(df: pd.DataFrame) -> str:
    from newsbench import schema

    out = df.copy()
    for col in out.columns:
        if schema.is_list_column(out[col]):
            out[col] = [json.dumps(list(v), ensure_ascii=False) for v in out[col]]
    return out.to_csv(index=False, lineterminator="\n")


def update() -> None:
    frames = _frames()
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, df in frames.items():
        (GOLDEN / f"{name}.csv").write_text(_csv(df), encoding="utf-8")
    (GOLDEN / "dtypes.json").write_text(json.dumps(_dtypes(frames), indent=1) + "\n",
                                        encoding="utf-8")
    print(f"wrote {len(frames)} frames to {GOLDEN}")


@pytest.fixture(scope="module")
def frames(nlp):
    return _frames()


def test_golden_covers_the_inputs(frames):
    arts = frames["articles"]
    assert len(arts) >= 15
    assert "000_d47dbbe6e72bd05c" in set(arts["article_id"])


def test_golden_dtypes(frames):
    saved = json.loads((GOLDEN / "dtypes.json").read_text(encoding="utf-8"))
    assert _dtypes(frames) == saved


@pytest.mark.parametrize("name", ["articles", "paragraphs", "sentences", "mentions", "entities",
                                  "timexes", "events", "quotes", "emotions"])
def test_golden_frame(frames, name):
    saved = (GOLDEN / f"{name}.csv").read_text(encoding="utf-8")
    now = _csv(frames[name])
    if now != saved:
        old = pd.read_csv(GOLDEN / f"{name}.csv", dtype=str, keep_default_na=False)
        new = pd.read_csv(pd.io.common.StringIO(now), dtype=str, keep_default_na=False)
        assert list(new.columns) == list(old.columns), "columns changed"
        assert len(new) == len(old), f"{name}: {len(old)} rows saved, {len(new)} now"
        diff = (new != old).any(axis=1)
        first = diff.idxmax()
        cols = [c for c in new.columns if new.at[first, c] != old.at[first, c]]
        pytest.fail(f"{name}: {int(diff.sum())} rows differ; first at row {first}, columns "
                    f"{cols}: saved {old.loc[first, cols].to_dict()} now "
                    f"{new.loc[first, cols].to_dict()}")


if __name__ == "__main__":
    if "--update" in sys.argv:
        update()
    else:
        print(__doc__)
