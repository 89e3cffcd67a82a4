"""Use cases. Every function takes the acting user and checks access itself."""
