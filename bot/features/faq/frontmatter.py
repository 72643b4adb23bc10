"""Split a topic file into YAML front matter and a Markdown body, remembering line numbers.

Editors are not programmers, so every complaint must point at the line to fix. PyYAML's
node tree carries positions; we read it once for lines and once for plain values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

FENCE = "---"


@dataclass
class FrontMatter:
    """The parsed parts of one file. ``data`` is None when the front matter is unusable."""

    data: dict[str, object] | None
    body: str
    key_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    error: tuple[int, str] | None = None


def _is_fence(line: str) -> bool:
    return line.strip() == FENCE


def split_front_matter(text: str) -> FrontMatter:
    """Parse ``text``; on failure ``error`` holds (line, message) and ``data`` is None."""
    text = text.removeprefix("\ufeff")
    lines = text.splitlines()
    if not lines or not _is_fence(lines[0]):
        return FrontMatter(None, text, error=(1, "no front matter: the file must start with ---"))
    end = next((i for i in range(1, len(lines)) if _is_fence(lines[i])), None)
    if end is None:
        return FrontMatter(None, text, error=(1, "front matter is not closed: add a --- line"))
    yaml_text = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :]).strip()
    offset = 2  # YAML line 0 is file line 2 (line 1 is the opening ---)
    try:
        node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(yaml_text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + offset if mark is not None else 1
        reason = exc.problem or "unreadable YAML"
        return FrontMatter(None, body, error=(line, f"front matter is not valid YAML: {reason}"))
    except yaml.YAMLError as exc:
        return FrontMatter(None, body, error=(1, f"front matter is not valid YAML: {exc}"))
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return FrontMatter(
            None, body, error=(2, "front matter must be a list of 'name: value' lines")
        )
    result = FrontMatter({str(k): v for k, v in data.items()}, body)
    for key_node, value_node in node.value:
        key = str(key_node.value)
        result.key_lines[key] = key_node.start_mark.line + offset
        if isinstance(value_node, yaml.SequenceNode):
            result.item_lines[key] = [item.start_mark.line + offset for item in value_node.value]
    return result
