"""Errors broadsheet raises on purpose, each mapped by the CLI to an exit code.

    BroadsheetError            base; never raised itself
    ├── BadInputError          exit 1: missing, directory, binary, undecodable, empty,
    │   │                              encrypted, truncated or non-PDF input
    │   └── TooLargeError      exit 1: beyond the configured size limit
    └── ScannedPageError       exit 3: a PDF page with no text layer (OCR is not supported)
"""

from __future__ import annotations


class BroadsheetError(Exception):
    exit_code = 1

    def __init__(self, message: str, path: str | None = None):
        super().__init__(message)
        self.path = path

    def one_line(self) -> str:
        text = " ".join(str(self).split())
        return f"{self.path}: {text}" if self.path else text


class BadInputError(BroadsheetError):
    exit_code = 1


class TooLargeError(BadInputError):
    exit_code = 1


class ScannedPageError(BroadsheetError):
    exit_code = 3
