"""Helpers for the report's browser tests: headless Chromium over the DevTools protocol."""
