import Foundation
import GitKit

/// Shows remote URLs without the passwords or tokens they may carry (GitKit's `RemoteAddress` does the
/// redaction; this keeps it out of the layers above).
public enum RemoteDisplay {
    /// `https://user:secret@host/x` becomes `https://user@host/x`; a token used as an HTTP(S) user name
    /// (`https://TOKEN@host/x`, 20 characters or more) becomes `***`.
    public static func redacted(_ url: String) -> String {
        RemoteAddress.redacted(url)
    }
}
