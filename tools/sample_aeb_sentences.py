#!/usr/bin/env python3
"""Draw the real-news event dev set's sentences from the AEB article bodies (fixed seed).

    .venv/bin/python tools/sample_aeb_sentences.py [--n 400] [--holdout 100] > sentences.jsonl

Reads ``../shared/corpora/aeb`` (true article bodies of 181 real news pages, MIT), keeps the English
bodies (py3langid), splits each paragraph into sentences with spaCy's rule-based sentencizer (no
statistical model, so the split does not depend on anything the coder uses), and samples sentences
uniformly at random with a fixed seed. Each sentence gets the page's publication date (htmldate on
the page), because actor roles are chosen by date. The last ``--holdout`` sentences drawn are
marked ``split: holdout``: they are scored but never looked at while tuning.

A second stratum of ``--politics`` sentences (default 200, their last 50 held out) is drawn the same
way from the pages whose address and headline show news of politics, government, crime or conflict
(``POLITICS`` below, chosen from the URL list alone), because a uniform draw from a corpus that is
mostly technology, sport and lifestyle holds few political events. Each line says its ``stratum``.

The output holds no codings: annotators add ``expected`` (asserted events) and ``other`` (negated or
hypothetical ones) by hand, from the CAMEO codebook, before the coder is run on the sentences.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path

import htmldate
import py3langid
import spacy

AEB = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "aeb"
SEED = 20261202
# Pages of politics, government, crime and conflict news, chosen by their URLs (section and slug).
POLITICS = (
    "04a6711caa", "06e5123e4e", "0dd1357045", "156770d676", "1ace8c85aa", "1ee91d1fce", "1f765c4878",
    "2c46804d9d", "39d5c43beb", "4a44ab3e4c", "51d066b060", "5a822960e9", "5caf91b8a4", "5f9c5ed5d6",
    "5fa3154ec0", "624fcd903d", "6ebac05f63", "702d1da63b", "776a1c0467", "7916ecca96", "7a457a4f71",
    "7a664e40d2", "7de5241947", "82b6d780c7", "833caf3bdb", "8380689f35", "87bf60570e", "961bd85ca8",
    "9e8c9f082a", "a1fca19b88", "a6968f427c", "abd9d6291b", "b6906ca016", "c58aa507c4", "c7e39ac49f",
    "c90731f051", "d90bda7ed1", "db6b0816c6", "dc7ccccc1f", "e372e42c0a", "e4c6a3b482", "e7301133ba",
    "e7994d5500", "ef4e67b66d", "f5c90a6d52",
)
MIN_WORDS, MAX_WORDS = 6, 70  # shorter are captions and bylines; longer are run-ons of lists


def sentences(splitter: spacy.language.Language, body: str) -> list[str]:
    out: list[str] = []
    for para in (p.strip() for p in body.split("\n")):
        if not para:
            continue
        for sent in splitter(para).sents:
            text = re.sub(r"\s+", " ", sent.text).strip()
            if MIN_WORDS <= len(text.split()) <= MAX_WORDS and re.search(r"[a-z]", text):
                out.append(text)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--holdout", type=int, default=100)
    parser.add_argument("--politics", type=int, default=200)
    parser.add_argument("--politics-holdout", type=int, default=50)
    args = parser.parse_args()
    if not AEB.is_dir():
        sys.exit(f"no AEB corpus at {AEB}")
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    splitter = spacy.blank("en")
    splitter.add_pipe("sentencizer")
    pool: list[tuple[str, int, str, str | None]] = []
    for key in sorted(truth):
        body = truth[key].get("articleBody") or ""
        if len(body) < 200 or py3langid.classify(body)[0] != "en":
            continue
        html = gzip.decompress((AEB / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        published = htmldate.find_date(html, original_date=True)
        for i, text in enumerate(sentences(splitter, body)):
            pool.append((key, i, text, published))
    rng = random.Random(SEED)
    drawn = rng.sample(pool, args.n)
    taken = {(key, i) for key, i, _, _ in drawn}
    political = [s for s in pool if s[0][:10] in POLITICS and (s[0], s[1]) not in taken]
    more = rng.sample(political, args.politics)
    for stratum, sample, holdout in (("random", drawn, args.holdout), ("politics", more, args.politics_holdout)):
        for n, (key, i, text, published) in enumerate(sample):
            split = "holdout" if n >= len(sample) - holdout else "dev"
            print(json.dumps({"id": f"aeb-{key[:10]}-{i}", "stratum": stratum, "split": split, "published": published,
                              "text": text}, ensure_ascii=False))
    print(f"{len(pool)} sentences in the English bodies ({len(political)} more on political pages); "
          f"drew {args.n} + {args.politics}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
