import IMAPCore
import Testing

@Suite struct SequenceSetTests {
    @Test func compressesUIDs() {
        #expect(SequenceSet(uids: [9, 1, 2, 3, 3, 5, 10, 11]).description == "1:3,5,9:11")
        #expect(SequenceSet(uids: [UInt32.max, UInt32.max - 1]).description == "4294967294:4294967295")
        #expect(SequenceSet.from(12).description == "12:*")
    }

    @Test func parsesAndExpands() {
        let set = SequenceSet.parse("1:3,7,10:9")
        #expect(set?.expanded(limit: 100) == [1, 2, 3, 7, 9, 10])
        #expect(SequenceSet.parse("5:*")?.expanded(limit: 100) == nil)
        #expect(SequenceSet.parse("1:1000")?.expanded(limit: 100) == nil)
        #expect(SequenceSet.parse("1,,2") == nil)
        #expect(SequenceSet.parse("") == nil)
        #expect(SequenceSet.parse("a") == nil)
    }
}
