#pragma once
// The command table's option layer. Each command declares its options once — name, kind
// of argument, help text, default — and from that one declaration come the parsing, the
// usage errors (the same wording for every command, exit 2 through usage_error) and the
// --help text (the same layout for every command).
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace newskg::cli {

enum class OptionKind {
    Flag,    ///< takes no argument
    Text,    ///< any string
    Number,  ///< a whole number in [min, max]
    Decimal, ///< a decimal number of at least min
    Choice,  ///< one of `choices`
    List,    ///< every argument up to the next "--" option ("--train A.conllu B.conllu")
};

struct OptionSpec {
    std::string name;                 ///< "--top"
    OptionKind kind = OptionKind::Flag;
    std::string metavar;              ///< "N", "DIR"; Choice shows its choices when empty
    /// What the option does. A "\n" starts a line of its own, kept with its leading
    /// spaces (for small tables); each line is wrapped at the help's width.
    std::string help;
    /// The value when the option is absent, shown in the help as "(default: X)"; empty
    /// when there is none or it is not a literal (the help then says what happens).
    std::string fallback;
    std::vector<std::string> choices; ///< Choice
    double min = 0;                   ///< Number, Decimal
    double max = static_cast<double>(std::numeric_limits<long long>::max()); ///< Number
};

/// Options under one heading ("Options:", "Input options:"), with an optional paragraph
/// before them.
struct OptionSection {
    std::string title;
    std::string intro;
    std::vector<OptionSpec> options;
};

struct CommandSpec {
    std::string name;        ///< "extract"
    std::string summary;     ///< its line in `newskg --help` ("\n" continues it)
    std::string usage;       ///< "newskg extract [OPTIONS] FILE..." ("\n" for more forms)
    std::string description; ///< text between the usage and the options
    std::vector<OptionSection> sections;
    std::string epilogue;    ///< text after the options (notes, exit status)
    /// Options that do not exist for a reason worth saying (push's --password): given
    /// anyway, they are refused with that reason instead of "unknown option".
    std::vector<std::pair<std::string, std::string>> refused;
};

/// The --help text of a command: usage, description, each section's options (the names
/// in a column, their help beside them), epilogue.
std::string help_text(const CommandSpec& spec);

/// A number as a person writes it ("0.5", "12", "2147483647"), for defaults and bounds.
std::string number_text(double v);

/// Whether the arguments ask for help ("--help" or "-h" anywhere).
bool asks_for_help(const std::vector<std::string>& argv);

/// A command line parsed against a CommandSpec: "--name value", "--name=value", flags,
/// positionals ("-" is one; after "--" everything is). Values are checked against their
/// declaration while parsing, so a command only reads values that are well-formed.
/// A name the command does not declare reads as absent (shared helpers such as
/// read_options ask for options only some commands have).
class Args {
  public:
    /// throws usage_error naming the option on an unknown or refused option, a missing
    /// argument, an argument to a flag, a malformed number or a choice not offered.
    Args(const CommandSpec& spec, const std::vector<std::string>& argv);

    /// The last value given, else the declared default, else nothing.
    std::optional<std::string> value(const std::string& name) const;
    /// Every value given, in command-line order (repeatable options, List options).
    std::vector<std::string> values(const std::string& name) const;
    bool flag(const std::string& name) const;
    /// Whether the option is on the command line (its default does not count).
    bool given(const std::string& name) const;
    /// A Number option's value (given, else its default).
    std::optional<std::size_t> number(const std::string& name) const;
    /// A Decimal option's value (given, else its default).
    std::optional<double> decimal(const std::string& name) const;
    const std::vector<std::string>& positionals() const { return positionals_; }

  private:
    const OptionSpec* find(const std::string& name) const;

    std::vector<OptionSpec> options_; ///< every option of every section
    std::vector<std::pair<std::string, std::string>> values_;
    std::vector<std::string> flags_;
    std::vector<std::string> positionals_;
};

/// A command of the table: its declaration and what runs it.
struct Command {
    CommandSpec spec;
    int (*run)(const Args& args);
};

} // namespace newskg::cli
