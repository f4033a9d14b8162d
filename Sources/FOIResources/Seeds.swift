/// The reference data of `seeds/` and `schema/`, compiled into the binary.
public enum Seeds {
    /// GOV.UK's bank-holidays.json, as shipped.
    public static var bankHolidaysJSON: [UInt8] { PackageResources.uk_bank_holidays_json }
    /// The exemption catalogue: FOIA, EIR, FOISA and EIR(S).
    public static var exemptionsJSON: [UInt8] { PackageResources.exemptions_json }
    /// The paragraph library shipped with foi.
    public static var paragraphsJSON: [UInt8] { PackageResources.paragraphs_json }
    /// The demo cases of `foi demo`.
    public static var demoCasesJSON: [UInt8] { PackageResources.demo_cases_json }

    /// The letter templates of `templates/`, by name (the file's name without `.mustache`). A test checks this list
    /// against the files.
    public static var letterTemplates: [String: String] {
        [
            "letterhead": PackageResources.letterhead_mustache, "rights": PackageResources.rights_mustache,
            "reasons": PackageResources.reasons_mustache,
            "signoff": PackageResources.signoff_mustache, "reuse": PackageResources.reuse_mustache,
            "acknowledgement": PackageResources.acknowledgement_mustache,
            "clarification": PackageResources.clarification_mustache,
            "fees-notice": PackageResources.fees_notice_mustache, "extension": PackageResources.extension_mustache,
            "response": PackageResources.response_mustache,
            "review-acknowledgement": PackageResources.review_acknowledgement_mustache,
            "review-outcome": PackageResources.review_outcome_mustache,
            // Welsh, for the letter-language setting's cy and en+cy.
            "letterhead-cy": PackageResources.letterhead_cy_mustache, "rights-cy": PackageResources.rights_cy_mustache,
            "reasons-cy": PackageResources.reasons_cy_mustache, "signoff-cy": PackageResources.signoff_cy_mustache,
            "reuse-cy": PackageResources.reuse_cy_mustache,
            "acknowledgement-cy": PackageResources.acknowledgement_cy_mustache,
            "clarification-cy": PackageResources.clarification_cy_mustache,
            "fees-notice-cy": PackageResources.fees_notice_cy_mustache,
            "extension-cy": PackageResources.extension_cy_mustache,
            "response-cy": PackageResources.response_cy_mustache,
            "review-acknowledgement-cy": PackageResources.review_acknowledgement_cy_mustache,
            "review-outcome-cy": PackageResources.review_outcome_cy_mustache,
        ].mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// The migrations of `schema/`, in the order they apply: (identifier, SQL). A test checks this list
    /// against the files in `schema/`.
    public static var migrations: [(identifier: String, sql: String)] {
        [
            ("0001_cases", String(decoding: PackageResources._001_cases_sql, as: UTF8.self)),
            ("0002_board_index", String(decoding: PackageResources._002_board_index_sql, as: UTF8.self)),
            ("0003_case_clocks", String(decoding: PackageResources._003_case_clocks_sql, as: UTF8.self)),
            ("0004_event_format", String(decoding: PackageResources._004_event_format_sql, as: UTF8.self)),
            ("0005_trust", String(decoding: PackageResources._005_trust_sql, as: UTF8.self)),
            ("0006_after_response", String(decoding: PackageResources._006_after_response_sql, as: UTF8.self)),
            ("0007_holiday_changes", String(decoding: PackageResources._007_holiday_changes_sql, as: UTF8.self)),
            ("0008_paragraphs", String(decoding: PackageResources._008_paragraphs_sql, as: UTF8.self)),
            ("0009_timeliness", String(decoding: PackageResources._009_timeliness_sql, as: UTF8.self)),
            ("0010_first_responses", String(decoding: PackageResources._010_first_responses_sql, as: UTF8.self)),
            ("0011_handlers", String(decoding: PackageResources._011_handlers_sql, as: UTF8.self)),
            ("0012_ledger", String(decoding: PackageResources._012_ledger_sql, as: UTF8.self)),
            ("0013_users", String(decoding: PackageResources._013_users_sql, as: UTF8.self)),
            (
                "0014_projection_without_lists",
                String(decoding: PackageResources._014_projection_without_lists_sql, as: UTF8.self)
            ),
            (
                "0015_cases_without_lists",
                String(decoding: PackageResources._015_cases_without_lists_sql, as: UTF8.self)
            ),
            ("0016_enclosures", String(decoding: PackageResources._016_enclosures_sql, as: UTF8.self)),
            ("0017_accounts", String(decoding: PackageResources._017_accounts_sql, as: UTF8.self)),
            ("0018_api_tokens", String(decoding: PackageResources._018_api_tokens_sql, as: UTF8.self)),
            ("0019_board_figures", String(decoding: PackageResources._019_board_figures_sql, as: UTF8.self)),
            ("0020_tasks", String(decoding: PackageResources._020_tasks_sql, as: UTF8.self)),
            ("0021_flags", String(decoding: PackageResources._021_flags_sql, as: UTF8.self)),
            ("0022_teams", String(decoding: PackageResources._022_teams_sql, as: UTF8.self)),
            ("0023_outbox", String(decoding: PackageResources._023_outbox_sql, as: UTF8.self)),
            ("0024_comment_reads", String(decoding: PackageResources._024_comment_reads_sql, as: UTF8.self)),
            ("0025_signoffs", String(decoding: PackageResources._025_signoffs_sql, as: UTF8.self)),
            ("0026_team_tasks", String(decoding: PackageResources._026_team_tasks_sql, as: UTF8.self)),
        ]
    }
}
