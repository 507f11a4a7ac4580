"""Stage 3, frames: what each claim counts and when, read from its sentence and document.

Between extraction and the rules: the rule matcher checks a fact's terms against a claim's
frame, and the cross-article check compares frames, not word bags.
"""
from factcheck.frames.document import FrameReader
from factcheck.frames.model import Frame, compatible

__all__ = ["Frame", "FrameReader", "compatible"]
