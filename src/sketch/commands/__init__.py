"""One module per command; each registers itself on `sketch.cli_app.app` when imported."""
