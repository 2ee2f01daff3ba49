// What newskg's embedded SPARQL engine is not allowed to run, or runs wrongly, found by
// reading the query's tokens (strings, IRIs and comments skipped), and DESCRIBE taken
// apart so the store can answer it itself (Rasqal 0.9 fails on every DESCRIBE).
//
// Each refusal below was checked against rdflib on the same data: VALUES answered 8
// of 15 rows inline and failed after the pattern; a FILTER over a sub-query's rows
// paired counts with the wrong subjects; SERVICE sent an HTTP request; FROM <url> was
// ignored, answering from the whole store as if it had not been written.
#include <algorithm>
#include <cctype>
#include <string_view>

#include "newskg/store/query.hpp"

namespace newskg {

namespace {

struct Token {
    enum class Kind { Word, Variable, Iri, PrefixedName, String, Punct };
    Kind kind;
    std::string_view text;
    std::size_t begin; ///< byte offset in the query
};

bool name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ||
           static_cast<unsigned char>(c) >= 0x80;
}

/// Whether an IRI reference starts at q[i] ('<' then no space or forbidden character
/// before '>'); its end (one past '>') in `end`.
bool iri_at(std::string_view q, std::size_t i, std::size_t& end) {
    for (std::size_t j = i + 1; j < q.size(); ++j) {
        const unsigned char c = static_cast<unsigned char>(q[j]);
        if (c == '>') {
            end = j + 1;
            return true;
        }
        if (c <= 0x20 || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' || c == '\\')
            return false;
    }
    return false;
}

/// The end of the string literal starting at q[i] (short or long form, with escapes).
std::size_t string_end(std::string_view q, std::size_t i) {
    const char quote = q[i];
    const bool long_form = q.substr(i, 3) == std::string(3, quote);
    std::size_t j = i + (long_form ? 3 : 1);
    while (j < q.size()) {
        if (q[j] == '\\') {
            j += 2;
            continue;
        }
        if (long_form ? q.substr(j, 3) == std::string(3, quote) : q[j] == quote)
            return j + (long_form ? 3 : 1);
        if (!long_form && (q[j] == '\n' || q[j] == '\r')) return j; // unterminated: the parser says so
        ++j;
    }
    return q.size();
}

std::vector<Token> tokens(std::string_view q) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < q.size()) {
        const char c = q[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '#') {
            while (i < q.size() && q[i] != '\n') ++i;
        } else if (c == '"' || c == '\'') {
            std::size_t end = string_end(q, i);
            out.push_back({Token::Kind::String, q.substr(i, end - i), i});
            i = end;
        } else if (std::size_t end = 0; c == '<' && iri_at(q, i, end)) {
            out.push_back({Token::Kind::Iri, q.substr(i, end - i), i});
            i = end;
        } else if ((c == '?' || c == '$') && i + 1 < q.size() && name_char(q[i + 1])) {
            std::size_t j = i + 1;
            while (j < q.size() && name_char(q[j])) ++j;
            out.push_back({Token::Kind::Variable, q.substr(i, j - i), i});
            i = j;
        } else if (name_char(c) || c == ':') {
            std::size_t j = i;
            bool prefixed = false;
            while (j < q.size() && (name_char(q[j]) || q[j] == ':' || q[j] == '.' || q[j] == '%' || q[j] == '\\')) {
                if (q[j] == ':') prefixed = true;
                j += q[j] == '\\' ? 2 : 1;
            }
            while (j > i + 1 && q[j - 1] == '.') --j; // a name never ends in '.': it ends the triple
            if (!prefixed) // keywords and numbers stop at '.'
                for (std::size_t k = i; k < j; ++k)
                    if (q[k] == '.' && !std::isdigit(static_cast<unsigned char>(q[i]))) {
                        j = k;
                        break;
                    }
            out.push_back({prefixed ? Token::Kind::PrefixedName : Token::Kind::Word, q.substr(i, j - i), i});
            i = j;
        } else {
            out.push_back({Token::Kind::Punct, q.substr(i, 1), i});
            ++i;
        }
    }
    return out;
}

std::string upper(std::string_view s) {
    std::string u(s);
    for (char& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return u;
}

bool is_word(const Token& t, std::string_view keyword) { return t.kind == Token::Kind::Word && upper(t.text) == keyword; }

} // namespace

void check_sparql(const std::string& sparql, const std::string& store_dir) {
    const std::string where = store_dir + ": ";
    int selects = 0;
    for (const Token& t : tokens(sparql)) {
        if (t.kind != Token::Kind::Word) continue;
        const std::string k = upper(t.text);
        if (k == "SERVICE")
            throw store_error(ids::store::kRefused,
                              where + "SERVICE is refused: newskg query answers from the local store only "
                                      "and never reaches the network");
        if (k == "INSERT" || k == "DELETE" || k == "LOAD" || k == "CLEAR" || k == "DROP" || k == "CREATE" ||
            k == "ADD" || k == "MOVE" || k == "COPY" || k == "WITH")
            throw store_error(ids::store::kUpdate,
                              where + "SPARQL updates are not supported (" + k +
                                  "): newskg query only reads; change the store with newskg load and "
                                  "newskg unload");
        if (k == "FROM")
            throw store_error(ids::store::kRefused,
                              where + "FROM and FROM NAMED are refused: the query is answered from the "
                                      "store's own graphs only (the engine would ignore them); name a "
                                      "graph with GRAPH <IRI> { ... } instead");
        if (k == "VALUES")
            throw store_error(ids::store::kRefused,
                              where + "VALUES is refused: the embedded engine (Rasqal) answers it "
                                      "wrongly (it drops rows); write the alternatives with FILTER(?x "
                                      "IN (...)) or UNION instead");
        if (k == "MINUS")
            throw store_error(ids::store::kRefused, where +
                                                        "MINUS is not supported by the embedded engine (Rasqal); write "
                                                        "OPTIONAL { ... } FILTER(!BOUND(?x)) instead");
        if (k == "EXISTS")
            throw store_error(ids::store::kRefused,
                              where + "EXISTS and NOT EXISTS are not supported by the embedded engine "
                                      "(Rasqal); write OPTIONAL { ... } FILTER(BOUND(?x)) or "
                                      "FILTER(!BOUND(?x)) instead");
        if (k == "SELECT" && ++selects > 1)
            throw store_error(ids::store::kRefused,
                              where + "sub-queries (a SELECT inside the query) are refused: the embedded "
                                      "engine (Rasqal) pairs their rows wrongly with the rest of the "
                                      "query; run the inner query on its own");
    }
}

std::optional<DescribeQuery> parse_describe(const std::string& sparql) {
    const std::vector<Token> ts = tokens(sparql);
    std::size_t i = 0;
    // The prologue: PREFIX name: <iri> and BASE <iri>.
    while (i < ts.size() && (is_word(ts[i], "PREFIX") || is_word(ts[i], "BASE")))
        i += is_word(ts[i], "PREFIX") ? 3 : 2;
    if (i >= ts.size() || !is_word(ts[i], "DESCRIBE")) return std::nullopt;
    DescribeQuery d;
    d.prologue = sparql.substr(0, ts[i].begin);
    std::size_t j = i + 1;
    bool star = false;
    for (; j < ts.size(); ++j) {
        const Token& t = ts[j];
        if (is_word(t, "WHERE") || (t.kind == Token::Kind::Punct && t.text == "{")) break;
        if (t.kind == Token::Kind::Variable) d.variables.emplace_back(t.text.substr(1));
        else if (t.kind == Token::Kind::Iri || t.kind == Token::Kind::PrefixedName) d.constants.emplace_back(t.text);
        else if (t.kind == Token::Kind::Punct && t.text == "*") star = true;
        else
            throw store_error(ids::store::kQuery, "DESCRIBE expects IRIs, prefixed names, variables or *, got '" +
                                                      std::string(t.text) + "'");
    }
    if (j < ts.size()) d.where = sparql.substr(ts[j].begin);
    if (star) {
        // Every variable of the WHERE clause.
        for (std::size_t k = j; k < ts.size(); ++k)
            if (ts[k].kind == Token::Kind::Variable) {
                std::string v(ts[k].text.substr(1));
                if (std::find(d.variables.begin(), d.variables.end(), v) == d.variables.end()) d.variables.push_back(v);
            }
    }
    if (d.constants.empty() && d.variables.empty())
        throw store_error(ids::store::kQuery,
                          "DESCRIBE names no resource (give IRIs, prefixed names or variables of a WHERE clause)");
    if (!d.variables.empty() && d.where.empty())
        throw store_error(ids::store::kQuery, "DESCRIBE with variables needs a WHERE clause that binds them");
    return d;
}

} // namespace newskg
