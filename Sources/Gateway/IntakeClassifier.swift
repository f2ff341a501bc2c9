import Tickets

/// The one place where the intake gets its classifier, for both the cycle and `quarantine retry`.
/// Until the Triage issue lands there is none: tickets carry no handling (nil), and every mail
/// becomes a ticket. Wiring Triage means returning a closure here that maps its result to
/// `Classification` (category, suggested handling, confidence, reasons).
enum IntakeClassifier {
    static func make(_ configuration: GatewayConfiguration) throws -> IntakeCycle.Classify {
        { _ in nil }
    }
}
