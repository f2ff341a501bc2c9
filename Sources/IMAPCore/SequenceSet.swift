/// An IMAP `sequence-set` (RFC 9051 §9, `seq-number`/`seq-range`), used here for UIDs:
/// `1:5,7,10:*`. Built compressed from a list of UIDs so that long UID lists stay short on the wire.
public struct SequenceSet: Sendable, Hashable, CustomStringConvertible {
    /// `lower:upper`; `upper == nil` stands for `*` (the highest UID in the mailbox).
    public struct Range: Sendable, Hashable {
        public var lower: UInt32
        public var upper: UInt32?

        public init(_ lower: UInt32, _ upper: UInt32?) {
            self.lower = lower
            self.upper = upper
        }
    }

    public var ranges: [Range]

    public init(ranges: [Range]) {
        self.ranges = ranges
    }

    /// The given UIDs, sorted, without duplicates, consecutive runs joined into ranges.
    public init(uids: some Sequence<UInt32>) {
        var ranges: [Range] = []
        for uid in Set(uids).sorted() {
            if let last = ranges.last, let upper = last.upper, upper &+ 1 == uid, upper < UInt32.max {
                ranges[ranges.count - 1].upper = uid
            } else {
                ranges.append(Range(uid, uid))
            }
        }
        self.ranges = ranges
    }

    /// `first:*`: every UID from `first` up to the highest. Note that servers always include the
    /// highest UID in `n:*`, even when it is below `n` (RFC 9051 §6.4.9).
    public static func from(_ first: UInt32) -> SequenceSet {
        SequenceSet(ranges: [Range(first, nil)])
    }

    public var isEmpty: Bool { ranges.isEmpty }

    public var description: String {
        ranges.map { range in
            switch range.upper {
            case nil: "\(range.lower):*"
            case let upper? where upper == range.lower: "\(upper)"
            case let upper?: "\(range.lower):\(upper)"
            }
        }.joined(separator: ",")
    }

    /// The UIDs this set names in ascending order, or nil when it contains `*` or more than
    /// `limit` numbers (a hostile `1:4294967295` must not allocate gigabytes).
    public func expanded(limit: Int) -> [UInt32]? {
        var result: [UInt32] = []
        for range in ranges {
            guard let upper = range.upper else { return nil }
            let low = min(range.lower, upper), high = max(range.lower, upper)
            guard Int(high - low) < limit - result.count else { return nil }
            result.append(contentsOf: low...high)
        }
        return Set(result).sorted()
    }

    /// Reads `1:5,7,10:*`; nil for anything else.
    public static func parse(_ text: some StringProtocol) -> SequenceSet? {
        var ranges: [Range] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.split(separator: ":", omittingEmptySubsequences: false)
            guard ends.count == 1 || ends.count == 2, let lower = UInt32(ends[0]) else { return nil }
            if ends.count == 1 {
                ranges.append(Range(lower, lower))
            } else if ends[1] == "*" {
                ranges.append(Range(lower, nil))
            } else if let upper = UInt32(ends[1]) {
                ranges.append(Range(lower, upper))
            } else {
                return nil
            }
        }
        return ranges.isEmpty ? nil : SequenceSet(ranges: ranges)
    }
}
