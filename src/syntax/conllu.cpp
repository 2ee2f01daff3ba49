#include "newskg/syntax/conllu.hpp"

#include <fstream>
#include <istream>
#include <ostream>

#include "newskg/core/error.hpp"

namespace newskg::syntax {

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t tab = line.find('\t', start);
        out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    return out;
}

bool is_plain_id(const std::string& id) {
    if (id.empty()) return false;
    for (char c : id)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string comment_value(const std::string& line, const std::string& key) {
    // "# key = value"
    std::string prefix = "# " + key + " =";
    if (line.compare(0, prefix.size(), prefix) != 0) return {};
    std::size_t p = prefix.size();
    while (p < line.size() && line[p] == ' ') ++p;
    return line.substr(p);
}

} // namespace

std::vector<UdSentence> read_conllu(std::istream& in, const std::string& name) {
    std::vector<UdSentence> out;
    UdSentence cur;
    std::string doc_id;
    std::string line;
    std::size_t lineno = 0;
    auto finish = [&] {
        if (!cur.words.empty()) {
            const int n = static_cast<int>(cur.words.size());
            for (const auto& w : cur.words)
                if (w.head < 0 || w.head > n)
                    throw parse_error(ids::parse::kConlluHead, name, lineno,
                                      "head " + std::to_string(w.head) + " out of range");
            cur.doc_id = doc_id;
            out.push_back(std::move(cur));
        }
        cur = UdSentence{};
    };
    while (std::getline(in, line)) {
        ++lineno;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) {
            finish();
            continue;
        }
        if (line[0] == '#') {
            if (auto v = comment_value(line, "newdoc id"); !v.empty()) doc_id = v;
            if (auto v = comment_value(line, "text"); !v.empty()) cur.text = v;
            continue;
        }
        auto cols = split_tabs(line);
        if (cols.size() != 10)
            throw parse_error(ids::parse::kConlluColumns, name, lineno,
                              "expected 10 tab-separated columns, got " + std::to_string(cols.size()));
        if (!is_plain_id(cols[0])) continue; // multi-word token range or empty node
        UdWord w;
        w.form = cols[1];
        w.lemma = cols[2];
        w.upos = cols[3];
        w.xpos = cols[4];
        w.deprel = cols[7];
        w.misc = cols[9];
        if (cols[6] == "_") {
            w.head = 0;
        } else {
            if (!is_plain_id(cols[6]))
                throw parse_error(ids::parse::kConlluBadHead, name, lineno, "bad HEAD '" + cols[6] + "'");
            w.head = std::stoi(cols[6]);
        }
        if (std::to_string(cur.words.size() + 1) != cols[0])
            throw parse_error(ids::parse::kConlluIds, name, lineno, "word ids not consecutive at '" + cols[0] + "'");
        cur.words.push_back(std::move(w));
    }
    finish();
    return out;
}

std::vector<UdSentence> read_conllu(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw input_error(ids::input::kConlluUnreadable, path, "cannot open CoNLL-U file");
    return read_conllu(in, path);
}

void write_conllu(std::ostream& out, const UdSentence& sentence) {
    if (!sentence.text.empty()) out << "# text = " << sentence.text << "\n";
    const auto field = [](const std::string& v) -> const std::string& {
        static const std::string none = "_";
        return v.empty() ? none : v;
    };
    for (std::size_t i = 0; i < sentence.words.size(); ++i) {
        const UdWord& w = sentence.words[i];
        out << i + 1 << '\t' << w.form << '\t' << field(w.lemma) << '\t' << field(w.upos) << '\t'
            << field(w.xpos) << "\t_\t" << w.head << '\t' << field(w.deprel) << "\t_\t" << field(w.misc) << '\n';
    }
    out << '\n';
}

} // namespace newskg::syntax
