import Foundation

/// The parts of `SMTPConfiguration` libcurl needs, checked once: the URL to connect to (with
/// the EHLO name as its path, which is how libcurl takes it) and whether TLS is implicit.
struct SMTPEndpoint: Sendable {
    /// `smtp[s]://host[:port]/ehlo-name`, never with credentials.
    var connectURL: String
    /// `smtp[s]://host[:port]` for error messages.
    var redactedURL: String
    var implicitTLS: Bool

    /// RFC 5321 §4.1.4 allows a domain or an address literal; anything else could smuggle
    /// bytes into the EHLO line.
    static let maximumEHLONameLength = 253

    init(_ configuration: SMTPConfiguration) throws {
        guard let components = URLComponents(string: configuration.url),
              let scheme = components.scheme?.lowercased(), let host = components.percentEncodedHost, !host.isEmpty else {
            throw SMTPSenderError(.configuration, url: "(unparsable URL)",
                                  detail: "the SMTP url is not of the form smtps://host[:port] or smtp://host[:port]")
        }
        let port = components.port.map { ":\($0)" } ?? ""
        redactedURL = "\(scheme)://\(host)\(port)"
        guard scheme == "smtp" || scheme == "smtps" else {
            throw SMTPSenderError(.configuration, url: redactedURL,
                                  detail: "the SMTP url must start with smtps:// or smtp://, not \(scheme)://")
        }
        guard Self.isValidEHLOName(configuration.ehloName) else {
            throw SMTPSenderError(.configuration, url: redactedURL,
                                  detail: "the EHLO name \"\(configuration.ehloName)\" is not a domain name")
        }
        implicitTLS = scheme == "smtps"
        connectURL = "\(redactedURL)/\(configuration.ehloName)"
    }

    /// Letters, digits, hyphens and dots (or a bracketed IPv4/IPv6 literal), at most 253 characters.
    static func isValidEHLOName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= maximumEHLONameLength else { return false }
        let allowed = name.hasPrefix("[") && name.hasSuffix("]") ? "0123456789abcdefABCDEF.:[]" : ""
        return name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || allowed.utf8.contains(byte)
        }
    }
}
