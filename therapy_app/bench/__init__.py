"""Benchmarks (`therapy-app bench ...`) and the headless-chromium driving they share with the
browser tests."""
