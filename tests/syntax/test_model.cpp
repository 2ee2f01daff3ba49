// The syntax model: deterministic training, file round trip, bad files, and the shipped
// model's scores on the UD test sets (when ../shared/ud is there).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "newskg/core/error.hpp"
#include "newskg/syntax/conllu.hpp"
#include "newskg/syntax/evaluate.hpp"
#include "newskg/syntax/model.hpp"
#include "newskg/syntax/train.hpp"
#include "process.hpp"
#include "syntax/binary_io.hpp"
#include "test_paths.hpp"

using namespace newskg;
namespace fs = std::filesystem;

namespace {

/// The UD treebanks: $NEWSKG_UD_DIR, else ../shared/ud beside the source tree.
std::string ud_dir() {
    if (const char* env = std::getenv("NEWSKG_UD_DIR"); env && *env) return env;
    return (fs::path(NEWSKG_SOURCE_DIR) / ".." / "shared" / "ud").lexically_normal().string();
}

std::string shipped_model() {
    return (fs::path(NEWSKG_SOURCE_DIR) / "models" / syntax::kModelFileName).string();
}

/// A small treebank written by the test (invented sentences), for fast training runs.
const char* kTinyTreebank =
    "# text = Zorbs eat glims.\n"
    "1\tZorbs\tzorb\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\teat\teat\tVERB\tVBP\t_\t0\troot\t_\t_\n"
    "3\tglims\tglim\tNOUN\tNNS\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = The blorf saw a zorb.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tblorf\tblorf\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_\n"
    "5\tzorb\tzorb\tNOUN\tNN\t_\t3\tobj\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = Glims quickly ran to the blorf.\n"
    "1\tGlims\tglim\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
    "2\tquickly\tquickly\tADV\tRB\t_\t3\tadvmod\t_\t_\n"
    "3\tran\trun\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tto\tto\tADP\tIN\t_\t6\tcase\t_\t_\n"
    "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
    "6\tblorf\tblorf\tNOUN\tNN\t_\t3\tobl\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n";

syntax::TrainOptions tiny_options(const std::string& path) {
    syntax::TrainOptions o;
    o.train_files = {path};
    o.tagger_epochs = 3;
    o.parser_epochs = 3;
    o.folds = 3;
    o.attribution = "test";
    return o;
}

} // namespace

TEST_CASE("training is deterministic and the file round-trips", "[syntax]") {
    test::TempDir dir;
    const std::string tb = dir / "tiny.conllu";
    test::write_file(tb, kTinyTreebank);
    const auto a = syntax::train_syntax_model(tiny_options(tb)).serialize();
    auto one_thread = tiny_options(tb);
    one_thread.threads = 1; // another thread count, the same model
    const auto b = syntax::train_syntax_model(one_thread).serialize();
    CHECK(a == b);
    const std::string path = dir / "m.nskg";
    test::write_file(path, a);
    const auto m = syntax::SyntaxModel::load(path);
    CHECK(m.serialize() == a);
    CHECK(m.info().license == "CC BY-SA 4.0");
    REQUIRE(m.info().inputs.size() == 1);
    CHECK(m.info().inputs[0].name == "tiny.conllu");
    const auto words = m.analyse({"Zorbs", "eat", "glims", "."});
    REQUIRE(words.size() == 4);
    int roots = 0;
    for (const auto& w : words) roots += w.head < 0;
    CHECK(roots == 1);
}

TEST_CASE("a model with word classes is deterministic and round-trips", "[syntax]") {
    test::TempDir dir;
    const std::string tb = dir / "tiny.conllu";
    test::write_file(tb, kTinyTreebank);
    auto o = tiny_options(tb);
    o.coarse_clusters = 2;
    o.fine_clusters = 4;
    const auto a = syntax::train_syntax_model(o).serialize();
    CHECK(a == syntax::train_syntax_model(o).serialize());
    CHECK(a != syntax::train_syntax_model(tiny_options(tb)).serialize());
    const std::string path = dir / "m.nskg";
    test::write_file(path, a);
    const auto m = syntax::SyntaxModel::load(path);
    CHECK(m.serialize() == a);
    CHECK(m.info().options.find("clusters=2,4") != std::string::npos);
    const auto words = m.analyse({"Zorbs", "eat", "glims", "."});
    REQUIRE(words.size() == 4);
    int roots = 0;
    for (const auto& w : words) roots += w.head < 0;
    CHECK(roots == 1);
}

TEST_CASE("retraining on a slice of the treebanks reproduces the same bytes", "[syntax]") {
    const std::string ewt = ud_dir() + "/en_ewt/en_ewt-ud-train.conllu";
    if (!fs::exists(ewt)) {
        WARN("skipped: " << ewt << " not found (set NEWSKG_UD_DIR)");
        return;
    }
    syntax::TrainOptions o;
    o.train_files = {ewt};
    o.max_sentences = 300;
    o.tagger_epochs = 2;
    o.parser_epochs = 2;
    o.folds = 2;
    CHECK(syntax::train_syntax_model(o).serialize() == syntax::train_syntax_model(o).serialize());
}

TEST_CASE("a bad model file is a clear error naming the file", "[syntax]") {
    test::TempDir dir;
    const std::string path = dir / "bad.nskg";
    test::write_file(path, "this is not a model");
    try {
        syntax::SyntaxModel::load(path);
        FAIL("no error");
    } catch (const syntax::model_error& e) {
        CHECK(e.id() == "newskg.syntax.102");
        CHECK(std::string(e.what()).find(path) != std::string::npos);
    }
    CHECK_THROWS_AS(syntax::SyntaxModel::load(dir / "missing.nskg"), syntax::model_error);
    // A valid gzip stream with the magic line, then a header cut short.
    test::write_file(path, syntax::gzip_compress(std::string("newskg-syntax-model\n") +
                                                 static_cast<char>(syntax::kModelFormatVersion) +
                                                 std::string("\0\0\0\xff\xff", 5)));
    try {
        syntax::SyntaxModel::load(path);
        FAIL("no error");
    } catch (const syntax::model_error& e) {
        CHECK(e.id() == "newskg.syntax.102");
    }
    // A truncated copy of a real model file.
    test::TempDir d2;
    const std::string tb = d2 / "tiny.conllu";
    test::write_file(tb, kTinyTreebank);
    const std::string good = syntax::train_syntax_model(tiny_options(tb)).serialize();
    std::string raw;
    REQUIRE(syntax::gzip_decompress(good, raw));
    test::write_file(path, syntax::gzip_compress(raw.substr(0, raw.size() - 7)));
    CHECK_THROWS_AS(syntax::SyntaxModel::load(path), syntax::model_error);
}

// Floors: the figures measured for the shipped model (bench/RESULTS.md) minus 0.005.
TEST_CASE("the shipped model scores on the UD English test sets", "[syntax]") {
    const std::string dir = ud_dir();
    if (!fs::exists(dir + "/en_ewt/en_ewt-ud-test.conllu") || !fs::exists(shipped_model())) {
        WARN("skipped: " << dir << " or " << shipped_model() << " not found (set NEWSKG_UD_DIR)");
        return;
    }
    const auto model = syntax::SyntaxModel::load(shipped_model());
    struct Case {
        const char* file;
        const char* prefix;
        double upos, uas, las;
    };
    const Case cases[] = {
        {"/en_ewt/en_ewt-ud-test.conllu", "", 0.9552, 0.8586, 0.8308},
        {"/en_gum/en_gum-ud-test.conllu", "", 0.9630, 0.8486, 0.8188},
        {"/en_gum/en_gum-ud-test.conllu", "GUM_news_", 0.9635, 0.8361, 0.8049},
    };
    for (const auto& c : cases) {
        const auto gold = syntax::read_conllu(dir + c.file);
        const std::string prefix = c.prefix;
        const auto s = syntax::evaluate(model, gold, [&](const syntax::UdSentence& x) {
            return x.doc_id.compare(0, prefix.size(), prefix) == 0;
        });
        INFO(c.file << " " << prefix << ": " << syntax::format_scores(s));
        CHECK(s.ratio(s.upos) >= c.upos - 0.005);
        CHECK(s.ratio(s.uas) >= c.uas - 0.005);
        CHECK(s.ratio(s.las) >= c.las - 0.005);
    }
}
