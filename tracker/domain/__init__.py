"""What every layer may use, beneath the core: domain errors (`errors`), who may see and change
what (`access`), local wall-clock time and its UTC instants (`timeutil`), shared validation
(`validation`), paging (`paging`), comparing short texts people write (`matching`) and the plain
rows the core hands to the outputs (`rows`).

Nothing here imports `tracker.services` or a face; importers, exporters, PDF and mail may use it.
"""
