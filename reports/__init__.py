"""Exported reports (charts, HTML, Markdown) built from engine data; headless, no pygame."""
