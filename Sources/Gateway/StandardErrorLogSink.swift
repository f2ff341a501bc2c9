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
    /// a system call per message on the committing thread. The lines are built as bytes: pieces
    /// joined as Strings cost ~10,000 instructions a line, 4 % of the committing thread.
    public func log(_ events: [LogEvent]) {
        let timestamp = UTCTimestamp.text(clock.now())
        var bytes: [UInt8] = []
        bytes.reserveCapacity(events.count * 100)
        for event in events where event.level >= minimumLevel {
            Self.appendLine(event, timestamp: timestamp, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        if !bytes.isEmpty { FileHandle.standardError.write(Data(bytes)) }
    }

    /// The line for `event` (without the newline).
    public static func line(_ event: LogEvent, timestamp: String) -> String {
        var bytes: [UInt8] = []
        appendLine(event, timestamp: timestamp, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendLine(_ event: LogEvent, timestamp: String, to bytes: inout [UInt8]) {
        appendRaw("ts=", to: &bytes)
        appendRaw(timestamp, to: &bytes)
        appendRaw(" level=", to: &bytes)
        appendRaw(event.level.rawValue, to: &bytes)
        appendRaw(" event=", to: &bytes)
        appendValue(event.name, to: &bytes)
        for field in event.fields {
            appendRaw(" ", to: &bytes)
            appendRaw(field.key, to: &bytes)
            appendRaw("=", to: &bytes)
            appendValue(field.value, to: &bytes)
        }
    }

    private static func appendRaw(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// `value` as it is, or `quoted` when it needs quotes. Byte by byte this is the same test as
    /// `quoted` makes scalar by scalar: every byte of a non-ASCII scalar is 0x80 or above, and such
    /// scalars need no quotes.
    private static func appendValue(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { utf8 in
            let plain = !utf8.isEmpty && !utf8.contains {
                $0 <= 0x20 || $0 == 0x7f || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "\\")
            }
            if plain {
                bytes.append(contentsOf: utf8)
            } else {
                bytes.append(contentsOf: quoted(String(decoding: utf8, as: UTF8.self)).utf8)
            }
        }
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
