import FOIIntake
import FOIViews

extension WordLetterhead {
    /// The letterhead in a `.docx` or `.dotx` file's bytes, read within a letterhead's limits; refused, saying
    /// why, where it is not a Word document a letter can be written into.
    public static func reading(_ bytes: [UInt8]) throws(InputError) -> WordLetterhead {
        guard OfficePackage.isPackage(bytes) else { throw InputError("it is not a Word document (.docx or .dotx)") }
        let package = try OfficePackage(bytes, limits: .letterhead, kind: .wordDocument)
        let parts = try package.parts()
        do throws(LetterheadError) {
            return try WordLetterhead(parts: parts)
        } catch {
            throw InputError(error.reason)
        }
    }
}
