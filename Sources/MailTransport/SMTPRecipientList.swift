internal import CCurl

/// The recipients as the `curl_slist` CURLOPT_MAIL_RCPT wants, freed in `deinit`.
/// libcurl copies nothing from it, so it must outlive the `curl_easy_perform` that uses it.
final class SMTPRecipientList {
    let pointer: UnsafeMutablePointer<curl_slist>

    init(_ recipients: [String], url: String) throws {
        var list: UnsafeMutablePointer<curl_slist>?
        for recipient in recipients {
            guard let extended = curl_slist_append(list, recipient) else {
                curl_slist_free_all(list)
                throw SMTPSenderError(.configuration, url: url, detail: "curl_slist_append failed: out of memory")
            }
            list = extended
        }
        guard let list else { throw SMTPSenderError(.configuration, url: url, detail: "no recipients") }
        pointer = list
    }

    deinit {
        curl_slist_free_all(pointer)
    }
}
