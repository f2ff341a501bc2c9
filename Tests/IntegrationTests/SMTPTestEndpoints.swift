import Foundation
import MailTransport

/// Sender configurations for the SMTP tests, and a server that accepts connections but never
/// says a word (to prove that every wait is bounded).
enum SMTPTestEndpoints {
    static let supportAddress = "support@example-hosting.de"
    static let customer = "kunde@example.net"
    /// Short limits: a test that waits for a timeout must still finish in seconds.
    static let connectTimeout = 2.0
    static let responseTimeout = 2.0
    static let overallTimeout = 10.0

    static func configuration(port: Int, scheme: String = "smtp", username: String = "", password: String = "",
                              caFile: String? = nil, allowInsecure: Bool = false) -> SMTPConfiguration {
        SMTPConfiguration(url: "\(scheme)://127.0.0.1:\(port)", username: username, password: password, caFile: caFile,
                          allowInsecure: allowInsecure,
                          ehloName: SMTPConfiguration.ehloName(forSupportAddress: supportAddress) ?? "localhost",
                          connectTimeout: connectTimeout, responseTimeout: responseTimeout, overallTimeout: overallTimeout)
    }

    static func message(subject: String = "Ihre Anfrage", body: String) -> [UInt8] {
        Array("From: <\(supportAddress)>\r\nTo: <\(customer)>\r\nSubject: \(subject)\r\n\r\n\(body)".utf8)
    }
}
