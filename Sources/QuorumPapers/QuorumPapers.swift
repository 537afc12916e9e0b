// QuorumPapers: committee papers as data. A paper's front matter, class (open or exempt),
// its outline in the standard sections, directives as data, and annual updates: their
// reporting period, the snapshots they compare and the plain-English text Quorum writes
// from the workforce figures and the action plan. It draws on QuorumWorkforce,
// QuorumStrategy and QuorumMicrosite; it must not know about templates, HTML or output
// files (numbering and rendering a paper is QuorumSite's `PaperLayout`).
