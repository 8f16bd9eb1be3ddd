"""Use cases: one function each, the only write path. Web, API and CLI all call these."""
