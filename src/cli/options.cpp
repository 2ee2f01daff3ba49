#include "options.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "newskg/core/error.hpp"

namespace newskg::cli {

namespace {

// The help's layout: option names from column 2, their help from kHelpColumn, lines
// wrapped at kHelpWidth columns (the width the hand-written parts keep to).
constexpr std::size_t kHelpColumn = 24;
constexpr std::size_t kHelpWidth = 88;

std::size_t columns(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n; // one column per code point
    return n;
}

std::string choices_text(const std::vector<std::string>& choices, const char* last_joiner) {
    std::string s;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i) s += i + 1 == choices.size() ? last_joiner : ", ";
        s += choices[i];
    }
    return s;
}

/// What a Number or Decimal option expects, for its usage error.
std::string number_expectation(const OptionSpec& o) {
    // A bound at the range of an int only guards a conversion: not worth saying.
    const bool bounded_above = o.kind == OptionKind::Number && o.max < std::numeric_limits<int>::max();
    if (bounded_above) return "a number from " + number_text(o.min) + " to " + number_text(o.max);
    if (o.min > 0) return "a number of at least " + number_text(o.min);
    return "a number";
}

/// Checks a value against its option's declaration; throws usage_error naming the option.
void check_value(const OptionSpec& o, const std::string& v) {
    switch (o.kind) {
    case OptionKind::Number: {
        // Digits only: strtoull would take "12abc" as 12 and "-1" as the largest number.
        bool ok = !v.empty() && v.find_first_not_of("0123456789") == std::string::npos;
        if (ok) {
            errno = 0;
            const unsigned long long n = std::strtoull(v.c_str(), nullptr, 10);
            ok = errno != ERANGE && static_cast<double>(n) >= o.min && static_cast<double>(n) <= o.max;
        }
        if (!ok) throw usage_error(o.name + " expects " + number_expectation(o) + ", got '" + v + "'");
        return;
    }
    case OptionKind::Decimal: {
        char* end = nullptr;
        errno = 0;
        const double d = v.empty() ? 0 : std::strtod(v.c_str(), &end);
        const bool ok = !v.empty() && end == v.c_str() + v.size() && errno != ERANGE && std::isfinite(d) && d >= o.min;
        if (!ok) throw usage_error(o.name + " expects " + number_expectation(o) + ", got '" + v + "'");
        return;
    }
    case OptionKind::Choice:
        if (std::find(o.choices.begin(), o.choices.end(), v) == o.choices.end())
            throw usage_error(o.name + " expects " + choices_text(o.choices, " or ") + ", got '" + v + "'");
        return;
    case OptionKind::Flag:
    case OptionKind::Text:
    case OptionKind::List:
        return;
    }
}

/// `text` wrapped at kHelpWidth, its first line starting at `first_column`, the others
/// at `indent`. A "\n" starts a line of its own. A line with leading spaces is a row of a
/// small table: kept as written when it fits, else its text after the row's name (the
/// first run of two spaces) is wrapped under itself.
std::string wrap(const std::string& text, std::size_t first_column, std::size_t indent) {
    std::string out;
    std::istringstream lines(text);
    bool first_line = true;
    for (std::string line; std::getline(lines, line);) {
        std::size_t column = first_line ? first_column : indent;
        if (!first_line) out += "\n" + std::string(indent, ' ');
        first_line = false;
        const std::size_t lead = line.find_first_not_of(' ');
        if (lead == std::string::npos) continue;
        std::size_t kept = 0; // characters written as they are
        if (lead > 0) {
            if (column + columns(line) <= kHelpWidth) {
                out += line;
                continue;
            }
            const std::size_t gap = line.find("  ", lead);
            kept = gap == std::string::npos ? lead : line.find_first_not_of(' ', gap);
        }
        out += line.substr(0, kept);
        column += columns(line.substr(0, kept));
        const std::size_t hanging = indent + columns(line.substr(0, kept));
        std::istringstream words(line.substr(kept));
        bool first_word = true;
        for (std::string word; words >> word;) {
            if (!first_word && column + 1 + columns(word) > kHelpWidth) {
                out += "\n" + std::string(hanging, ' ');
                column = hanging;
            } else if (!first_word) {
                out += ' ';
                ++column;
            }
            out += word;
            column += columns(word);
            first_word = false;
        }
    }
    return out;
}

std::string option_help(const OptionSpec& o) {
    std::string label = "  " + o.name;
    if (o.kind != OptionKind::Flag) {
        std::string meta = o.metavar;
        if (meta.empty() && o.kind == OptionKind::Choice)
            for (std::size_t i = 0; i < o.choices.size(); ++i) meta += (i ? "|" : "") + o.choices[i];
        label += " " + meta + (o.kind == OptionKind::List ? "..." : "");
    }
    std::string help = o.help;
    if (!o.fallback.empty()) {
        const auto end_of_first = help.find('\n');
        help.insert(end_of_first == std::string::npos ? help.size() : end_of_first, " (default: " + o.fallback + ")");
    }
    std::string out = label;
    std::size_t column = columns(label);
    if (column + 2 > kHelpColumn) {
        out += "\n";
        column = 0;
    }
    out += std::string(kHelpColumn - column, ' ');
    return out + wrap(help, kHelpColumn, kHelpColumn) + "\n";
}

} // namespace

std::string number_text(double v) {
    std::ostringstream out;
    out.precision(15);
    out << v;
    return out.str();
}

std::string help_text(const CommandSpec& spec) {
    std::string out;
    std::istringstream usage(spec.usage);
    bool first = true;
    for (std::string line; std::getline(usage, line); first = false)
        out += (first ? "Usage: " : "       ") + line + "\n";
    // The hand-written parts end with one newline, however their literals end.
    auto block = [](std::string text) {
        while (!text.empty() && text.back() == '\n') text.pop_back();
        return text + "\n";
    };
    if (!spec.description.empty()) out += "\n" + block(spec.description);
    for (const auto& section : spec.sections) {
        out += "\n" + section.title + ":\n";
        if (!section.intro.empty()) out += block(section.intro) + "\n";
        for (const auto& o : section.options) out += option_help(o);
    }
    if (!spec.epilogue.empty()) out += "\n" + block(spec.epilogue);
    return out;
}

bool asks_for_help(const std::vector<std::string>& argv) {
    return std::any_of(argv.begin(), argv.end(), [](const std::string& a) { return a == "--help" || a == "-h"; });
}

Args::Args(const CommandSpec& spec, const std::vector<std::string>& argv) {
    for (const auto& section : spec.sections)
        options_.insert(options_.end(), section.options.begin(), section.options.end());
    bool only_positionals = false;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (only_positionals || a == "-" || a.size() < 2 || a[0] != '-') {
            positionals_.push_back(a);
            continue;
        }
        if (a == "--") {
            only_positionals = true;
            continue;
        }
        std::string name = a, value;
        bool has_inline = false;
        if (auto eq = a.find('='); eq != std::string::npos) {
            name = a.substr(0, eq);
            value = a.substr(eq + 1);
            has_inline = true;
        }
        // The value of a refused or unknown option is never echoed: it may be a password.
        for (const auto& [refused, why] : spec.refused)
            if (name == refused) throw usage_error(why);
        const OptionSpec* o = find(name);
        if (!o) throw usage_error("unknown option '" + name + "'");
        if (o->kind == OptionKind::Flag) {
            if (has_inline) throw usage_error("option " + name + " takes no value");
            flags_.push_back(name);
            continue;
        }
        if (o->kind == OptionKind::List) {
            if (has_inline) values_.emplace_back(name, value);
            while (i + 1 < argv.size() && argv[i + 1].rfind("--", 0) != 0) values_.emplace_back(name, argv[++i]);
            if (!has_inline && values(name).empty()) throw usage_error("option " + name + " needs a value");
            continue;
        }
        if (!has_inline) {
            if (i + 1 >= argv.size()) throw usage_error("option " + name + " needs a value");
            value = argv[++i];
        }
        check_value(*o, value);
        values_.emplace_back(name, value);
    }
}

const OptionSpec* Args::find(const std::string& name) const {
    for (const auto& o : options_)
        if (o.name == name) return &o;
    return nullptr;
}

std::optional<std::string> Args::value(const std::string& name) const {
    std::optional<std::string> v;
    for (const auto& [n, val] : values_)
        if (n == name) v = val; // the last one wins, as in most tools
    if (!v) {
        const OptionSpec* o = find(name);
        if (o && !o->fallback.empty()) v = o->fallback;
    }
    return v;
}

std::vector<std::string> Args::values(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& [n, val] : values_)
        if (n == name) out.push_back(val);
    return out;
}

bool Args::flag(const std::string& name) const {
    return std::find(flags_.begin(), flags_.end(), name) != flags_.end();
}

bool Args::given(const std::string& name) const {
    return flag(name) || std::any_of(values_.begin(), values_.end(), [&](const auto& v) { return v.first == name; });
}

std::optional<std::size_t> Args::number(const std::string& name) const {
    const OptionSpec* o = find(name);
    if (o && o->kind != OptionKind::Number) throw std::logic_error(name + " is not declared as a number option");
    const auto v = value(name);
    if (!v) return std::nullopt;
    return static_cast<std::size_t>(std::strtoull(v->c_str(), nullptr, 10)); // checked when parsed
}

std::optional<double> Args::decimal(const std::string& name) const {
    const OptionSpec* o = find(name);
    if (o && o->kind != OptionKind::Decimal) throw std::logic_error(name + " is not declared as a decimal option");
    const auto v = value(name);
    if (!v) return std::nullopt;
    return std::strtod(v->c_str(), nullptr); // checked when parsed
}

} // namespace newskg::cli
