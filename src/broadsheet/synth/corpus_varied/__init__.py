"""A tuning text corpus (fictional; written for broadsheet's cue rules).

Written apart from the shipped corpus (:mod:`broadsheet.synth.corpus`) to vary the conventions
real papers use for bylines, datelines, photo credits and sign-offs: Hong Kong, Taiwan and Macau
papers (Traditional), mainland and Singapore papers (Simplified), English-language papers and
wire services. Unlike the held-out text, it may be read and tuned on.
"""
