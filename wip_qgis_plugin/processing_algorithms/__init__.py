"""Processing provider ``wip`` and its algorithms (one module per algorithm)."""
