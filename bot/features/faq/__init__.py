"""FAQ feature: a small, hand-written knowledge base for carers and a matcher that finds
the right topic (or knows when to stay quiet).

The pure parts live here so they can be tested without the chat engine:
``knowledge`` loads and checks the Markdown topics, ``matcher`` picks the topic.
"""

from __future__ import annotations

from bot.features.faq.knowledge import (
    FaqEntry,
    KnowledgeBase,
    Problem,
    Source,
    check_knowledge_base,
    default_kb_dir,
    load_knowledge_base,
)
from bot.features.faq.matcher import FaqMatcher, Match

__all__ = [
    "FaqEntry",
    "FaqMatcher",
    "KnowledgeBase",
    "Match",
    "Problem",
    "Source",
    "check_knowledge_base",
    "default_kb_dir",
    "load_knowledge_base",
]
