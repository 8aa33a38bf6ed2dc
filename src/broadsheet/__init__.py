"""broadsheet: newspaper pages (raw extracted text or PDFs) restored to clean, structured articles."""

from . import extensions

extensions.prefer_current_sources()  # before any stage is imported: see broadsheet.extensions

from .api import restore, restore_bytes, restore_file
from .errors import BadInputError, BroadsheetError, ScannedPageError, TooLargeError
from .model import Article, Block, Document, Line, Page, Removal, SourcedText
from .repair import REPAIRS

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BadInputError",
    "Block",
    "BroadsheetError",
    "Document",
    "Line",
    "Page",
    "REPAIRS",
    "Removal",
    "ScannedPageError",
    "SourcedText",
    "TooLargeError",
    "__version__",
    "restore",
    "restore_bytes",
    "restore_file",
]
