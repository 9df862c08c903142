"""claimdiff: compare what news outlets claim.

Public entry points: ``claimdiff.extract.extract_claims``, ``claimdiff.match.compare`` and
``claimdiff.match.check``; the Lambda use cases live in ``claimdiff.ingest`` and ``claimdiff.matching``.
"""

__version__ = "0.1.0"
