import Foundation
import Glibc
import LocalServers
import Testing

/// A test process that crashes or is killed never stops its Dovecot (a daemon): the next server
/// started on the machine stops it and removes its folder, and leaves live processes' servers alone.
@Suite struct AbandonedDovecotTests {
    /// A server folder as `LocalDovecot` lays it out, owned by `owner`, with `sleep` standing in
    /// for the Dovecot master (it dies of SIGTERM as the master does).
    private func fakeServerFolder(owner: pid_t) throws -> (folder: String, master: pid_t) {
        let folder = "\(FileManager.default.temporaryDirectory.path)/support-intake-dovecot-fake-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: "\(folder)/run", withIntermediateDirectories: true)
        let master = try ChildProcess.spawn("sleep", ["60"])
        try "\(owner)\n".write(toFile: "\(folder)/owner.pid", atomically: false, encoding: .utf8)
        try "\(master)\n".write(toFile: "\(folder)/run/master.pid", atomically: false, encoding: .utf8)
        return (folder, master)
    }

    /// How the stand-in master ended: the signal that killed it, or nil if it exited.
    private func reap(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status & 0x7F == 0 ? nil : status & 0x7F
    }

    @Test func aServerLeftByADeadProcessIsStoppedAndItsFolderRemoved() throws {
        let gone = try ChildProcess.spawn("true", [])
        _ = reap(gone)
        let abandoned = try fakeServerFolder(owner: gone)

        let server = try LocalDovecot(tls: false, lmtp: false)
        defer { server.stop() }

        #expect(!FileManager.default.fileExists(atPath: abandoned.folder))
        #expect(reap(abandoned.master) == SIGTERM)
        #expect(FileManager.default.fileExists(atPath: "\(server.directory)/owner.pid"))
    }

    @Test func aServerOfALiveProcessIsLeftRunning() throws {
        let live = try fakeServerFolder(owner: getpid())
        defer {
            kill(live.master, SIGKILL)
            _ = reap(live.master)
            try? FileManager.default.removeItem(atPath: live.folder)
        }

        let server = try LocalDovecot(tls: false, lmtp: false)
        defer { server.stop() }

        #expect(FileManager.default.fileExists(atPath: live.folder))
        #expect(kill(live.master, 0) == 0)
    }
}
