"""Merging a new template into a language's catalogue without losing a single translation.

Babel's `Catalog.update` does the merge: new strings are added, strings gone from the source
become obsolete (`#~`), and everything else keeps its translation. Story strings have stable
contexts ('scene:cotton_debt:text:2'), so instead of Babel's guess by similar wording we match
an edited string to its old translation by context, and mark it fuzzy with the old English kept
as `#| msgid`. A paragraph that only moved (same words, new number) keeps its translation.
"""

from __future__ import annotations

import re

from babel.messages.catalog import Catalog, Message

from game.authoring.review import source_changed

_NUMBERED = re.compile(r":\d+\Z")


def owner(context: str | None) -> str:
    """The context without its paragraph number: where a string belongs, not its position."""
    return _NUMBERED.sub("", context or "")


def _key(message: Message) -> tuple[str, str]:
    return (message.context or "", message.id if isinstance(message.id, str) else message.id[0])


def merge(catalog: Catalog, template: Catalog, by_context: bool) -> Catalog:
    """Update `catalog` from `template` in place (and return it); see the module's doc."""
    previous = {_key(m): m.previous_id for m in catalog if m.id and m.fuzzy and m.previous_id}
    catalog.update(template, no_fuzzy_matching=by_context, update_header_comment=False)
    if by_context:
        new = [m for m in catalog if m.id and not m.string]
        _adopt(catalog, new, lambda m: (owner(m.context), m.id), fuzzy=False)
        _adopt(catalog, [m for m in new if not m.string], lambda m: m.context, fuzzy=True)
    for message in catalog:
        if message.id and message.fuzzy:
            message.previous_id = message.previous_id or previous.get(_key(message), [])
            source_changed(message)
    return catalog


def _adopt(catalog: Catalog, messages: list[Message], key, fuzzy: bool) -> None:
    """Give each message the translation of the obsolete entry with the same key, if any."""
    pool = {key(m): k for k, m in catalog.obsolete.items() if m.string and m.context}
    for message in messages:
        old_key = pool.get(key(message))
        if old_key is None or old_key not in catalog.obsolete:
            continue
        old = catalog.obsolete.pop(old_key)
        message.string = old.string
        message.user_comments = list(old.user_comments)
        message.flags |= old.flags
        if fuzzy and old.id != message.id:
            message.flags.add("fuzzy")
            message.previous_id = [old.id] if isinstance(old.id, str) else list(old.id)
