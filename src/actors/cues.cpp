#include <fstream>
#include <set>
#include <sstream>

#include "newskg/actors/actors.hpp"
#include "newskg/core/error.hpp"

namespace newskg {

namespace {
std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}
std::size_t word_count(const std::string& s) {
    std::size_t n = 1;
    for (char c : s)
        if (c == ' ') ++n;
    return n;
}
} // namespace

ActorCues ActorCues::load(const std::string& dir) {
    ActorCues cues;
    const std::string cue_path = dir + "/actor-cues.tsv";
    std::ifstream in(cue_path);
    if (!in) throw ontology_error(ids::ontology::kNoCueList, cue_path + ": cannot open the actor cue list");
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::stringstream ss(line);
        std::string col;
        while (std::getline(ss, col, '\t')) cols.push_back(trim(col));
        if (cols.size() < 2 || cols[0].empty() || cols[1].empty())
            throw ontology_error(ids::ontology::kBadCueList,
                                 cue_path + ":" + std::to_string(line_no) + ": expected 'word<TAB>role<TAB>type'");
        const std::string word = name_key(cols[0]);
        // Word classes: read by the typing and relation rules, never evidence of a name.
        static const std::set<std::string> word_class_roles{"civic_word", "armed_word", "relief_head", "own_kind"};
        if (word_class_roles.count(cols[1])) {
            cues.word_classes[cols[1]].insert(word);
            continue;
        }
        cues.by_word[word][cols[1]] = cols.size() > 2 && !cols[2].empty() ? cols[2] : "-";
        cues.longest_cue = std::max(cues.longest_cue, word_count(word));
    }
    const std::string stop_path = dir + "/not-actors.txt";
    std::ifstream stop(stop_path);
    if (!stop) throw ontology_error(ids::ontology::kNoNotActors, stop_path + ": cannot open the list of non-actors");
    while (std::getline(stop, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        cues.not_actors.insert(name_key(line));
    }
    // CAMEO country codes → ISO alpha-2, for actor dictionaries (optional file).
    const std::string cameo_path = dir + "/cameo-countries.tsv";
    std::ifstream cameo(cameo_path);
    line_no = 0;
    while (cameo && std::getline(cameo, line)) {
        ++line_no;
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        if (tab == std::string::npos)
            throw ontology_error(ids::ontology::kBadCameoCountries,
                                 cameo_path + ":" + std::to_string(line_no) + ": expected 'CAMEO<TAB>ISO'");
        cues.cameo_countries[trim(line.substr(0, tab))] = trim(line.substr(tab + 1));
    }
    return cues;
}

std::string ActorCues::role(std::string_view word, std::string_view role_name) const {
    if (const auto c = word_classes.find(std::string(role_name)); c != word_classes.end())
        return c->second.count(std::string(word)) ? "-" : std::string();
    auto it = by_word.find(std::string(word));
    if (it == by_word.end()) return {};
    auto r = it->second.find(std::string(role_name));
    return r == it->second.end() ? std::string() : r->second;
}

} // namespace newskg
