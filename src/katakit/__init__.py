"""katakit: turn pattern specs into kata skeletons, briefs and conformance suites."""

__version__ = "0.1.0"
