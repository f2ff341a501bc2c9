import IMAPCore
import Testing

/// RFC 3501 §5.1.3 mailbox name encoding, including the RFC's own example.
@Suite struct ModifiedUTF7Tests {
    static let pairs: [(String, String)] = [
        ("INBOX", "INBOX"),
        ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
        ("Tom & Jerry", "Tom &- Jerry"),
        ("Entwürfe", "Entw&APw-rfe"),
        ("Gelöschte Elemente", "Gel&APY-schte Elemente"),
        ("😀", "&2D3eAA-"),
    ]

    @Test(arguments: pairs)
    func encodes(_ name: String, _ encoded: String) {
        #expect(ModifiedUTF7.encode(name) == encoded)
    }

    @Test(arguments: pairs)
    func decodes(_ name: String, _ encoded: String) {
        #expect(ModifiedUTF7.decode(encoded) == name)
    }

    @Test("invalid encodings are rejected", arguments: ["&", "&U,BTFw", "&!!-", "&2D0-"])
    func rejects(_ encoded: String) {
        #expect(ModifiedUTF7.decode(encoded) == nil)
    }
}
