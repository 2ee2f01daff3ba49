// Readers of actor dictionaries: PETRARCH/TABARI `.actors` / `.agents` files and newskg's
// own TSV. Both fill the same records (DictionaryActor, DictionaryAgent); the actor stage
// indexes them beside the gazetteer (index.cpp) and recognises them (recognizer*.cpp).
#include "newskg/actors/dictionary.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "newskg/core/error.hpp"

namespace newskg {

namespace {

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

[[noreturn]] void fail(ids::Id<ids::Family::Ontology> id, const std::string& file, std::size_t line,
                       const std::string& problem) {
    throw ontology_error(id, file + ":" + std::to_string(line) + ": " + problem);
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

/// Removes comments: `#` to the end of the line, and TABARI's ` ;` remarks.
std::string strip_comment(const std::string& line) {
    std::string s = line;
    if (auto h = s.find('#'); h != std::string::npos) s.resize(h);
    for (std::size_t i = 1; i < s.size(); ++i)
        if (s[i] == ';' && (s[i - 1] == ' ' || s[i - 1] == '\t')) {
            s.resize(i);
            break;
        }
    return s;
}

/// One `[...]` group of a PETRARCH line: a code with an optional date restriction.
struct CodeGroup {
    std::string code;
    std::optional<DateValue> from, to;
    bool dated = false;
};

CodeGroup parse_code_group(const std::string& inner, const std::string& file, std::size_t line) {
    std::istringstream in(inner);
    CodeGroup g;
    std::string restriction, word;
    in >> g.code;
    while (in >> word) restriction += word; // "20080120 - 20121109" → "20080120-20121109"
    // "[ELR/GAL]": several codes for one actor; the first one is kept.
    if (auto slash = g.code.find('/'); slash != std::string::npos) g.code.resize(slash);
    g.code = upper(g.code);
    if (g.code.empty()) fail(ids::ontology::kEmptyCode, file, line, "empty code '[" + inner + "]'");
    if (restriction.empty()) return g;
    g.dated = true;
    auto date = [&](const std::string& s) {
        auto d = parse_dictionary_date(s);
        if (!d)
            fail(ids::ontology::kBadCodeDate, file, line,
                 "bad date '" + s + "' in '[" + inner + "]' (expected YYYYMMDD or YYMMDD)");
        return *d;
    };
    if (restriction[0] == '<') {
        g.to = date(restriction.substr(1));
    } else if (restriction[0] == '>') {
        g.from = date(restriction.substr(1));
    } else if (auto dash = restriction.find('-'); dash != std::string::npos) {
        g.from = date(restriction.substr(0, dash));
        g.to = date(restriction.substr(dash + 1));
    } else {
        fail(ids::ontology::kBadCodeDate, file, line,
             "bad date restriction '" + restriction + "' (expected <DATE, >DATE or DATE-DATE)");
    }
    return g;
}

/// Splits a PETRARCH record line into its phrase, its `{plural}` and its `[code]` groups.
struct RecordLine {
    std::string phrase;
    std::optional<std::string> plural; ///< present (maybe empty) when `{...}` is given
    std::vector<CodeGroup> codes;
};

RecordLine split_record(const std::string& text, const std::string& file, std::size_t line) {
    RecordLine r;
    std::size_t i = 0;
    const std::size_t first = text.find_first_of("[{");
    r.phrase = trim(text.substr(0, first == std::string::npos ? text.size() : first));
    i = first == std::string::npos ? text.size() : first;
    while (i < text.size()) {
        const char open = text[i];
        if (open == '{') {
            auto close = text.find('}', i);
            if (close == std::string::npos) fail(ids::ontology::kUnclosedBrace, file, line, "'{' without '}'");
            r.plural = trim(text.substr(i + 1, close - i - 1));
            i = close + 1;
        } else if (open == '[') {
            // "[~ENV}": the dictionaries' own documentation closes a code with '}' too.
            auto close = text.find_first_of("]}", i);
            if (close == std::string::npos) fail(ids::ontology::kUnclosedBracket, file, line, "'[' without ']'");
            r.codes.push_back(parse_code_group(text.substr(i + 1, close - i - 1), file, line));
            i = close + 1;
        } else if (open == ' ' || open == '\t') {
            ++i;
        } else {
            break; // trailing remarks after the codes (some Phoenix lines carry notes)
        }
    }
    return r;
}

bool is_agent_code(const std::string& code) { return code.front() == '~' || code.back() == '~'; }

} // namespace

bool DatedCode::covers(const std::optional<DateValue>& date) const {
    if (!from && !to) return true;
    if (!date) return false;
    if (from && *date < *from) return false;
    if (to && *to < *date) return false;
    return true;
}

const std::string& DictionaryActor::code_at(const std::optional<DateValue>& date) const {
    for (const auto& d : dated)
        if (d.covers(date)) return d.code;
    return default_code;
}

bool is_cameo_role(std::string_view role) {
    static const std::set<std::string, std::less<>> roles{
        "GOV", "LEG", "JUD", "MIL", "COP", "SPY", "REB", "INS", "UAF", "SEP", "IMG", "ELI", "OPP",
        "PTY", "MED", "BUS", "NGO", "IGO", "EDU", "HLH", "LAB", "AGR", "REL", "CVL", "CIV", "HRI",
        "ENV", "DEV", "REF", "CRM", "MOD", "RAD", "PPL", "ELE", "SET", "JEW", "MUS", "CHR", "BUD",
        "HIN", "ATH", "AMN", "LEF", "RIT", "NGM", "MNC", "UNO", "REP", "PRI"};
    return roles.count(role) > 0;
}

bool DictionaryActor::is_person() const {
    if (type) return *type == ActorType::Person;
    // A career: dated codes with a role ("[AFGGOV 791227-861124]"). A country whose code
    // changed ("[USRUKR <910824]", Ukraine in the Soviet Union) is not a person.
    for (const auto& d : dated)
        if (d.code.size() >= 6 && is_cameo_role(std::string_view(d.code).substr(3, 3))) return true;
    return false;
}

std::optional<DateValue> parse_dictionary_date(std::string_view s) {
    if (!all_digits(s) || (s.size() != 6 && s.size() != 8)) return std::nullopt;
    auto num = [&](std::size_t at, std::size_t n) { return std::stoi(std::string(s.substr(at, n))); };
    DateValue d;
    if (s.size() == 8) {
        d.year = num(0, 4);
        d.month = num(4, 2);
        d.day = num(6, 2);
    } else {
        const int yy = num(0, 2);
        d.year = yy < 30 ? 2000 + yy : 1900 + yy;
        d.month = num(2, 2);
        d.day = num(4, 2);
    }
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return std::nullopt;
    return d;
}

std::string dictionary_phrase(std::string_view phrase) {
    std::string out;
    bool space = false;
    for (char c : phrase) {
        if (c == '_' || c == ' ' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::vector<std::string> regular_plurals(const std::string& phrase) {
    if (phrase.empty() || !std::isalpha(static_cast<unsigned char>(phrase.back()))) return {};
    const std::string l = upper(phrase);
    auto ends = [&](std::string_view s) {
        return l.size() > s.size() && l.compare(l.size() - s.size(), s.size(), s) == 0;
    };
    // Matching ignores case, so the suffixes are added in capitals.
    if (ends("Y") && std::string_view("AEIOU").find(l[l.size() - 2]) == std::string_view::npos)
        return {phrase.substr(0, phrase.size() - 1) + "IES"};
    if (ends("SS") || ends("SH") || ends("CH") || ends("X")) return {phrase + "ES"};
    if (ends("S")) return {};
    return {phrase + "S"};
}

void ActorDictionary::load_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ontology_error(ids::ontology::kNoActorDictionary, path + ": cannot open the actor dictionary");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const bool tsv = path.size() > 4 && path.compare(path.size() - 4, 4, ".tsv") == 0;
    if (tsv) add_tsv(text, path);
    else add_petrarch(text, path);
}

namespace {

/// State of a PETRARCH file being read: the record lines are attached to, and the
/// substitution sets (`!PERSON! = MAN, MEN`) its agent phrases may use.
struct PetrarchReader {
    std::vector<DictionaryActor>& actors;
    std::vector<DictionaryAgent>& agents;
    const std::string& file;
    std::map<std::string, std::vector<std::string>> sets;
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t current = kNone; ///< index of the record lines attach to

    void substitution_set(const std::string& text, std::size_t line) {
        const auto eq = text.find('=');
        const std::string name = trim(text.substr(0, eq));
        if (eq == std::string::npos || name.size() < 3 || name.back() != '!')
            fail(ids::ontology::kBadSubstitution, file, line, "bad substitution set (expected '!NAME! = A, B, C')");
        std::vector<std::string> items;
        std::stringstream list(text.substr(eq + 1));
        std::string item;
        while (std::getline(list, item, ','))
            if (auto t = trim(item); !t.empty()) items.push_back(upper(t));
        sets[name] = std::move(items);
    }

    /// Every phrase a `!SET!` marker expands to (the phrase itself when it has none).
    std::vector<std::string> expand(const std::string& phrase, std::size_t line) const {
        const auto b = phrase.find('!');
        if (b == std::string::npos) return {phrase};
        const auto e = phrase.find('!', b + 1);
        if (e == std::string::npos)
            fail(ids::ontology::kBadSubstitution, file, line, "unterminated substitution marker in '" + phrase + "'");
        const auto it = sets.find(phrase.substr(b, e - b + 1));
        if (it == sets.end())
            fail(ids::ontology::kUndefinedSubstitution, file, line,
                 "undefined substitution set " + phrase.substr(b, e - b + 1));
        std::vector<std::string> out;
        for (const auto& item : it->second)
            for (auto& rest : expand(phrase.substr(0, b) + item + phrase.substr(e + 1), line)) out.push_back(rest);
        return out;
    }

    void agent(const RecordLine& r, std::size_t line) {
        const std::string& raw = r.codes.front().code;
        DictionaryAgent a;
        a.before = raw.back() == '~';
        a.code = raw.front() == '~' ? raw.substr(1) : raw.substr(0, raw.size() - 1);
        a.file = file;
        a.line = line;
        const bool marker = r.phrase.find('!') != std::string::npos;
        for (const auto& p : expand(r.phrase, line)) {
            const std::string phrase = dictionary_phrase(p);
            a.phrase = phrase;
            agents.push_back(a);
            // Plurals: given in {...} ({} for none), else regular — not for set expansions.
            if (marker) continue;
            std::vector<std::string> plurals;
            if (r.plural) {
                if (!r.plural->empty()) plurals.push_back(dictionary_phrase(*r.plural));
            } else if (p.empty() || p.back() != '_') {
                plurals = regular_plurals(phrase);
            }
            for (const auto& pl : plurals) {
                a.phrase = pl;
                agents.push_back(a);
            }
        }
    }

    void record(const std::string& text, std::size_t line) {
        RecordLine r = split_record(text, file, line);
        if (r.phrase.empty()) fail(ids::ontology::kOrphanCode, file, line, "a code without a name");
        if (!r.codes.empty() && is_agent_code(r.codes.front().code)) {
            current = kNone;
            agent(r, line);
            return;
        }
        DictionaryActor a;
        a.label = dictionary_phrase(r.phrase);
        a.names.push_back(r.phrase);
        a.file = file;
        a.line = line;
        actors.push_back(std::move(a));
        current = actors.size() - 1;
        add_codes(r.codes, line);
    }

    void add_codes(const std::vector<CodeGroup>& codes, std::size_t line) {
        if (current == kNone) fail(ids::ontology::kOrphanCode, file, line, "a code line before any actor");
        DictionaryActor& a = actors[current];
        for (const auto& g : codes) {
            if (g.dated) a.dated.push_back(DatedCode{g.code, g.from, g.to});
            else if (a.default_code.empty()) a.default_code = g.code;
        }
    }

    void line(const std::string& raw, std::size_t line_no) {
        const std::string text = trim(strip_comment(raw));
        if (text.empty()) return;
        // "!PERSON! = MAN, MEN" defines a set; "!MINST!_OF_X [~GOV]" is an agent using one.
        if (text[0] == '!' && text.find('=') != std::string::npos && text.find('[') == std::string::npos)
            return substitution_set(text, line_no);
        if (text[0] == '+') {
            if (current == kNone) fail(ids::ontology::kOrphanCode, file, line_no, "a synonym ('+') before any actor");
            RecordLine r = split_record(text.substr(1), file, line_no);
            if (!r.phrase.empty()) actors[current].names.push_back(r.phrase);
            add_codes(r.codes, line_no);
            return;
        }
        if (text[0] == '[') return add_codes(split_record(text, file, line_no).codes, line_no);
        record(text, line_no);
    }
};

} // namespace

void ActorDictionary::add_petrarch(std::string_view text, const std::string& name) {
    PetrarchReader reader{actors_, agents_, name, {}};
    std::istringstream in{std::string(text)};
    std::string line;
    std::size_t line_no = 0;
    bool in_comment = false;
    while (std::getline(in, line)) {
        ++line_no;
        // XML-style comments: "<!-- ... -->" on one line or over several.
        if (in_comment) {
            if (line.find("-->") != std::string::npos) in_comment = false;
            continue;
        }
        if (trim(line).rfind("<!", 0) == 0) {
            in_comment = line.find("-->") == std::string::npos;
            continue;
        }
        reader.line(line, line_no);
    }
}

namespace {

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    for (std::size_t b = 0;;) {
        const std::size_t e = s.find(sep, b);
        out.push_back(trim(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b)));
        if (e == std::string_view::npos) break;
        b = e + 1;
    }
    return out;
}

/// Calls `each(line, line_no)` for every line of `text` (without its "\r\n" / "\n").
template <class F>
void for_each_line(std::string_view text, F&& each) {
    std::size_t line_no = 0;
    for (std::size_t b = 0; b < text.size();) {
        std::size_t e = text.find('\n', b);
        if (e == std::string_view::npos) e = text.size();
        std::string_view line = text.substr(b, e - b);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        each(line, ++line_no);
        b = e + 1;
    }
}

} // namespace

const char* const kTsvHeader = "name\ttype\tcountry\trole\tfrom\tto[\tiri]";

namespace {

/// One TSV row as a DictionaryActor: the type, country and role columns, and the same
/// information as a CAMEO code (country + role, dated by from/to) so both formats are
/// recognised alike.
DictionaryActor tsv_row(const std::vector<std::string>& cols, const std::string& file, std::size_t line) {
    if (cols.size() < 6 || cols.size() > 7)
        fail(ids::ontology::kTsvColumns, file, line,
             "expected 6 or 7 tab-separated columns: " + std::string(kTsvHeader));
    DictionaryActor a;
    a.file = file;
    a.line = line;
    for (const auto& n : split(cols[0], '|'))
        if (!n.empty()) a.names.push_back(n);
    if (a.names.empty()) fail(ids::ontology::kTsvEmptyName, file, line, "empty name");
    a.label = a.names.front();
    if (cols[1] == "Agent") return a; // read by the caller
    a.type = actor_type_from_string(cols[1]);
    if (!a.type || *a.type == ActorType::Actor)
        fail(ids::ontology::kTsvType, file, line,
             "unknown type '" + cols[1] +
                 "' (Person, Country, Location, Government, Military, ArmedGroup, Organization)");
    a.country = upper(cols[2]);
    if (!a.country.empty() &&
        (a.country.size() != 3 || !std::all_of(a.country.begin(), a.country.end(), ::isalpha)))
        fail(ids::ontology::kTsvCountry, file, line,
             "country '" + cols[2] + "' is not a 3-letter CAMEO / ISO alpha-3 code");
    a.role = cols[3];
    if (cols.size() == 7) a.iri = cols[6];
    auto date = [&](const std::string& s) -> std::optional<DateValue> {
        if (s.empty()) return std::nullopt;
        auto d = DateValue::parse_iso(s);
        if (!d || d->day == 0) fail(ids::ontology::kTsvDate, file, line, "bad date '" + s + "' (expected YYYY-MM-DD)");
        return d;
    };
    DatedCode code;
    std::string role = a.role;
    if (auto colon = role.find(':'); colon != std::string::npos) role = role.substr(colon + 1);
    code.code = a.country + upper(role);
    code.from = date(cols[4]);
    code.to = date(cols[5]);
    if (code.from || code.to) a.dated.push_back(code);
    else a.default_code = code.code;
    return a;
}

} // namespace

void ActorDictionary::add_tsv(std::string_view text, const std::string& name) {
    bool header = false;
    std::size_t last_line = 0;
    for_each_line(text, [&](std::string_view line, std::size_t line_no) {
        last_line = line_no;
        if (line.empty() || line[0] == '#' || trim(line).empty()) return;
        const auto cols = split(line, '\t');
        if (!header) {
            if (cols.size() < 6 || cols[0] != "name" || cols[1] != "type")
                fail(ids::ontology::kTsvHeader, name, line_no,
                     std::string("the first line must be the header ") + kTsvHeader);
            header = true;
            return;
        }
        if (cols.size() > 1 && cols[1] == "Agent") return add_tsv_agent(cols, name, line_no);
        // "+" as the name: a further role of the actor above (a person's career).
        const bool more = !cols.empty() && cols[0] == "+";
        std::vector<std::string> row = cols;
        if (more) {
            if (actors_.empty() || actors_.back().file != name || !actors_.back().type)
                fail(ids::ontology::kTsvContinuation, name, line_no, "'+' continues no actor of this file");
            row[0] = actors_.back().names.front();
        }
        DictionaryActor a = tsv_row(row, name, line_no);
        if (more) {
            if (a.type != actors_.back().type)
                fail(ids::ontology::kTsvContinuation, name, line_no,
                     "a '+' row must have the type of the actor it continues");
            if (a.dated.empty()) actors_.back().default_code = a.default_code;
            else actors_.back().dated.push_back(a.dated.front());
            return;
        }
        actors_.push_back(std::move(a));
    });
    if (!header)
        fail(ids::ontology::kTsvHeader, name, last_line,
             std::string("empty dictionary: expected the header ") + kTsvHeader);
}

void ActorDictionary::add_tsv_agent(const std::vector<std::string>& cols, const std::string& name,
                                    std::size_t line) {
    if (cols.size() < 6 || cols[0].empty() || cols[3].empty())
        fail(ids::ontology::kTsvAgent, name, line,
             "an Agent row needs a phrase and its code in the role column (MIL, GOVFRM, NGO~)");
    DictionaryAgent a;
    a.before = cols[3].back() == '~';
    a.code = upper(a.before ? cols[3].substr(0, cols[3].size() - 1) : cols[3]);
    if (!a.code.empty() && a.code.front() == '~') a.code.erase(0, 1);
    a.file = name;
    a.line = line;
    for (const auto& p : split(cols[0], '|')) {
        if (p.empty()) continue;
        a.phrase = dictionary_phrase(p);
        agents_.push_back(a);
    }
}

std::vector<DictionaryPhrase> ActorDictionary::phrases() const {
    std::vector<DictionaryPhrase> out;
    auto lower = [](std::string s) {
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    for (std::size_t i = 0; i < actors_.size(); ++i)
        for (const auto& n : actors_[i].names) {
            const std::string p = dictionary_phrase(n);
            if (p.empty()) continue;
            out.push_back(DictionaryPhrase{lower(p), false, i});
        }
    for (std::size_t i = 0; i < agents_.size(); ++i)
        if (!agents_[i].phrase.empty()) out.push_back(DictionaryPhrase{lower(agents_[i].phrase), true, i});
    return out;
}

} // namespace newskg
