// QuorumServe: `quorum serve`, the preview server. It builds the site with QuorumSite,
// serves the output on 127.0.0.1 through a bounded HTTP/1.1 loop of its own, reloads open
// pages by server-sent events and rebuilds when the content or templates change (inotify).
// Nothing else depends on it: the build must never need a server.
