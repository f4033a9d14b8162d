public enum Seeds {
    public static var bankHolidaysJSON: [UInt8] { PackageResources.uk_bank_holidays_json }
}
