// QuorumMarkdown: the cmark-gfm wrapper and nothing else. Markdown in, safe HTML or
// CommonMark out, with heading ids, task-list labels, the links written in the text and
// the parsed tree for the stages that read structure (sections, action plans). It must
// not know where markdown comes from (files, front matter) or what it is about.
