"""perfxl.io — the only layer that touches workbook files (openpyxl, python-calamine, XlsxWriter)."""
