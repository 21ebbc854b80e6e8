"""Benchmarks of the client against the raw urllib3 + `json.loads` floor: `python benchmarks/run.py`."""
