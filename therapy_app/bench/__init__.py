"""Benchmarks that print JSON (`therapy-app bench ...`): seeding, measuring, reporting."""
