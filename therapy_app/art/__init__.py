"""The art engine: numbers in, images out. Knows nothing of users or storage."""
