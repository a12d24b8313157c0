"""Designs as data: YAML/JSON reading with positions, writing, JSON Schema, OpenAPI and SQL."""
