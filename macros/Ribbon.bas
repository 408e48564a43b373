Attribute VB_Name = "perfxlRibbon"
' perfxl ribbon callbacks: one Sub per button of the ribbon tab (customUI14.xml).
' Each one hands over to Python; the logic lives in perfxl/excel/ribbon.py.
' Keep this file ASCII: VBA source is stored in code page 1252.
Option Explicit

' RunPython passes ActiveWorkbook to Python: with no workbook open it would stop with error 91.
Private Function NoWorkbook() As Boolean
    NoWorkbook = ActiveWorkbook Is Nothing
    If NoWorkbook Then MsgBox ChrW(35831) & ChrW(20808) & ChrW(25171) & ChrW(24320) & ChrW(37096) & ChrW(38376) & ChrW(33258) & ChrW(35780) & ChrW(24037) & ChrW(20316) & ChrW(31807) & ChrW(12290) & vbCrLf & "Please open a department workbook first.", vbInformation, "perfxl"
End Function

' Buttons that do not need a department workbook open a blank one for RunPython to hand over.
Private Sub EnsureWorkbook()
    If ActiveWorkbook Is Nothing Then Workbooks.Add
End Sub

Sub OnCompute(control As IRibbonControl)
    If NoWorkbook() Then Exit Sub
    RunPython "import perfxl.excel.ribbon as r; r.compute()"
End Sub

Sub OnValidate(control As IRibbonControl)
    If NoWorkbook() Then Exit Sub
    RunPython "import perfxl.excel.ribbon as r; r.validate()"
End Sub

Sub OnClearMarks(control As IRibbonControl)
    If NoWorkbook() Then Exit Sub
    RunPython "import perfxl.excel.ribbon as r; r.clear_marks()"
End Sub

Sub OnAddProject(control As IRibbonControl)
    If NoWorkbook() Then Exit Sub
    RunPython "import perfxl.excel.ribbon as r; r.add_project()"
End Sub

Sub OnReport(control As IRibbonControl)
    If NoWorkbook() Then Exit Sub
    RunPython "import perfxl.excel.ribbon as r; r.report()"
End Sub

Sub OnConsolidate(control As IRibbonControl)
    EnsureWorkbook
    RunPython "import perfxl.excel.ribbon as r; r.consolidate()"
End Sub

Sub OnNewTemplate(control As IRibbonControl)
    EnsureWorkbook
    RunPython "import perfxl.excel.ribbon as r; r.new_template()"
End Sub

Sub OnShowHelp(control As IRibbonControl)
    EnsureWorkbook
    RunPython "import perfxl.excel.ribbon as r; r.show_help()"
End Sub
