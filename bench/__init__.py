"""Benchmarks (not tests): `make bench` prints figures side by side with peer tools."""
