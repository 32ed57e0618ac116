"""Architectures: the model, the anti-pattern catalog and its detectors, diagrams and
exports, importers of deployment files, and monolith decomposition.

Pure Python with no Django import; it never imports `decider` (the decision side builds
on it, not the other way round). A test checks both.
"""
