"""Generated parts for the user's own notes: Mermaid, `sketch embed` regions, HTML, Jupyter.

- `mermaid`: architecture flowchart, sequence diagrams, ER diagram (escaping in `mermaid_text`)
- `markers` + `embed` + `sections`: `sketch embed`, regions regenerated in place
- `html`: one self-contained page; `jupyter`: a `Design`'s rich display
- `scaffold`: the `sketch new` template
"""
