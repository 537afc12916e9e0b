/// QuorumOffice reads and writes Office Open XML packages: Word documents (`DOCX/`) and
/// Excel workbooks (`XLSX/`). It knows zip packages (ZIPFoundation) and their XML parts
/// (XMLCoder, and a small typed writer for the parts it writes), and nothing of Quorum's
/// domain: callers map committee papers or workforce snapshots onto its plain models.
enum QuorumOffice {}
