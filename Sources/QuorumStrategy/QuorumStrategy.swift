// QuorumStrategy: the workforce strategy's priorities and its action plan (read from the
// markdown tree of `action-plan.md`), and the summary of the plan's progress at a date.
// It must not know about papers, templates, HTML or output files.
