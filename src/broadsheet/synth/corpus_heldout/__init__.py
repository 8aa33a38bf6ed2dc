"""Held-out article text for the synthesizer, one module per script, in the markup of
:mod:`broadsheet.synth.corpus`.

Written apart from the shipped corpus, and deliberately unlike it in the conventions papers
vary (bylines, datelines, sign-offs, credits, quotes, numbers, lists, paragraph and headline
lengths), so that pages set from it (``broadsheet synth --corpus heldout``) measure how the
rules carry over to text they were never tuned on. Never read these pages when tuning a
rule; score them in aggregate only (docs/synth.md).

Everything here is invented: people and organisations are fictional, cities may be real.
"""
