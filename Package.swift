// swift-tools-version:6.0
// support-intake: an email-driven support intake gateway.
// No SwiftPM package dependencies: only the toolchain and Debian's libcurl and libsqlite3.
import PackageDescription

/// Strict settings for every Swift target: Swift 6 language mode (complete concurrency checking)
/// plus the upcoming features that make dependencies and existentials explicit. Release builds link
/// the Swift runtime and Foundation statically (every target must say so, for its autolink entries):
/// start-up falls from about 60 ms to about 10 ms, which dominates short runs such as `parse --stats`.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .unsafeFlags(["-static-stdlib"], .when(configuration: .release)),
]

/// The link half of the static runtime (see `strict`), for every executable.
let staticRuntime: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]

let package = Package(
    name: "support-intake",
    products: [
        .executable(name: "support-intake", targets: ["support-intake"]),
    ],
    targets: [
        // System C libraries (Debian packages), plus a typed shim for curl's variadic functions.
        // CCurl gives the headers only: CCurlShim loads libcurl.so.4 on first use (see curl_shim.c).
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        // SHA-256 compression with the x86 SHA extensions when the CPU has them (portable C otherwise),
        // for Tickets' content hashes: pure computation, no I/O.
        .target(name: "CSHA256"),

        // Pure core: values in, values out. No sockets, files, clock or environment.
        .target(name: "MailCore", swiftSettings: strict),
        .target(name: "IMAPCore", swiftSettings: strict),
        .target(name: "Triage", dependencies: ["MailCore"], swiftSettings: strict),
        .target(name: "Tickets", dependencies: ["CSHA256", "MailCore", "Triage"], swiftSettings: strict),
        .target(name: "Replies", dependencies: ["MailCore", "Tickets"], swiftSettings: strict),

        // Adapters: the only code that talks to servers and disks.
        .target(name: "MailTransport", dependencies: ["CCurl", "CCurlShim", "IMAPCore", "Tickets"], swiftSettings: strict),
        .target(name: "TicketStoreSQLite", dependencies: ["CSQLite", "MailCore", "Tickets"], swiftSettings: strict),

        // Wiring: configuration, the intake pipeline, command implementations.
        .target(name: "Gateway",
                dependencies: ["MailCore", "Triage", "Tickets", "Replies", "MailTransport", "TicketStoreSQLite"],
                swiftSettings: strict),
        .executableTarget(name: "support-intake", dependencies: ["Gateway"], swiftSettings: strict,
                          linkerSettings: staticRuntime),

        // Throwaway servers on loopback (Dovecot, ports, child processes) for the integration tests
        // and the benchmarks; never linked into the gateway.
        .target(name: "LocalServers", swiftSettings: strict),

        // Benchmarks are programs (release build), never timed tests.
        .executableTarget(name: "parse-benchmark", dependencies: ["MailCore"], swiftSettings: strict,
                          linkerSettings: staticRuntime),
        .executableTarget(name: "classify-benchmark", dependencies: ["MailCore", "Triage"], swiftSettings: strict,
                          linkerSettings: staticRuntime),
        .executableTarget(name: "intake-benchmark", dependencies: ["Gateway", "LocalServers", "MailTransport", "TicketStoreSQLite"],
                          swiftSettings: strict, linkerSettings: staticRuntime),
        // Fuzzing entry point over the parser (see README, "Fuzzing").
        .executableTarget(name: "parse-fuzz", dependencies: ["MailCore"], swiftSettings: strict,
                          linkerSettings: staticRuntime),

        .testTarget(name: "MailCoreTests", dependencies: ["MailCore"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "TriageTests", dependencies: ["Triage", "MailCore"], exclude: ["Corpus"], swiftSettings: strict),
        .testTarget(name: "RepliesTests", dependencies: ["Replies", "MailCore", "Tickets"], swiftSettings: strict),
        .testTarget(name: "IMAPCoreTests", dependencies: ["IMAPCore"], swiftSettings: strict),
        .testTarget(name: "TicketsTests", dependencies: ["Tickets", "MailCore", "Triage"], swiftSettings: strict),
        .testTarget(name: "IntegrationTests",
                    dependencies: ["Gateway", "LocalServers", "MailTransport", "TicketStoreSQLite", "Tickets", "MailCore"],
                    swiftSettings: strict),
    ]
)
