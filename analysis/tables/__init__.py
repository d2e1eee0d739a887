"""The curated data: vocabularies, schemas, validation and loading (`load.load_tables`),
and what every claim row carries once loaded."""
