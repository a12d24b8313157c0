"""`sketch embed`: marker regions in the user's Markdown notes, regenerated in place.

- `markers`: finding `<!-- sketch: ... -->` regions, byte-exact
- `sections`: what each section name puts between the markers
- `plan`: a note planned in memory, then written atomically
"""
