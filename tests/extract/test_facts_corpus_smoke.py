"""Smoke test over the dev corpus (../shared, never committed): nothing fails, spans hold."""
import pytest

from banmian.extract import extract_facts, facts_to_dict
from facts_support import CORPUS, article_from_row, corpus_rows

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="dev corpus not present in ../shared")


def test_facts_corpus_articles_extract_without_errors():
    n = 0
    for row in corpus_rows(limit=600):
        art = article_from_row(row)
        d = facts_to_dict(extract_facts(art, None, ner=False))
        for x in d["dates"] + d["quantities"]:
            if x.get("field", "body") == "body":
                assert art.text[x["span"][0]:x["span"][1]] == x["text"], (row["id"], x)
        n += 1
    assert n > 0
