// QuorumSupport: what every stage of Quorum shares and nothing of Quorum's own subject.
// Diagnostics (`path:line:col: error: message [code]`, collected in a DiagnosticLog and
// printed as text, JSON or GitHub annotations), calendar dates, numbers as reports print
// them, slugs, safe relative output paths and the parallel map that runs work on every
// core. It must not know about files, markdown, content, or any Quorum domain.
