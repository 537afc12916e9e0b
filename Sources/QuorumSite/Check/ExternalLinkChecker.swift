import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
import QuorumSupport
#endif

/// Asks the servers of a site's `http:`/`https:` links whether the pages still exist
/// (`quorum check --external`). Every problem is a warning: some servers refuse robots or
/// are down for an hour, and that is no reason to stop a paper.
///
/// Bounded: at most `maxRequests` links are checked, `concurrency` at a time, each given
/// `timeout` seconds. A `HEAD` a server refuses (405, 501) is tried again with `GET`.
package struct ExternalLinkChecker: Sendable {
    package var timeout: Double
    package var maxRequests: Int
    package var concurrency: Int

    package init(timeout: Double = 10, maxRequests: Int = 200, concurrency: Int = 4) {
        // A timeout the URL session cannot hold (nan, inf, 1e308) would stop the process;
        // the command line refuses them, and a library caller gets the default.
        self.timeout = timeout.isFinite && timeout > 0 ? min(timeout, 600) : 10
        self.maxRequests = max(0, maxRequests)
        self.concurrency = max(1, concurrency)
    }

    /// One warning per place a failing link is written, sorted.
    package func check(_ links: [ExternalLink]) async -> [Diagnostic] {
        let checked = Array(links.prefix(maxRequests))
        var diagnostics: [Diagnostic] = []
        if links.count > checked.count, let first = links[checked.count].locations.first {
            diagnostics.append(.warning(first, "\(links.count - checked.count) external links were not checked: "
                                        + "the limit is \(maxRequests) requests (--external-limit)",
                                        code: "external-link-limit"))
        }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpAdditionalHeaders = ["User-Agent": "Quorum link checker"]
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let problems = await withTaskGroup(of: (Int, String?).self) { group in
            var results = [String?](repeating: nil, count: checked.count)
            var next = 0
            func start(_ index: Int) {
                let url = checked[index].url
                group.addTask { (index, await self.problem(with: url, session: session)) }
            }
            while next < min(concurrency, checked.count) { start(next); next += 1 }
            for await (index, problem) in group {
                results[index] = problem
                if next < checked.count { start(next); next += 1 }
            }
            return results
        }
        for (link, problem) in zip(checked, problems) {
            guard let problem else { continue }
            for location in link.locations {
                diagnostics.append(.warning(location, "external link '\(link.url)' \(problem)", code: "external-link"))
            }
        }
        return diagnostics.sorted()
    }

    /// nil when the link works; otherwise what went wrong, to follow the link in a message.
    func problem(with address: String, session: URLSession) async -> String? {
        guard let url = URL(string: address), url.host != nil else { return "is not a valid address" }
        do {
            var status = try await self.status(of: url, method: "HEAD", session: session)
            if status == 405 || status == 501 || status == 403 {
                status = try await self.status(of: url, method: "GET", session: session)
            }
            return (200..<400).contains(status) ? nil : "answered HTTP \(status)"
        } catch let error as URLError where error.code == .timedOut {
            return "did not answer within \(Int(timeout.rounded(.up))) s"
        } catch {
            return "could not be reached: \(error.localizedDescription)"
        }
    }

    private func status(of url: URL, method: String, session: URLSession) async throws -> Int {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        let (_, response) = try await session.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}
