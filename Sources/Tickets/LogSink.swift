/// How serious a log event is.
public enum LogLevel: String, Sendable, Hashable, Comparable {
    case debug, info, warning, error

    private var rank: Int {
        switch self {
        case .debug: 0
        case .info: 1
        case .warning: 2
        case .error: 3
        }
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rank < rhs.rank }
}

/// One log event: a stable dotted name and key/value fields in a stable order. Never put a
/// secret in a field.
public struct LogEvent: Sendable, Hashable {
    public var level: LogLevel
    public var name: String
    public var fields: [(key: String, value: String)]

    public init(_ level: LogLevel, _ name: String, _ fields: KeyValuePairs<String, String> = [:]) {
        self.level = level
        self.name = name
        self.fields = fields.map { (key: $0.key, value: $0.value) }
    }

    public func value(_ key: String) -> String? { fields.first { $0.key == key }?.value }

    public static func == (lhs: LogEvent, rhs: LogEvent) -> Bool {
        lhs.level == rhs.level && lhs.name == rhs.name
            && lhs.fields.map(\.key) == rhs.fields.map(\.key) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(level)
        hasher.combine(name)
        for field in fields {
            hasher.combine(field.key)
            hasher.combine(field.value)
        }
    }
}

/// Where the core sends its log events; the gateway writes them to stderr, tests collect them.
/// The core accepts a sink and never creates one.
public protocol LogSink: AnyObject {
    func log(_ event: LogEvent)
    /// Several events at once, in order (the intake passes on a committed chunk's events this way,
    /// so a sink that writes can write them together).
    func log(_ events: [LogEvent])
}

extension LogSink {
    public func log(_ events: [LogEvent]) {
        for event in events { log(event) }
    }
}

/// Collects events in memory: the twin for tests.
public final class InMemoryLogSink: LogSink {
    public private(set) var events: [LogEvent] = []

    public init() {}

    public func log(_ event: LogEvent) { events.append(event) }

    /// The events called `name`.
    public func events(named name: String) -> [LogEvent] { events.filter { $0.name == name } }
}

/// Holds events until the work they describe is committed; then `flush` passes them on.
final class PendingLogSink: LogSink {
    private var events: [LogEvent] = []

    func log(_ event: LogEvent) { events.append(event) }

    func flush(into sink: any LogSink) {
        sink.log(events)
        events.removeAll()
    }

    /// Drops events whose work was rolled back.
    func discard() { events.removeAll() }
}
