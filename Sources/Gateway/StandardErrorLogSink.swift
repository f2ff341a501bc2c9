public import Foundation
public import Tickets

/// Writes one line per event to stderr with stable keys:
/// `ts=2026-11-29T18:46:49.123Z level=info event=intake.ticketed mailbox=INBOX uid=12 ticket=1005`.
/// Values with spaces, quotes or control characters are quoted and escaped, so an event never
/// spans two lines. Events below `minimumLevel` are dropped.
public final class StandardErrorLogSink: LogSink {
    private let minimumLevel: LogLevel
    private let clock: any Clock

    public init(minimumLevel: LogLevel = .info, clock: any Clock) {
        self.minimumLevel = minimumLevel
        self.clock = clock
    }

    public func log(_ event: LogEvent) {
        log([event])
    }

    /// One write for all of `events`: the intake logs a line per message, and a write per line was
    /// a system call per message on the committing thread.
    public func log(_ events: [LogEvent]) {
        let timestamp = UTCTimestamp.text(clock.now())
        var text = ""
        for event in events where event.level >= minimumLevel {
            text += Self.line(event, timestamp: timestamp)
            text += "\n"
        }
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// The line for `event` (without the newline).
    public static func line(_ event: LogEvent, timestamp: String) -> String {
        var parts = ["ts=\(timestamp)", "level=\(event.level.rawValue)", "event=\(quoted(event.name))"]
        for field in event.fields { parts.append("\(field.key)=\(quoted(field.value))") }
        return parts.joined(separator: " ")
    }

    static func quoted(_ value: String) -> String {
        let plain = !value.isEmpty && value.unicodeScalars.allSatisfy {
            $0.value > 0x20 && $0.value != 0x7f && $0 != "\"" && $0 != "=" && $0 != "\\"
        }
        if plain { return value }
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    text += String(format: "\\u%04x", scalar.value)
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }
}

/// The system's clock.
public final class SystemClock: Clock {
    public init() {}

    public func now() -> Date { Date() }
}
