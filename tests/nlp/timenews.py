"""The time layer's news dev set: real reports from the geoparsing corpora, annotated by us.

fixtures/times/news_dev.jsonl holds, per document, only the corpus name, the document id, the
publication date we gave it (from the dated path of its address), a SHA-1 of its text and the
TIMEX3 expressions (offsets, type, value). The texts stay in the shared data folder and are read
from there, like every other evaluation corpus. Only documents of the geoparsing corpora's dev
parts (the first 70 % of each file) are used.

``python -m tests.nlp.timenews [--data DIR] [--errors]`` (DIR: the shared data folder, by
default ../shared or $DATELINE_DATA) scores the layer on it, TE3-style.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from .timedev import DEV_DIR, Item, pipeline, report

# Parts 2 and 3 were each annotated after the changes made on the parts before them and scored
# once before any change aimed at them. Part 3 adds WikiEvents dev and MUC-4 dev reports (MUC-4
# in lower case, its publication date from the dateline). Parts 4 and 5 add MUC-4 train wire reports.
NEWS_DEV = (
    DEV_DIR / "news_dev.jsonl",
    DEV_DIR / "news_dev_2.jsonl",
    DEV_DIR / "news_dev_3.jsonl",
    DEV_DIR / "news_dev_4.jsonl",
    DEV_DIR / "news_dev_5.jsonl",
)
# The shared data folder beside the repository (``../shared``), or $DATELINE_DATA.
DEFAULT_DATA = Path(
    os.environ.get("DATELINE_DATA") or Path(__file__).resolve().parents[2].parent / "shared"
)


def load(path: Path, data: Path) -> list[Item]:
    """The annotated documents of ``path`` with their texts from ``data``; raises ValueError
    naming a document whose text is missing or changed."""
    texts: dict[str, dict[str, str]] = {}
    items = []
    for n, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
        row = json.loads(raw)
        corpus = row["corpus"]
        if corpus not in texts:
            source = data / "eval" / f"{corpus}.jsonl"
            if not source.exists():
                raise ValueError(f"{path.name}:{n}: {source} is missing; pass --data DIR")
            with source.open(encoding="utf-8") as f:
                texts[corpus] = {r["id"]: r["text"] for r in map(json.loads, f)}
        text = texts[corpus].get(row["id"])
        if text is None or hashlib.sha1(text.encode()).hexdigest() != row["sha1"]:
            raise ValueError(f"{path.name}:{n}: {corpus} {row['id']} is missing or changed")
        gold = [dict(t, text=text[t["start"] : t["end"]]) for t in row["timexes"]]
        items.append(Item(n, text, row["dct"], gold))
    return items


def main(argv: list[str]) -> int:
    data = Path(argv[argv.index("--data") + 1]) if "--data" in argv else DEFAULT_DATA
    nlp = pipeline()
    for path in NEWS_DEV:
        items = load(path, data)
        report(f"{path.name}: {len(items)} documents", items, nlp, show_errors="--errors" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
