#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A short command run to its end, its standard input and output `/dev/null`: started with
/// `posix_spawn` and waited for with `waitpid`.
///
/// Foundation's `Process` started one child at a time on Linux (a paper's charts, drawn on
/// two cores, ran one `rsvg-convert` after another) and `waitUntilExit` looks for the end
/// only every 50 ms. Several of these run at once, each on its own thread.
package enum QuickCommand {
    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    /// The command's exit status, or the number of the signal that ended it (as `Process`
    /// reports `terminationStatus`).
    package static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        // Signals as a new program expects them, whatever this process blocks or ignores.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var child = pid_t()
        let started = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        guard started == 0 else {
            throw Failure(description: "\(executable) could not be started: \(String(cString: strerror(started)))")
        }
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(description: "\(executable): waiting for it failed: \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED, WEXITSTATUS and WTERMSIG, which Swift does not import.
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : signal
    }
}
