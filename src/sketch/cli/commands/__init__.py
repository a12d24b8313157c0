"""One module per command; each registers itself on `sketch.cli.app.app` when imported."""
