"""One module per command; `sketch.cli` registers their functions on the app."""
