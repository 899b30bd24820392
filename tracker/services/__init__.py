"""The core: one module per area. Services take a Session (and a clock where time matters),
flush but never commit (the face owns the transaction), and raise DomainError subclasses."""
