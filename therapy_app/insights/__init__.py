"""Insights: pandas frames and Altair charts over a person's entries (built via services)."""
