import Foundation
import Testing
import Replies

@Suite("Loop protection (RFC 3834)")
struct LoopGuardTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)
    static let loopGuard = LoopGuard(support: SupportIdentity(address: "support@example-hosting.de", name: "Support"))

    static func situation(category: String = "standard", recipient: String = "kunde@example.org",
                          edit: (inout LoopGuard.Situation) -> Void = { _ in }) -> LoopGuard.Situation {
        var situation = LoopGuard.Situation(category: category, recipient: recipient, now: now)
        edit(&situation)
        return situation
    }

    @Test("a plain customer request may be answered", arguments: ["standard", "extended"])
    func answersCustomers(category: String) {
        #expect(Self.loopGuard.suppressionReason(Self.situation(category: category)) == nil)
    }

    @Test("no automatic reply for these categories", arguments: ["automated", "ignore"])
    func categoriesWithoutReply(category: String) {
        #expect(Self.loopGuard.suppressionReason(Self.situation(category: category))?.contains(category) == true)
    }

    @Test("machine and own addresses are never answered", arguments: [
        "MAILER-DAEMON@mx.example.org", "postmaster@example.org", "noreply@shop.example", "no-reply@bank.example",
        "bounces+123@lists.example", "support@example-hosting.de", "SUPPORT@Example-Hosting.de", "", "not-an-address",
    ])
    func machineRecipients(recipient: String) {
        #expect(Self.loopGuard.suppressionReason(Self.situation(recipient: recipient)) != nil)
    }

    @Test("header signals of automatic mail suppress the reply even if the classifier missed them", arguments: [
        "auto-submitted", "precedence-bulk", "precedence-junk", "list", "suppress-oof", "empty-return-path", "own-message",
    ])
    func headerSignals(signal: String) {
        let situation = Self.situation { s in
            switch signal {
            case "auto-submitted": s.autoSubmitted = "auto-replied"
            case "precedence-bulk": s.precedence = "bulk"
            case "precedence-junk": s.precedence = " Junk "
            case "list": s.hasListHeaders = true
            case "suppress-oof": s.autoResponseSuppress = "OOF, AutoReply"
            case "empty-return-path": s.returnPath = "<>"
            default: s.inboundMessageID = "ticket-17.faq-reply.abc@example-hosting.de"
            }
        }
        #expect(Self.loopGuard.suppressionReason(situation) != nil)
    }

    @Test("Auto-Submitted: no and a normal Return-Path do not suppress")
    func humanSignals() {
        let situation = Self.situation { s in
            s.autoSubmitted = "no"
            s.returnPath = "<kunde@example.org>"
            s.precedence = "normal"
        }
        #expect(Self.loopGuard.suppressionReason(situation) == nil)
    }

    @Test("per-recipient budget: 3 per hour, 10 per day")
    func budget() {
        let minutesAgo = { (minutes: Double) in Self.now.addingTimeInterval(-minutes * 60) }
        let twoThisHour = Self.situation { $0.earlierReplies = [minutesAgo(5), minutesAgo(50)] }
        #expect(Self.loopGuard.suppressionReason(twoThisHour) == nil)
        let threeThisHour = Self.situation { $0.earlierReplies = [minutesAgo(5), minutesAgo(20), minutesAgo(59)] }
        #expect(Self.loopGuard.suppressionReason(threeThisHour)?.contains("hour") == true)
        let threeOlder = Self.situation { $0.earlierReplies = [minutesAgo(61), minutesAgo(90), minutesAgo(120)] }
        #expect(Self.loopGuard.suppressionReason(threeOlder) == nil)
        let tenToday = Self.situation { $0.earlierReplies = (0..<10).map { minutesAgo(Double(70 + $0 * 60)) } }
        #expect(Self.loopGuard.suppressionReason(tenToday)?.contains("day") == true)
    }
}
