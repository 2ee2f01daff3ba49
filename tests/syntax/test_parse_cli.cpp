// newskg parse: CoNLL-U and JSON output of an article, --eval, and errors.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "newskg/syntax/conllu.hpp"
#include "newskg/syntax/model.hpp"
#include "process.hpp"

using namespace newskg;
namespace fs = std::filesystem;

namespace {

const char* kArticle =
    "Glorbian rebels seize the port\n\n"
    "Rebels in Glorbia said on Monday they don't accept the cease-fire. The 40-year-old "
    "commander, who was re-elected last year, can't return to the capital.\n\n"
    "\"We won't stop,\" a spokesman told reporters in Zamport.\n";

bool model_present() {
    return fs::exists(fs::path(NEWSKG_SOURCE_DIR) / "models" / syntax::kModelFileName);
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) out.push_back(cur);
    return out;
}

} // namespace

TEST_CASE("parse writes valid CoNLL-U with byte offsets", "[syntax][cli]") {
    if (!model_present()) {
        WARN("skipped: no shipped syntax model");
        return;
    }
    test::TempDir dir;
    const std::string art = dir / "article.txt";
    test::write_file(art, kArticle);
    const auto r = test::run_newskg("parse " + test::sh_quote(art));
    REQUIRE(r.status == 0);
    std::size_t sentences = 0, words = 0, roots = 0, n = 0;
    std::vector<std::vector<std::string>> block;
    auto finish = [&] {
        if (block.empty()) return;
        ++sentences;
        std::size_t block_roots = 0;
        for (const auto& cols : block) {
            const long head = std::stol(cols[6]);
            CHECK(head >= 0);
            CHECK(head <= static_cast<long>(block.size()));
            block_roots += head == 0;
            CHECK(cols[9].find("TokenRange=") != std::string::npos);
        }
        CHECK(block_roots == 1);
        roots += block_roots;
        block.clear();
        n = 0;
    };
    for (const auto& line : split(r.out, '\n')) {
        if (line.empty()) {
            finish();
            continue;
        }
        if (line[0] == '#') continue;
        const auto cols = split(line, '\t');
        REQUIRE(cols.size() == 10);
        CHECK(cols[0] == std::to_string(++n));
        ++words;
        block.push_back(cols);
    }
    finish();
    CHECK(sentences == 4);
    CHECK(roots == sentences);
    CHECK(r.out.find("\tca\tcan\tAUX\tMD\t") != std::string::npos);
    CHECK(r.out.find("\tn't\tnot\tPART\tRB\t") != std::string::npos);
    // The offsets point at the word in the article's text ("# text" of the title).
    CHECK(r.out.find("1\tGlorbian\t") != std::string::npos);
    CHECK(r.out.find("TokenRange=0:8") != std::string::npos);
}

TEST_CASE("parse --format json gives heads inside each sentence", "[syntax][cli]") {
    if (!model_present()) {
        WARN("skipped: no shipped syntax model");
        return;
    }
    test::TempDir dir;
    const std::string art = dir / "article.txt";
    test::write_file(art, kArticle);
    const auto r = test::run_newskg("parse --format json " + test::sh_quote(art));
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["sentences"].size() == 4);
    for (const auto& s : j["sentences"]) {
        int roots = 0;
        for (const auto& w : s["words"]) {
            const int h = w["head"].get<int>();
            CHECK(h >= -1);
            CHECK(h < static_cast<int>(s["words"].size()));
            roots += h == -1;
        }
        CHECK(roots == 1);
    }
}

TEST_CASE("parse --eval scores a CoNLL-U file, a bad model is an error", "[syntax][cli]") {
    test::TempDir dir;
    const std::string gold = dir / "gold.conllu";
    test::write_file(gold,
                     "# text = Zorbs eat glims.\n"
                     "1\tZorbs\tzorb\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
                     "2\teat\teat\tVERB\tVBP\t_\t0\troot\t_\t_\n"
                     "3\tglims\tglim\tNOUN\tNNS\t_\t2\tobj\t_\tSpaceAfter=No\n"
                     "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
    const std::string bad = dir / "bad.nskg";
    test::write_file(bad, "nope");
    const auto e = test::run_newskg("parse --model " + test::sh_quote(bad) + " --eval " + test::sh_quote(gold));
    CHECK(e.status == 2); // a broken model is a setup error, like a broken ontology
    CHECK(e.err.find("newskg.syntax.102") != std::string::npos);
    CHECK(e.err.find(bad) != std::string::npos);
    if (!model_present()) return;
    const auto r = test::run_newskg("parse --eval " + test::sh_quote(gold));
    REQUIRE(r.status == 0);
    CHECK(r.out.find("UPOS ") != std::string::npos);
    CHECK(r.out.find("UAS ") != std::string::npos);
    CHECK(r.out.find("LAS ") != std::string::npos);

    // --by-relation: one row per gold relation; --predictions: the model's trees over the gold
    // words, which score against the gold file as the summary line says.
    const std::string pred = dir / "pred.conllu";
    const auto b = test::run_newskg("parse --eval " + test::sh_quote(gold) + " --by-relation --predictions " +
                                    test::sh_quote(pred));
    REQUIRE(b.status == 0);
    for (const char* rel : {"\nnsubj ", "\nroot ", "\nobj ", "\npunct "}) CHECK(b.out.find(rel) != std::string::npos);
    const auto predicted = newskg::syntax::read_conllu(pred);
    REQUIRE(predicted.size() == 1);
    REQUIRE(predicted[0].words.size() == 4);
    CHECK(predicted[0].text == "Zorbs eat glims.");
    CHECK(predicted[0].words[0].form == "Zorbs");
    int roots = 0, right_heads = 0;
    const int gold_heads[] = {2, 0, 2, 2};
    for (std::size_t i = 0; i < 4; ++i) {
        roots += predicted[0].words[i].head == 0;
        right_heads += predicted[0].words[i].head == gold_heads[i];
    }
    CHECK(roots == 1);
    char uas[32];
    std::snprintf(uas, sizeof uas, "UAS %.4f", right_heads / 4.0);
    CHECK(b.out.find(uas) != std::string::npos);
}

TEST_CASE("train-syntax writes the same model twice, parse reads it", "[syntax][cli]") {
    test::TempDir dir;
    const std::string tb = dir / "tiny.conllu";
    test::write_file(tb,
                     "# text = Blorfs see zorbs.\n"
                     "1\tBlorfs\tblorf\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
                     "2\tsee\tsee\tVERB\tVBP\t_\t0\troot\t_\t_\n"
                     "3\tzorbs\tzorb\tNOUN\tNNS\t_\t2\tobj\t_\tSpaceAfter=No\n"
                     "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
                     "# text = Zorbs don't see blorfs.\n"
                     "1\tZorbs\tzorb\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n"
                     "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                     "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
                     "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
                     "4\tsee\tsee\tVERB\tVB\t_\t0\troot\t_\t_\n"
                     "5\tblorfs\tblorf\tNOUN\tNNS\t_\t4\tobj\t_\tSpaceAfter=No\n"
                     "6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
    const std::string a = dir / "a.nskg", b = dir / "b.nskg";
    const std::string opts = " --tagger-epochs 2 --parser-epochs 2 --folds 2 --quiet --train " + test::sh_quote(tb);
    REQUIRE(test::run_newskg("train-syntax --output " + test::sh_quote(a) + opts).status == 0);
    REQUIRE(test::run_newskg("train-syntax --threads 1 --output " + test::sh_quote(b) + opts).status == 0);
    CHECK(test::read_file(a) == test::read_file(b));
    const auto r = test::run_newskg("parse --model " + test::sh_quote(a) + " --eval " + test::sh_quote(tb));
    CHECK(r.status == 0);
    CHECK(r.out.find("(2 sentences, 10 words)") != std::string::npos);
    const auto u = test::run_newskg("train-syntax --output " + test::sh_quote(a));
    CHECK(u.status == 2);
    CHECK(u.err.find("no --train files") != std::string::npos);
    const auto help = test::run_newskg("--help");
    CHECK(help.out.find("parse ") != std::string::npos);
    CHECK(help.out.find("train-syntax") != std::string::npos);
}
