"""HTML fragments (a feed entry's content) to plain text: one paragraph per block element,
paragraphs separated by a blank line, white space inside a paragraph collapsed, entities
decoded, no markup left; scripts, styles and embedded objects dropped."""

from __future__ import annotations

import html as htmllib
import re

BLOCKS = frozenset("""
address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6
header hr li main nav ol p pre section table tbody td th thead tr ul
""".split())
DROPPED = frozenset("script style noscript template iframe object embed svg math head title "
                    "button select textarea form".split())


def _paragraphs_of(root) -> list[str]:
    from lxml import etree

    paras: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            paras.append(text)
        current.clear()

    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, el in walker:
        if event in ("comment", "pi"):
            if el.tail:
                current.append(el.tail)
            continue
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if event == "start":
            if tag is None or tag in DROPPED:
                walker.skip_subtree()  # its end still comes: the tail is kept there
                continue
            if tag in BLOCKS:
                flush()
            if el.text:
                current.append(el.text)
        else:
            if tag in BLOCKS:
                flush()
            if el.tail and el is not root:
                current.append(el.tail)
    flush()
    return paras


def html_to_text(markup: str) -> str:
    """Plain paragraphs separated by blank lines ('' when there is no text)."""
    if not markup or not markup.strip():
        return ""
    if "<" not in markup:
        return plain_to_text(htmllib.unescape(markup))
    from lxml import etree
    from lxml import html as lhtml

    try:
        root = lhtml.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return plain_to_text(re.sub(r"<[^>]*>", " ", htmllib.unescape(markup)))
    return "\n\n".join(_paragraphs_of(root))


def plain_to_text(text: str) -> str:
    """Plain text with paragraphs at blank lines; other line breaks and runs of spaces as one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paras = (" ".join(p.split()) for p in re.split(r"\n[ \t\f\v]*\n", text))
    return "\n\n".join(p for p in paras if p)
