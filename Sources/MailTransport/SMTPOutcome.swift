internal import CCurl

/// Turns what libcurl reports after a send (its code, the last response code, the server's
/// last reply) into the outbox's three outcomes, or a thrown sender-wide error.
struct SMTPOutcome {
    var curlError: CurlError?
    var responseCode: Int
    /// The server's replies during this send, oldest first.
    var replies: [SMTPReply]
    var url: String

    /// Replies that mean "log in first" or "login refused" (RFC 4954 §6): a sender problem, not the mail's.
    static let authenticationReplyCodes: Set<Int> = [454, 530, 534, 535, 538]

    private static let tlsCodes: Set<CURLcode> = [
        CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
        CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
        CURLE_SSL_CRL_BADFILE, CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED,
    ]
    private static let connectionCodes: Set<CURLcode> = [
        CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR,
        CURLE_PARTIAL_FILE, CURLE_WEIRD_SERVER_REPLY,
    ]
    private static let configurationCodes: Set<CURLcode> = [
        CURLE_UNSUPPORTED_PROTOCOL, CURLE_FAILED_INIT, CURLE_URL_MALFORMAT, CURLE_NOT_BUILT_IN, CURLE_OUT_OF_MEMORY,
        CURLE_BAD_FUNCTION_ARGUMENT, CURLE_UNKNOWN_OPTION,
    ]

    /// The server's words for the step libcurl reports on (its response code): the latest reply
    /// with that code, else the code alone.
    private var reply: SMTPReply? {
        guard responseCode > 0 else { return nil }
        return replies.last { $0.code == responseCode } ?? SMTPReply(code: responseCode, text: "")
    }

    func delivery() throws -> SMTPDelivery {
        guard let curlError else { return .sent(reply ?? SMTPReply(code: 250, text: "")) }
        let code = CURLcode(UInt32(clamping: max(0, curlError.code)))
        let failure = { (kind: SMTPFailure.Kind) in
            SMTPFailure(kind, reply: reply, curlCode: curlError.code, detail: curlError.message, url: url)
        }
        if code == CURLE_LOGIN_DENIED || Self.authenticationReplyCodes.contains(reply?.code ?? 0) {
            throw senderError(.authentication, "the server refused the login or requires one")
        }
        if code == CURLE_USE_SSL_FAILED {
            throw senderError(.cleartextRefused, "the server offers no STARTTLS, and sending or logging in "
                                  + "in clear text needs allowInsecure (meant for loopback tests only)")
        }
        if Self.tlsCodes.contains(code) { throw senderError(.tls, "TLS failed: \(curlError.message)") }
        if Self.configurationCodes.contains(code) { throw senderError(.configuration, curlError.message) }
        if code == CURLE_OPERATION_TIMEDOUT { return .transientFailure(failure(.timeout)) }
        switch reply?.code ?? 0 {
        case 500...599: return .permanentFailure(failure(.rejectedByServer))
        case 400...499: return .transientFailure(failure(.rejectedByServer))
        default: break
        }
        return .transientFailure(failure(Self.connectionCodes.contains(code) ? .connection : .transfer))
    }

    private func senderError(_ kind: SMTPSenderError.Kind, _ detail: String) -> SMTPSenderError {
        SMTPSenderError(kind, url: url, detail: detail, reply: reply, curlCode: curlError?.code)
    }
}
