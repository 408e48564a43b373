"""perfxl.core — the pure domain: values, model, policy, scoring, derived values, checks.

Imports only the Python standard library. Nothing here ever sees a workbook: everything arrives
as model objects whose fields remember where they came from (file, sheet, cell).
"""
