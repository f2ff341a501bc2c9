import Foundation

/// The parts of `IMAPConfiguration.url` the session needs, checked once: the URL libcurl
/// connects to (no path, no credentials), whether TLS is implicit, and the mailbox.
struct Endpoint: Sendable {
    var connectURL: String
    var implicitTLS: Bool
    var mailbox: String

    init(_ configuration: IMAPConfiguration) throws {
        guard let components = URLComponents(string: configuration.url),
              let scheme = components.scheme?.lowercased(), let host = components.percentEncodedHost, !host.isEmpty else {
            throw IMAPSessionError(.configuration, url: "(unparsable URL)",
                                   detail: "the IMAP url is not of the form imaps://host[:port]/MAILBOX")
        }
        guard scheme == "imap" || scheme == "imaps" else {
            throw IMAPSessionError(.configuration, url: "\(scheme)://\(host)",
                                   detail: "the IMAP url must start with imaps:// or imap://, not \(scheme)://")
        }
        implicitTLS = scheme == "imaps"
        let port = components.port.map { ":\($0)" } ?? ""
        connectURL = "\(scheme)://\(host)\(port)/"
        let path = components.percentEncodedPath.split(separator: ";").first.map(String.init) ?? ""
        let name = path.drop { $0 == "/" }
        mailbox = name.isEmpty ? "INBOX" : (String(name).removingPercentEncoding ?? String(name))
    }
}
