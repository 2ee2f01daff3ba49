// Query results as text: a table for people and the W3C SPARQL 1.1 Query Results
// CSV/TSV (https://www.w3.org/TR/sparql11-results-csv-tsv/) and JSON
// (https://www.w3.org/TR/sparql11-results-json/) formats for programs.
#include "newskg/store/query.hpp"

#include <algorithm>
#include <array>
#include <sstream>
#include <cstdio>
#include <cctype>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "newskg/ontology/ontology.hpp"
#include "newskg/rdf/vocabulary.hpp"

namespace newskg {

namespace {

/// The prefixes newskg's exports declare (newskg/rdf/vocabulary.hpp), longest namespace
/// first where one contains another, so country: wins over a shorter match; and kg: for
/// minted actors. org: stays free for the W3C Organization ontology (nkgorg: is ours).
const std::vector<std::pair<std::string, std::string>>& known_prefixes() {
    static const std::vector<std::pair<std::string, std::string>> prefixes = [] {
        std::vector<std::pair<std::string, std::string>> p;
        for (const auto& v : vocab::kVocabularyPrefixes) p.emplace_back(std::string(v.name), std::string(v.iri));
        for (const auto& v : vocab::kActorPrefixes) p.emplace_back(std::string(v.name), std::string(v.iri));
        p.emplace_back("kg", std::string(kDefaultBaseIri));
        return p;
    }();
    return prefixes;
}

/// Whether a local name can follow "prefix:" as is (a conservative subset of SPARQL's
/// PN_LOCAL: letters, digits, '_', '-', '.', not ending in '.').
bool plain_local(std::string_view s) {
    if (s.empty() || s.back() == '.') return false;
    for (unsigned char c : s)
        if (!(std::isalnum(c) || c == '_' || c == '-' || c == '.')) return false;
    return true;
}

/// Display width of UTF-8 text: code points (continuation bytes do not count).
std::size_t width(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string table_cell(const std::optional<Term>& t) {
    if (!t) return "";
    std::string s;
    switch (t->kind) {
    case Term::Kind::Iri: s = shorten_iri(t->value); break;
    case Term::Kind::Blank: s = "_:" + t->value; break;
    case Term::Kind::Literal:
        s = t->value;
        if (!t->language.empty()) s += "@" + t->language;
        break;
    }
    // One row per line: line breaks inside literals become spaces; other control
    // characters are shown escaped, never sent to the terminal.
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return escape_controls(s);
}

std::string csv_field(const std::optional<Term>& t) {
    if (!t) return "";
    std::string v = t->text();
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string q = "\"";
    for (char c : v) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

std::string tsv_field(const std::optional<Term>& t) {
    if (!t) return "";
    // TSV cells are RDF terms in Turtle/N-Triples syntax, whose escapes cover tab and
    // line breaks, so no cell can break the layout.
    return t->ntriples();
}

nlohmann::ordered_json json_term(const Term& t) {
    nlohmann::ordered_json j;
    switch (t.kind) {
    case Term::Kind::Iri:
        j["type"] = "uri";
        j["value"] = t.value;
        break;
    case Term::Kind::Blank:
        j["type"] = "bnode";
        j["value"] = t.value;
        break;
    case Term::Kind::Literal:
        j["type"] = "literal";
        j["value"] = t.value;
        if (!t.language.empty()) j["xml:lang"] = t.language;
        else if (!t.datatype.empty()) j["datatype"] = t.datatype;
        break;
    }
    return j;
}

std::string ntriples(const QueryResult& r) {
    std::string out;
    for (const auto& q : r.triples) out += q.nquads(); // graph results have no graph names
    return out;
}

std::string table(const QueryResult& r) {
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> widths;
    for (const auto& v : r.variables) widths.push_back(width(v));
    for (const auto& row : r.rows) {
        std::vector<std::string> line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line.push_back(table_cell(row[i]));
            widths[i] = std::max(widths[i], width(line.back()));
        }
        cells.push_back(std::move(line));
    }
    auto emit = [&](const std::vector<std::string>& line) {
        std::string s;
        for (std::size_t i = 0; i < line.size(); ++i) {
            s += line[i];
            // No padding after the last column: no trailing blanks.
            if (i + 1 < line.size()) s += std::string(widths[i] - width(line[i]) + 2, ' ');
        }
        return s + "\n";
    };
    std::string out = emit(r.variables);
    std::vector<std::string> rule;
    for (auto w : widths) rule.push_back(std::string(w, '-'));
    out += emit(rule);
    for (const auto& line : cells) out += emit(line);
    out += "(" + std::to_string(r.rows.size()) + (r.rows.size() == 1 ? " row)\n" : " rows)\n");
    return out;
}

} // namespace

std::string escape_controls(std::string_view text, bool keep_tabs) {
    std::string out;
    out.reserve(text.size());
    char buf[8];
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && !(keep_tabs && c == '\t')) || c == 0x7f) {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
            // A C1 control in UTF-8 (U+0080..U+009F): CSI (U+009B) starts escape sequences too.
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(text[i + 1]));
            out += buf;
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::optional<ResultFormat> parse_result_format(const std::string& name) {
    if (name == "table") return ResultFormat::Table;
    if (name == "csv") return ResultFormat::Csv;
    if (name == "tsv") return ResultFormat::Tsv;
    if (name == "json") return ResultFormat::Json;
    return std::nullopt;
}

std::string shorten_iri(const std::string& iri) {
    const std::pair<std::string, std::string>* best = nullptr;
    for (const auto& p : known_prefixes())
        if (iri.size() > p.second.size() && iri.compare(0, p.second.size(), p.second) == 0 &&
            (!best || p.second.size() > best->second.size()))
            best = &p;
    if (best) {
        std::string_view local(iri);
        local.remove_prefix(best->second.size());
        if (plain_local(local)) return best->first + ":" + std::string(local);
    }
    return "<" + iri + ">";
}

std::string sparql_prefixes() {
    std::string out;
    for (const auto& [name, ns] : known_prefixes()) out += "PREFIX " + name + ": <" + ns + "> ";
    return out;
}

ResultWriter::ResultWriter(std::ostream& out, ResultFormat format) : out_(out), format_(format) {}

void ResultWriter::begin(const std::vector<std::string>& variables) {
    variables_ = variables;
    switch (format_) {
    case ResultFormat::Table: break; // aligned columns: written by end()
    case ResultFormat::Csv:
        // RFC 4180 as the W3C note asks: CRLF line ends, header without '?'.
        for (std::size_t i = 0; i < variables_.size(); ++i) out_ << (i ? "," : "") << variables_[i];
        out_ << "\r\n";
        break;
    case ResultFormat::Tsv:
        for (std::size_t i = 0; i < variables_.size(); ++i) out_ << (i ? "\t?" : "?") << variables_[i];
        out_ << "\n";
        break;
    case ResultFormat::Json: {
        nlohmann::ordered_json vars = variables_;
        out_ << "{\n  \"head\": {\n    \"vars\": " << vars.dump() << "\n  },\n  \"results\": {\n    \"bindings\": [";
        break;
    }
    }
}

void ResultWriter::row(std::vector<std::optional<Term>>&& row) {
    switch (format_) {
    case ResultFormat::Table: kept_.rows.push_back(std::move(row)); break;
    case ResultFormat::Csv:
        for (std::size_t i = 0; i < row.size(); ++i) out_ << (i ? "," : "") << csv_field(row[i]);
        out_ << "\r\n";
        break;
    case ResultFormat::Tsv:
        for (std::size_t i = 0; i < row.size(); ++i) out_ << (i ? "\t" : "") << tsv_field(row[i]);
        out_ << "\n";
        break;
    case ResultFormat::Json: {
        nlohmann::ordered_json b = nlohmann::ordered_json::object();
        for (std::size_t i = 0; i < row.size(); ++i)
            if (row[i]) b[variables_[i]] = json_term(*row[i]);
        out_ << (rows_ ? ",\n      " : "\n      ") << b.dump();
        break;
    }
    }
    ++rows_;
}

void ResultWriter::end() {
    switch (format_) {
    case ResultFormat::Table:
        kept_.variables = variables_;
        out_ << table(kept_);
        kept_.rows.clear();
        break;
    case ResultFormat::Csv:
    case ResultFormat::Tsv: break;
    case ResultFormat::Json: out_ << (rows_ ? "\n    ]\n  }\n}\n" : "]\n  }\n}\n"); break;
    }
    out_.flush();
}

void ResultWriter::write(const QueryResult& r) {
    if (r.kind == QueryResult::Kind::Graph) {
        out_ << ntriples(r);
    } else if (r.kind == QueryResult::Kind::Boolean) {
        if (format_ == ResultFormat::Json) {
            nlohmann::ordered_json j;
            j["head"] = nlohmann::ordered_json::object();
            j["boolean"] = r.boolean;
            out_ << j.dump(2) << "\n";
        } else {
            out_ << (r.boolean ? "true\n" : "false\n");
        }
    } else {
        begin(r.variables);
        for (auto row : r.rows) this->row(std::move(row));
        end();
        return;
    }
    out_.flush();
}

std::string format_result(const QueryResult& r, ResultFormat format) {
    std::ostringstream out;
    ResultWriter(out, format).write(r);
    return out.str();
}

} // namespace newskg
