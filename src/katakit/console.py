"""The two terminal consoles every command prints through (stdout for results, stderr for errors)."""

from __future__ import annotations

from rich.console import Console

# No emoji codes: a location such as `spec.yaml:100:9` must not print as "spec.yaml💯9".
out = Console(highlight=False, soft_wrap=True, emoji=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
