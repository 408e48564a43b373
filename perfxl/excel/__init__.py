"""Excel door: xlwings ribbon actions, UDFs and the add-in builder."""
