"""JupyterLab in a real browser: open each notebook, Run All, check every cell ran without an
error, the charts were drawn (SVG) and no warning box shows a path (a warning is a short note).
Screenshots go to artifacts/browser/.

Run alone with `pytest -m browser`. Needs Debian's chromium (`apt-get install chromium`) and
playwright (a test extra); skipped with a reason when chromium is missing, except in CI.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = pytest.mark.browser


def _need_chromium():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI: .ci/run must apt-get install chromium")
        pytest.skip("chromium is not installed (apt-get install chromium) - browser test skipped")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _point_corpus_at_small_corpus(root: Path) -> None:
    """The corpus notebook's default is seeds/ (one article here): the copy opened in the
    browser reads the generated corpus with planted facts instead, as a user's own would."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from planted_corpus import make_corpus

    make_corpus(root / "corpus")
    path = root / "notebooks" / "10-corpus.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            src = "".join(cell["source"])
            cell["source"] = src.replace('corpus: str = "seeds/"',
                                         f'corpus: str = "{root / "corpus" / "corpus.jsonl"}"')
            assert cell["source"] != src
    path.write_text(json.dumps(nb), encoding="utf-8")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """The README's explore command, on a copy of the notebooks (Run All writes outputs)."""
    _need_chromium()
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    _point_corpus_at_small_corpus(root)
    port, token = _free_port(), secrets.token_hex(16)
    settings = root / ".settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # render every cell (JupyterLab 4 otherwise leaves off-screen cells out of the page)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    apputils = root / ".settings" / "@jupyterlab" / "apputils-extension"
    apputils.mkdir(parents=True)
    (apputils / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(root / ".runtime"),
           "JUPYTER_CONFIG_DIR": str(root / ".config"),
           "JUPYTERLAB_SETTINGS_DIR": str(root / ".settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(root / ".workspaces")}
    log = open(root / "lab.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "newsbench.cli", "lab", "--no-browser",
                             "--port", str(port), "--token", token, "--root", str(root)],
                            stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("JupyterLab did not start:\n" + (root / "lab.log").read_text()[-3000:])
            time.sleep(0.5)
    yield {"url": url, "token": token, "root": root}
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="module")
def browser():
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


def _accept_kernel_dialog(page) -> None:
    """JupyterLab may ask which kernel to start (a race between opening and the session); the
    preselected one is this environment's Python, which is what a user would pick."""
    dialog = page.locator(".jp-Dialog:has-text('Select Kernel')")
    if dialog.count():
        dialog.get_by_role("button", name="Select", exact=True).click()


def _code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


#: A path as Python prints one with a warning (``/x/lib/newsbench/y.py:12: UserWarning``).
_PATH = re.compile(r"(?<![\w.:/])/(?:[\w.-]+/)+[\w.-]+")
GERMAN = ("Regierung erhöht Hilfen\n\nDie Bundesregierung hat am Freitag beschlossen, die Hilfen "
          "für die Ukraine zu erhöhen. Der Kanzler sagte, man werde weiter an der Seite des Landes "
          "stehen und die Sanktionen gegen Russland verschärfen. Die Opposition kritisierte den "
          "Beschluss scharf und verlangte eine Debatte im Parlament.\n")


def _german_notebook(root: Path) -> Path:
    """A copy of 00-overview reading a German article: its load warns (not English)."""
    (root / "german.txt").write_text(GERMAN, encoding="utf-8")
    path = root / "notebooks" / "90-german.ipynb"
    nb = json.loads((root / "notebooks" / "00-overview.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            src = "".join(cell["source"])
            cell["source"] = re.sub(r'article: str = "[^"]*"',
                                    f'article: str = "{root / "german.txt"}"', src)
            assert cell["source"] != src
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


DOLLARS = ("Insurer pays out\n\nThe insurer paid $5 million to the families on Friday and "
           "another $3 million to the city, officials said. The fund will pay out $2 million "
           "more next year, a spokesman for the insurer told reporters.\n")


def _notebook_reading(root: Path, name: str, text: str, stem: str) -> Path:
    """A copy of 00-overview reading ``text`` (saved as ``name``)."""
    (root / name).write_text(text, encoding="utf-8")
    path = root / "notebooks" / f"{stem}.ipynb"
    nb = json.loads((root / "notebooks" / "00-overview.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            src = "".join(cell["source"])
            cell["source"] = re.sub(r'article: str = "[^"]*"', f'article: str = "{root / name}"',
                                    src)
            assert cell["source"] != src
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def _no_warning_box_with_a_path(page) -> None:
    """No stderr box holds a path or a Python warning line (warnings are short notes)."""
    boxes = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    texts = [b.inner_text() for b in boxes.all()]
    assert not [t for t in texts if _PATH.search(t) or "Warning:" in t], texts


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_run_all_in_jupyterlab(lab, browser, path):
    page = _open_and_run_all(lab, browser, path)
    _check_ran(lab, page, path)
    _no_warning_box_with_a_path(page)
    page.close()


def test_a_warning_is_a_short_note_in_jupyterlab(lab, browser):
    path = _german_notebook(lab["root"])
    page = _open_and_run_all(lab, browser, path)
    _check_ran(lab, page, path)
    _no_warning_box_with_a_path(page)
    boxes = page.locator(".jp-OutputArea-output:has-text('Note:')")
    notes = [n.inner_text() for n in boxes.all()]
    assert any("article german: does not look like English (it reads as German)" in n
               for n in notes), notes
    assert not [n for n in notes if str(lab["root"]) in n or _PATH.search(n)], notes
    boxes.first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "90-german-note.png"))
    page.close()


def test_dollar_amounts_are_text_not_formulas_in_jupyterlab(lab, browser):
    # MathJax would typeset "$5 million ... $3 million" as a formula and lose the words
    path = _notebook_reading(lab["root"], "dollars.txt", DOLLARS, "91-dollars")
    page = _open_and_run_all(lab, browser, path)
    _check_ran(lab, page, path)
    outputs = page.locator(".jp-OutputArea-output")
    assert page.locator(".jp-OutputArea-output mjx-container").count() == 0
    text = " ".join(o.inner_text() for o in outputs.all())
    assert "paid $5 million to the families" in text and "another $3 million" in text
    page.close()


def _open_and_run_all(lab, browser, path: Path):
    """Open ``path`` (a notebook of the lab's copy) in JupyterLab, Run All, wait for every
    code cell to finish, and save it."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(60_000)
    # a workspace of its own: only this notebook open (no layout restored from the last one)
    page.goto(f"{lab['url']}/lab/workspaces/{path.stem}/tree/notebooks/{path.name}"
              f"?reset&token={lab['token']}")
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell")
    page.wait_for_timeout(2000)
    _accept_kernel_dialog(page)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    page.wait_for_timeout(1000)
    _accept_kernel_dialog(page)
    n_code = len(_code_cells(json.loads(path.read_text())))
    # every code cell gets an execution count ([*] while running)
    page.wait_for_function(
        """n => {
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
            return prompts.length === n && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""", arg=n_code, timeout=240_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
    return page


def _check_ran(lab, page, path: Path) -> None:
    """Every cell ran without an error, the charts were drawn and the widget shown."""
    tracebacks = page.locator(".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']")
    images = page.locator(".jp-OutputArea-output img")
    page.wait_for_function("() => document.querySelectorAll('.jp-OutputArea-output img').length > 0")
    # save, then read what the browser ran from disk
    page.locator(".jp-NotebookPanel").first.click()
    page.keyboard.press("Control+s")
    page.wait_for_timeout(1500)
    images.first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"{path.stem}-chart.png"))
    widget = page.locator(".jupyter-widgets, .widget-dropdown").last
    if widget.count():
        widget.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"{path.stem}-explore.png"))
    saved = json.loads((lab["root"] / "notebooks" / path.name).read_text())
    outputs = [o for c in _code_cells(saved) for o in c.get("outputs", [])]
    assert tracebacks.count() == 0, [t.inner_text()[:500] for t in tracebacks.all()]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    # the charts are SVG (JupyterLab draws an SVG output as an <img>)
    assert images.count() >= 1 and any("image/svg+xml" in o.get("data", {}) for o in outputs)
    assert all(c.get("execution_count") for c in _code_cells(saved))
    # the exploring section's widget was drawn
    assert page.locator(".jupyter-widgets, .widget-dropdown").count() >= 1
