Attribute VB_Name = "perfxlRibbon"
' perfxl ribbon callbacks: one Sub per button of the ribbon tab (customUI14.xml).
' Each one hands over to Python; the logic lives in perfxl/excel/ribbon.py.
' Keep this file ASCII: VBA source is stored in code page 1252.
Option Explicit

Sub OnCompute(control As IRibbonControl)
    RunPython "import perfxl.excel.ribbon as r; r.compute()"
End Sub

Sub OnValidate(control As IRibbonControl)
    RunPython "import perfxl.excel.ribbon as r; r.validate()"
End Sub

Sub OnClearMarks(control As IRibbonControl)
    RunPython "import perfxl.excel.ribbon as r; r.clear_marks()"
End Sub

Sub OnAddProject(control As IRibbonControl)
    RunPython "import perfxl.excel.ribbon as r; r.add_project()"
End Sub

Sub OnConsolidate(control As IRibbonControl)
    RunPython "import perfxl.excel.ribbon as r; r.consolidate()"
End Sub

Sub OnNewTemplate(control As IRibbonControl)
    RunPython "import perfxl.excel.ribbon as r; r.new_template()"
End Sub

Sub OnShowHelp(control As IRibbonControl)
    RunPython "import perfxl.excel.ribbon as r; r.show_help()"
End Sub
