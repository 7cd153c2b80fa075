"""claimkb's knowledge base: records, ledger, graph, checks and the command line."""
