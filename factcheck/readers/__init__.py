"""The Markdown and HTML readers behind ``factcheck.documents`` (use that module's API)."""
