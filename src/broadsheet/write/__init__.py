"""Writers: the JSON contract, Markdown, plain text (and the HTML report)."""
