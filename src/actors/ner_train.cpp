// Training and scoring the name recogniser: a greedy averaged perceptron over BILOU
// labels, trained on its own predicted history (as it decodes), updated whenever its
// unconstrained best label is not the gold one.
#include "newskg/actors/ner_train.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numeric>

#include "actors/ner_model.hpp"
#include "newskg/core/error.hpp"
#include "syntax/hash.hpp"

namespace newskg::ner {

namespace {

syntax::ModelInput describe_input(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw input_error(ids::input::kNerTrainingUnreadable, path, "cannot open training file");
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    syntax::ModelInput mi;
    mi.name = std::filesystem::path(path).filename().string();
    mi.bytes = bytes.size();
    mi.crc32 = static_cast<std::uint32_t>(
        crc32(0L, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
    return mi;
}

struct Example {
    NerSentenceFeatures features;
    std::vector<int> labels;
};

std::string fixed(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

} // namespace

std::vector<NerWord> PreparedSentence::words() const {
    std::vector<NerWord> out(forms.size());
    for (std::size_t i = 0; i < forms.size(); ++i) out[i] = NerWord{forms[i], upos[i], xpos[i], gazetteer[i]};
    return out;
}

PreparedSentence prepare(const syntax::UdSentence& sentence, const syntax::SyntaxModel& tagger,
                         const ActorIndex& index) {
    PreparedSentence p;
    std::vector<std::string_view> views;
    for (const auto& w : sentence.words) p.forms.push_back(w.form);
    for (const auto& f : p.forms) views.push_back(f);
    for (auto& a : tagger.tag(views)) {
        p.upos.push_back(std::move(a.upos));
        p.xpos.push_back(std::move(a.xpos));
    }
    p.gazetteer = gazetteer_marks(index, views);
    return p;
}

NerModel train_ner_model(const NerTrainOptions& opt, const syntax::SyntaxModel& tagger, const ActorIndex& index) {
    auto log = [&](const std::string& s) {
        if (opt.log) opt.log(s);
    };
    auto parts = std::make_shared<NerModelParts>();
    parts->info.license = opt.license;
    parts->info.attribution = opt.attribution;
    std::vector<Example> data;
    std::size_t names = 0;
    for (const auto& path : opt.train_files) {
        auto sents = syntax::read_conllu(path);
        if (opt.max_sentences && sents.size() > opt.max_sentences) sents.resize(opt.max_sentences);
        parts->info.inputs.push_back(describe_input(path));
        for (const auto& s : sents) {
            const PreparedSentence p = prepare(s, tagger, index);
            const auto gold = gold_names(s);
            names += gold.size();
            data.push_back({sentence_features(p.words()), labels_of(gold, s.words.size())});
        }
        log("read " + path + ": " + std::to_string(sents.size()) + " sentences");
    }
    for (const auto& path : opt.extra_inputs) parts->info.inputs.push_back(describe_input(path));
    log(std::to_string(data.size()) + " sentences, " + std::to_string(names) + " names");
    std::vector<syntax::UdSentence> dev;
    if (!opt.dev_file.empty()) dev = syntax::read_conllu(opt.dev_file);

    syntax::WeightTrainer trainer(kLabels);
    std::vector<std::size_t> order(data.size());
    std::iota(order.begin(), order.end(), 0);
    syntax::Random rng(opt.seed);
    float scores[kLabels];
    std::uint64_t keys[kMaxNerFeatures];
    double t = 1;
    for (int epoch = 0; epoch < opt.epochs; ++epoch) {
        for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
        std::size_t errors = 0, words = 0;
        for (std::size_t s : order) {
            const Example& ex = data[s];
            int p1 = -1, p2 = -1;
            for (std::size_t i = 0; i < ex.labels.size(); ++i) {
                std::fill(std::begin(scores), std::end(scores), 0.0f);
                const std::size_t n = ner_features(ex.features, i, p1, p2, keys);
                trainer.score(keys, n, scores);
                const int guess = static_cast<int>(std::max_element(std::begin(scores), std::end(scores)) - scores);
                const int gold = ex.labels[i];
                if (guess != gold) ++errors;
                ++words;
                trainer.update(keys, n, static_cast<std::uint32_t>(gold), static_cast<std::uint32_t>(guess), t);
                t += 1;
                p2 = p1;
                p1 = best_allowed(scores, p1, i + 1 == ex.labels.size());
            }
        }
        std::string line = "epoch " + std::to_string(epoch + 1) + ": train label errors " +
                           fixed(words ? static_cast<double>(errors) / static_cast<double>(words) : 0.0);
        if (!dev.empty()) {
            parts->weights = trainer.finish(t, opt.min_weight, 1);
            const NerModel m(parts);
            const NerScores sc = evaluate_ner(m, tagger, index, dev);
            line += "; dev F1 " + fixed(sc.f1(-1));
        }
        log(line);
    }
    parts->weights = trainer.finish(t, opt.min_weight, 1);
    char buf[128];
    std::snprintf(buf, sizeof buf, "epochs=%d seed=%llu min_weight=%g max_sentences=%zu", opt.epochs,
                  static_cast<unsigned long long>(opt.seed), static_cast<double>(opt.min_weight), opt.max_sentences);
    parts->info.options = buf;
    log("model: " + std::to_string(parts->weights.rows()) + " features, " +
        std::to_string(parts->weights.entries()) + " weights");
    return NerModel(std::move(parts));
}

double NerScores::precision(int t) const {
    std::size_t c = 0, f = 0;
    for (std::size_t k = 0; k < kNameTypes; ++k)
        if (t < 0 || static_cast<std::size_t>(t) == k) c += correct[k], f += found[k];
    return f ? static_cast<double>(c) / static_cast<double>(f) : 0.0;
}

double NerScores::recall(int t) const {
    std::size_t c = 0, g = 0;
    for (std::size_t k = 0; k < kNameTypes; ++k)
        if (t < 0 || static_cast<std::size_t>(t) == k) c += correct[k], g += gold[k];
    return g ? static_cast<double>(c) / static_cast<double>(g) : 0.0;
}

double NerScores::f1(int t) const {
    const double p = precision(t), r = recall(t);
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

NerScores evaluate_ner(const NerModel& model, const syntax::SyntaxModel& tagger, const ActorIndex& index,
                       const std::vector<syntax::UdSentence>& gold,
                       const std::function<bool(const syntax::UdSentence&)>& keep) {
    NerScores sc;
    for (const auto& s : gold) {
        if (keep && !keep(s)) continue;
        ++sc.sentences;
        const PreparedSentence p = prepare(s, tagger, index);
        const auto found = model.recognize(p.words());
        const auto want = gold_names(s);
        for (const auto& g : want) ++sc.gold[static_cast<std::size_t>(g.type)];
        for (const auto& f : found) {
            ++sc.found[static_cast<std::size_t>(f.type)];
            if (std::find(want.begin(), want.end(), f) != want.end()) ++sc.correct[static_cast<std::size_t>(f.type)];
        }
    }
    return sc;
}

std::string format_ner_scores(const NerScores& s) {
    std::string out;
    char buf[160];
    auto row = [&](const char* name, int t) {
        std::size_t g = 0, f = 0, c = 0;
        for (std::size_t k = 0; k < kNameTypes; ++k)
            if (t < 0 || static_cast<std::size_t>(t) == k) g += s.gold[k], f += s.found[k], c += s.correct[k];
        std::snprintf(buf, sizeof buf, "%-13s P %.4f  R %.4f  F1 %.4f  (gold %zu, found %zu, correct %zu)\n", name,
                      s.precision(t), s.recall(t), s.f1(t), g, f, c);
        out += buf;
    };
    row("person", 0);
    row("organization", 1);
    row("place", 2);
    row("all", -1);
    std::snprintf(buf, sizeof buf, "(%zu sentences)\n", s.sentences);
    out += buf;
    return out;
}

} // namespace newskg::ner
