"""A small BM25 index over weighted bags of terms.

Each topic becomes one "document" whose fields (title, keywords, questions, answer)
carry different weights. Scores are precomputed per posting so a lookup is just a few
dictionary additions, which keeps matching fast even with a thousand topics.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


class Bm25Index:
    """BM25 with fractional term frequencies (so fields can be weighted)."""

    def __init__(
        self,
        docs: Sequence[Mapping[str, float]],
        k1: float = 1.2,
        b: float = 0.6,
        df_min_tf: float = 0.0,
        min_docs: int = 0,
    ) -> None:
        """``df_min_tf``: a passing mention below this weight does not make a term common.
        ``min_docs``: score rarity as if there were at least this many documents, so a tiny
        knowledge base (an override folder on its own) is not scored as all-common words."""
        self.size = len(docs)
        population = max(self.size, min_docs)
        lengths = [sum(doc.values()) for doc in docs]
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        doc_freq: dict[str, int] = {}
        for doc in docs:
            for term, tf in doc.items():
                counted = 1 if tf >= df_min_tf else 0
                doc_freq[term] = doc_freq.get(term, 0) + counted
        self.idf: dict[str, float] = {
            term: math.log(1.0 + (population - max(df, 1) + 0.5) / (max(df, 1) + 0.5))
            for term, df in doc_freq.items()
        }
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for i, doc in enumerate(docs):
            norm = k1 * (1.0 - b + b * lengths[i] / (average or 1.0))
            for term, tf in doc.items():
                weight = self.idf[term] * tf * (k1 + 1.0) / (tf + norm)
                self.postings.setdefault(term, []).append((i, weight))

    def scores(self, query: Mapping[str, float]) -> dict[int, float]:
        """Score of every document sharing at least one term with the query."""
        totals: dict[int, float] = {}
        for term, qweight in query.items():
            for doc, weight in self.postings.get(term, ()):
                totals[doc] = totals.get(doc, 0.0) + qweight * weight
        return totals
