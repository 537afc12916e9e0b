// QuorumContent: reading a content folder. Files are listed and read once (line ends,
// byte order marks, unreadable files and symbolic links handled here), YAML front matter
// and its typed fields, site.yaml, and the ordinary pages of `pages/`. Every bad input is
// reported at its file, line and column. It must not know about workforce figures,
// strategies, papers or the microsite, nor about templates, HTML pages or output.
