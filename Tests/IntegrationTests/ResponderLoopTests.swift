import Foundation
import MailCore
import Testing

/// Issue 5's loop test: the customer's side answers every mail it gets with an out-of-office
/// reply, in the three shapes seen in the wild. We must answer each original request once and
/// never answer the auto-responder.
@Suite(.serialized)
struct ResponderLoopTests {
    /// How an auto-responder on the customer's side answers one of our replies.
    enum Responder: CaseIterable {
        /// RFC 3834 headers, threaded.
        case wellBehaved
        /// No Auto-Submitted header, threaded, absence wording (many webmailers).
        case headerless
        /// No headers, not threaded, but our ticket tag stays in the subject.
        case unthreaded

        func answer(_ reply: ResponderRig.Reply, customer: String, round: Int) -> [UInt8] {
            let subject = reply.parsed.subject ?? ""
            let id = "oof-\(round)-\(reply.parsed.messageID ?? "")"
            let body = "Vielen Dank für Ihre Nachricht. Ich bin bis zum 7. Dezember nicht im Büro und habe "
                + "keinen Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an meine Kollegin."
            switch self {
            case .wellBehaved:
                return ResponderRig.answer(to: reply, from: customer, body: body, messageID: id,
                                           extraHeaders: "Auto-Submitted: auto-replied\r\n")
            case .headerless:
                return ResponderRig.answer(to: reply, from: customer, body: body, messageID: id)
            case .unthreaded:
                return Array(("From: \(customer)\r\nTo: \(ResponderRig.supportAddress)\r\n"
                    + "Subject: Abwesenheitsnotiz: \(subject)\r\nMessage-ID: <\(id)>\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\(body)\r\n").utf8)
            }
        }
    }

    @Test("an auto-responder answering every mail gets no more than one reply from us per original request",
          arguments: Responder.allCases)
    func autoResponderLoop(responder: Responder) throws {
        let rig = try ResponderRig()
        let originals = try ["standard-de", "extended-de", "standard-en"].map(ResponderRig.example)
        let originalIDs = originals.compactMap { MessageParser.parse($0).messageID }
        try rig.dovecot.deliver(originals)
        #expect(try rig.poll().status == 0)
        var answered = Set<String>()
        for round in 1...3 {
            let fresh = try rig.replies().filter { !answered.contains($0.parsed.messageID ?? "") }
            for reply in fresh {
                answered.insert(reply.parsed.messageID ?? "")
                try rig.dovecot.deliver([responder.answer(reply, customer: reply.envelopeTo.first ?? "", round: round)])
            }
            #expect(try rig.poll().status == 0)
        }
        let byInbound = try rig.repliesByInbound()
        let counts = originalIDs.map { byInbound[$0]?.count ?? 0 }
        #expect(counts == [1, 1, 1], "replies per original request: \(counts)")
        #expect(try rig.replies().count == 3, "we answered an auto-responder: \(byInbound.keys.sorted())")
        #expect(answered.count == 3)
    }
}
