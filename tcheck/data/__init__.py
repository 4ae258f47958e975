"""Data tcheck ships as Python modules (loaded from their bytecode, no parsing at run time)."""
