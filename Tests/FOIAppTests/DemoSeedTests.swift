import FOIResources
import Foundation
import Testing

/// The demo's reasoning is written for each case (audit L8): a public interest factor written for one request
/// (Leicestershire's neither-confirm-nor-deny of prevented attacks) never stands in another's letter, where it reads
/// as the boilerplate the ICO criticises.
@Suite struct DemoSeedTests {
    @Test func noCaseBorrowsAnothersReasoning() throws {
        let demo = try #require(try JSONSerialization.jsonObject(with: Data(Seeds.demoCasesJSON)) as? [String: Any])
        let cases = try #require(demo["cases"] as? [[String: Any]])
        var caseOf: [String: String] = [:]
        for file in cases {
            let reference = file["ref"] as? String ?? ""
            for step in file["steps"] as? [[String: Any]] ?? [] where step["kind"] as? String == "reason" {
                let texts =
                    ["engaged", "balance"].compactMap { step[$0] as? String }
                    + ["for", "against"].flatMap { step[$0] as? [String] ?? [] }
                for text in texts {
                    if let other = caseOf[text], other != reference {
                        Issue.record("\(reference) repeats \(other)'s reasoning: \(text)")
                    }
                    caseOf[text] = reference
                }
            }
        }
        #expect(caseOf.count > 10)
    }
}
