"""Readers turn an input (bytes of extracted text, or a PDF) into lines with provenance."""
