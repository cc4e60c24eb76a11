"""Link stage: cross-document merging of people, entities, quotes, events, positions and sources."""
