"""Shared pytest machinery: options, markers, submission loading, golden comparison."""
