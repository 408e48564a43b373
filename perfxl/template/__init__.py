"""The standard template as data (layout: where each field of perfxl.core.fields sits) and its
fixed texts; the workbook is built from it by perfxl.io.template_book."""
