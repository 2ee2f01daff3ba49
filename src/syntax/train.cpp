#include "newskg/syntax/train.hpp"
#include "core/ascii_case.hpp"

#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "newskg/core/error.hpp"
#include "newskg/syntax/conllu.hpp"
#include "newskg/syntax/evaluate.hpp"
#include "syntax/model_parts.hpp"

namespace newskg::syntax {

namespace {

ModelInput describe_input(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw input_error(ids::input::kSyntaxTrainingUnreadable, path, "cannot open training file");
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    ModelInput mi;
    mi.name = std::filesystem::path(path).filename().string();
    mi.bytes = bytes.size();
    mi.crc32 = static_cast<std::uint32_t>(
        crc32(0L, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
    return mi;
}

/// The tag lexicon: "form<TAB>UPOS<TAB>XPOS" lines; a tag pair the treebanks never use is
/// an error naming the line (it could never be predicted).
std::map<std::string, std::vector<int>> read_tag_lexicon(const std::string& path, const TagSet& tags) {
    std::ifstream in(path);
    if (!in) throw input_error(ids::input::kSyntaxTrainingUnreadable, path, "cannot open the tag lexicon");
    std::map<std::string, std::vector<int>> out;
    std::string line;
    for (std::size_t no = 1; std::getline(in, line); ++no) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::stringstream ss(line);
        for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
        const std::string where = path + ":" + std::to_string(no);
        if (cols.size() != 3 || cols[0].empty())
            throw usage_error(where + ": expected 'form<TAB>UPOS<TAB>XPOS'");
        const int t = tags.find(cols[1], cols[2]);
        if (t < 0) throw usage_error(where + ": the treebanks have no tag " + cols[1] + " " + cols[2]);
        auto& v = out[ascii_lower(cols[0])];
        if (std::find(v.begin(), v.end(), t) == v.end()) v.push_back(t);
    }
    return out;
}

std::vector<std::string_view> forms_of(const std::vector<std::string>& forms) {
    return {forms.begin(), forms.end()};
}

class Stopwatch {
  public:
    double seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }

  private:
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

} // namespace

SyntaxModel train_syntax_model(const TrainOptions& opt) {
    auto log = [&](const std::string& s) {
        if (opt.log) opt.log(s);
    };
    Stopwatch clock;
    auto parts = std::make_shared<ModelParts>();
    parts->info.license = opt.license;
    parts->info.attribution = opt.attribution;

    std::vector<UdSentence> sents;
    for (const auto& path : opt.train_files) {
        parts->info.inputs.push_back(describe_input(path));
        auto s = read_conllu(path);
        if (opt.max_sentences && s.size() > opt.max_sentences) s.resize(opt.max_sentences);
        sents.insert(sents.end(), std::make_move_iterator(s.begin()), std::make_move_iterator(s.end()));
    }
    if (sents.empty()) throw usage_error("no training sentences in the --train files");
    {
        std::ostringstream o;
        o << "tagger_epochs=" << opt.tagger_epochs << " parser_epochs=" << opt.parser_epochs
          << " folds=" << opt.folds << " max_sentences=" << opt.max_sentences
          << " tagger_min_weight=" << opt.tagger_min_weight << " parser_min_weight=" << opt.parser_min_weight
          << " clusters=" << opt.coarse_clusters << "," << opt.fine_clusters
          << " ambiguity_min_count=" << opt.ambiguity_min_count;
        if (!opt.lexicon_file.empty()) o << " lexicon=" << std::filesystem::path(opt.lexicon_file).filename().string();
        parts->info.options = o.str();
    }

    // Tag set and labels in sorted order, so they do not depend on the files' order.
    std::set<std::pair<std::string, std::string>> tag_pairs;
    std::set<std::string> label_set;
    for (const auto& s : sents)
        for (const auto& w : s.words) {
            tag_pairs.emplace(w.upos, w.xpos);
            label_set.insert(w.deprel);
        }
    TagSet tags;
    for (const auto& [u, x] : tag_pairs) tags.add(u, x);
    const std::vector<std::string> labels(label_set.begin(), label_set.end());

    std::vector<TaggedSentence> tagged(sents.size());
    for (std::size_t i = 0; i < sents.size(); ++i)
        for (const auto& w : sents[i].words) {
            tagged[i].forms.push_back(w.form);
            tagged[i].tags.push_back(tags.find(w.upos, w.xpos));
        }
    log("read " + std::to_string(sents.size()) + " sentences, " + std::to_string(tags.size()) + " tags, " +
        std::to_string(labels.size()) + " labels");

    // Jackknifing: the parser learns from tags predicted by a tagger that did not see the
    // sentence, so it meets tagger errors as it will when parsing new text. Job 0 trains
    // the final tagger on everything; job f ≥ 1 tags fold f − 1 with a tagger trained on
    // the other folds. Each job writes only its own slots.
    TaggerTrainOptions to;
    to.epochs = opt.tagger_epochs;
    to.min_weight = opt.tagger_min_weight;
    to.ambiguity_min_count = opt.ambiguity_min_count;
    if (!opt.lexicon_file.empty()) {
        parts->info.inputs.push_back(describe_input(opt.lexicon_file));
        to.lexicon = read_tag_lexicon(opt.lexicon_file, tags);
        log("tag lexicon: " + std::to_string(to.lexicon.size()) + " words");
    }
    const int folds = opt.folds >= 2 ? opt.folds : 0;
    std::vector<std::vector<int>> predicted(sents.size());
    Tagger final_tagger;
    auto fold_of = [&](std::size_t i) { return static_cast<int>(i * static_cast<std::size_t>(folds) / sents.size()); };
    auto run_job = [&](int job) {
        if (job == 0) {
            final_tagger = train_tagger(tagged, tags, to);
            return;
        }
        const int f = job - 1;
        std::vector<TaggedSentence> rest;
        for (std::size_t i = 0; i < sents.size(); ++i)
            if (fold_of(i) != f) rest.push_back(tagged[i]);
        const Tagger t = train_tagger(rest, tags, to);
        for (std::size_t i = 0; i < sents.size(); ++i)
            if (fold_of(i) == f) predicted[i] = t.tag(forms_of(tagged[i].forms));
    };
    const int jobs = 1 + folds;
    const std::size_t threads = std::max<std::size_t>(1, std::min<std::size_t>(opt.threads, static_cast<std::size_t>(jobs)));
    {
        std::vector<std::thread> pool;
        std::vector<std::exception_ptr> errors(threads);
        for (std::size_t t = 0; t < threads; ++t)
            pool.emplace_back([&, t] {
                try {
                    for (int j = static_cast<int>(t); j < jobs; j += static_cast<int>(threads)) run_job(j);
                } catch (...) {
                    errors[t] = std::current_exception();
                }
            });
        for (auto& th : pool) th.join();
        for (auto& e : errors)
            if (e) std::rethrow_exception(e);
    }
    if (folds == 0)
        for (std::size_t i = 0; i < sents.size(); ++i) predicted[i] = tagged[i].tags;
    {
        std::size_t right = 0, all = 0;
        for (std::size_t i = 0; i < sents.size(); ++i)
            for (std::size_t k = 0; k < predicted[i].size(); ++k) {
                right += predicted[i][k] == tagged[i].tags[k];
                ++all;
            }
        char buf[160];
        std::snprintf(buf, sizeof buf, "taggers trained (%.1f s); jackknifed tag accuracy %.4f", clock.seconds(),
                      all ? static_cast<double>(right) / static_cast<double>(all) : 0.0);
        log(buf);
    }
    parts->tagger = std::move(final_tagger);

    for (const auto& s : sents)
        for (const auto& w : s.words) parts->lemmatizer.add_example(w.form, w.xpos, w.lemma);
    parts->lemmatizer.finish_training();

    WordClusters clusters;
    if (opt.coarse_clusters > 0 && opt.fine_clusters > 0) {
        std::vector<std::vector<std::string>> text(sents.size());
        for (std::size_t i = 0; i < sents.size(); ++i) text[i] = tagged[i].forms;
        ClusterOptions co;
        co.sizes = {opt.coarse_clusters, opt.fine_clusters};
        clusters = WordClusters::learn(text, co);
        char buf[160];
        std::snprintf(buf, sizeof buf, "word classes (%.1f s): %zu words in %d and %d classes", clock.seconds(),
                      clusters.words(), opt.coarse_clusters, opt.fine_clusters);
        log(buf);
    }
    std::vector<ParserSentence> pdata(sents.size());
    for (std::size_t i = 0; i < sents.size(); ++i) {
        pdata[i].input = parser_input(forms_of(tagged[i].forms), predicted[i], tags.upos, &clusters);
        for (const auto& w : sents[i].words) {
            pdata[i].gold.head.push_back(w.head - 1);
            pdata[i].gold.label.push_back(static_cast<int>(
                std::lower_bound(labels.begin(), labels.end(), w.deprel) - labels.begin()));
        }
    }
    ParserTrainOptions po;
    po.epochs = opt.parser_epochs;
    po.min_weight = opt.parser_min_weight;
    parts->parser = train_parser(pdata, labels, po, std::move(clusters));
    {
        char buf[200];
        std::snprintf(buf, sizeof buf, "parser trained (%.1f s): tagger %zu rows, parser %zu rows / %zu weights, %zu lemma exceptions",
                      clock.seconds(), parts->tagger.weights().rows(), parts->parser.weights().rows(),
                      parts->parser.weights().entries(), parts->lemmatizer.size());
        log(buf);
    }
    SyntaxModel model(std::move(parts));
    if (!opt.dev_file.empty()) log("dev: " + format_scores(evaluate(model, read_conllu(opt.dev_file))));
    return model;
}

} // namespace newskg::syntax
