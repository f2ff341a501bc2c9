import MailCore
import Testing
@testable import Triage

/// Replies to a cost notice: acceptance, refusal, or no answer an agent could rely on.
@Suite struct CostAnswerDetectorTests {
    static func answer(_ reply: CostAnswerFixtures.Reply) -> CostAnswerFixtures.Expected {
        switch CostAnswerDetector().answer(in: CostAnswerFixtures.parse(reply.raw)) {
        case .accepted(let evidence): .accepted(evidence)
        case .refused(let evidence): .refused(evidence)
        case nil: .noAnswer
        }
    }

    @Test(arguments: CostAnswerFixtures.acceptances)
    func acceptanceIsRecognised(_ reply: CostAnswerFixtures.Reply) {
        #expect(Self.answer(reply) == reply.expected)
    }

    @Test(arguments: CostAnswerFixtures.refusals)
    func refusalIsRecognised(_ reply: CostAnswerFixtures.Reply) {
        #expect(Self.answer(reply) == reply.expected)
    }

    @Test(arguments: CostAnswerFixtures.nonAnswers)
    func noAnswerIsRead(_ reply: CostAnswerFixtures.Reply) {
        #expect(Self.answer(reply) == reply.expected)
    }

    /// The notice itself, quoted in full with nothing above it, neither accepts nor refuses.
    @Test(arguments: [CostAnswerFixtures.germanNotice, CostAnswerFixtures.englishNotice])
    func theUnquotedNoticeSaysNothing(_ notice: String) {
        #expect(CostAnswerDetector().answer(in: CostAnswerFixtures.parse(CostAnswerFixtures.message(notice))) == nil)
    }

    @Test func everyPhraseOfTheVocabularyParses() {
        #expect(CostAnswerVocabulary.phrases.count
            == CostAnswerVocabulary.acceptances.count + CostAnswerVocabulary.refusals.count)
    }

    @Test func oddBodiesGiveNoAnswer() {
        for body in RobustnessTests.bodies {
            #expect(CostAnswerDetector().answer(in: TriageFixtures.message(body: body)) == nil)
        }
    }
}
