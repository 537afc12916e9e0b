// QuorumMicrosite: the recruitment microsite's own content: vacancies, staff testimonials
// and their consent, recruitment events, and what of them may be published at a date.
// It must not know about templates, HTML, feeds or output files (those are QuorumSite's).
