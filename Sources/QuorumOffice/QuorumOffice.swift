// QuorumOffice: reading and writing office documents, apart from Quorum's domain.
//
// `XLSX/` reads Excel workbooks (OOXML SpreadsheetML) into a plain grid: `Workbook` opens the
// zip package with ZIPFoundation and lists its sheets; `Worksheet` holds rows of `Cell`s, each
// with its `CellReference` (`Sheet1!E9`), its raw `CellValue`, its `NumberFormat` kind
// (percent, date, text...) and its formula, plus merged ranges and hidden rows and columns.
// It knows packages, parts and cells, never snapshots: the workforce loader decides what a
// percent-formatted cell or a formula without a cached value means for a figure. Every bad
// input (a corrupt zip, a missing part, malformed XML, a zip bomb) is a thrown
// `WorkbookError` with a message that names the part or cell, never a crash.
