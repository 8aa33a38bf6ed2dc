"""Fictional news articles written for the synthesizer, one module per script.

Each module holds ``TEXT`` in a small line markup (parsed by :mod:`broadsheet.synth.corpus_format`):

    === <kind> <id>        kind is "article" or "box" (a framed bullet box)
    # headline
    ## deck                (zero or more)
    @ byline
    ### subhead
    - list item
    ! caption text | credit
    ~ sign-off
    any other non-empty line is one paragraph

Everything here is invented: people and organisations are fictional, cities may be real.
"""
