import Foundation

/// Writing TOML text that the scenario loader reads back: what-ifs given on the command line
/// (`--set`, `--decide`, `--save-scenario`) and on the what-if page.
public enum TOMLText {
    /// A TOML basic string (also a quoted key): quotes, backslashes and control characters escaped.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
