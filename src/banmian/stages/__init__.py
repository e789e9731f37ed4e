"""Stages: Page -> measured lines -> labelled lines -> article drafts -> paragraphs.

Each stage is a named function; :mod:`banmian.pipeline` runs them in order and
records what each decided (``banmian parse --trace``).
"""
