"""Storage: ports (Protocols) and their adapters. Domain code depends on the port only."""

from claimdiff.store.ports import ClaimStore

__all__ = ["ClaimStore"]
