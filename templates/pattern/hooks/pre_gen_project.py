"""Refuse a slug or class name that cannot be a Python identifier (before anything is written)."""

import keyword
import re
import sys

for label, value in (("slug", "{{ cookiecutter.slug }}"), ("class_name", "{{ cookiecutter.class_name }}")):
    if not re.fullmatch(r"[a-z_][a-z0-9_]*" if label == "slug" else r"[A-Za-z_][A-Za-z0-9_]*", value) or keyword.iskeyword(value):
        print(f"kata new: {label} {value!r} must be a Python identifier" + (" in snake_case" if label == "slug" else ""), file=sys.stderr)
        sys.exit(1)
