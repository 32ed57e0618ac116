"""Architectures: the model, the proposal, anti-patterns, diagrams, exports, decomposition.

Everything here except the Django glue is pure Python with no Django import.
"""
