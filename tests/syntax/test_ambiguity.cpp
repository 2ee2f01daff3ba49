// The tagger's ambiguity classes: what tags a word had in training, and the tag lexicon for
// words the treebanks hold too rarely.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "newskg/core/error.hpp"
#include "newskg/syntax/model.hpp"
#include "newskg/syntax/train.hpp"
#include "process.hpp"
#include "syntax/tagger.hpp"

using namespace newskg;

namespace {

syntax::TaggedSentence sentence(std::vector<std::string> forms, std::vector<int> tags) {
    return {std::move(forms), std::move(tags)};
}

const char* kTreebank =
    "# text = Zorbs glimmed the blorf.\n"
    "1\tZorbs\tzorb\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tglimmed\tglim\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tblorf\tblorf\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# text = The blorf glimmed amid zorbs.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tblorf\tblorf\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tglimmed\tglim\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tamid\tamid\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tzorbs\tzorb\tNOUN\tNNS\t_\t3\tobl\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n";

} // namespace

TEST_CASE("ambiguity classes: words seen often enough, and the lexicon for the rest", "[syntax][ambiguity]") {
    // Tags: 0 NOUN, 1 VERB, 2 ADP.
    const std::vector<syntax::TaggedSentence> data{sentence({"Blorf", "glims"}, {0, 1}),
                                                   sentence({"blorf", "glims", "amid", "zorbs"}, {0, 1, 2, 0}),
                                                   sentence({"zorbs", "glim"}, {0, 1})};
    const auto plain = syntax::AmbiguityClasses::learn(data, 2);
    CHECK(plain.of("blorf") != 0); // twice, in any case
    CHECK(plain.of("glims") != 0);
    CHECK(plain.of("blorf") == plain.of("zorbs")); // both only ever nouns
    CHECK(plain.of("blorf") != plain.of("glims"));
    CHECK(plain.of("amid") == 0); // once: no class
    CHECK(plain.of("glim") == 0);
    CHECK(syntax::AmbiguityClasses::learn(data, 0).size() == 0);
    // The lexicon classes a rare word; a word the data knows keeps the data's class.
    const std::map<std::string, std::vector<int>> lexicon{{"amid", {2}}, {"blorf", {1}}, {"swore", {1}}};
    const auto with = syntax::AmbiguityClasses::learn(data, 2, lexicon);
    CHECK(with.of("amid") != 0);
    CHECK(with.of("swore") == plain.of("glims")); // a verb, like "glims"
    CHECK(with.of("blorf") == plain.of("blorf"));
}

TEST_CASE("train-syntax reads a tag lexicon and records it, a bad line is an error", "[syntax][ambiguity]") {
    test::TempDir dir;
    const std::string tb = dir / "tb.conllu";
    test::write_file(tb, kTreebank);
    const std::string lex = dir / "lexicon.tsv";
    test::write_file(lex, "# words\nswore\tVERB\tVBD\namidst\tADP\tIN\n");
    syntax::TrainOptions o;
    o.train_files = {tb};
    o.tagger_epochs = 2;
    o.parser_epochs = 2;
    o.folds = 0;
    o.lexicon_file = lex;
    const auto model = syntax::train_syntax_model(o);
    REQUIRE(model.info().inputs.size() == 2);
    CHECK(model.info().inputs[1].name == "lexicon.tsv");
    CHECK(model.info().options.find("lexicon=lexicon.tsv") != std::string::npos);
    CHECK(model.serialize() == syntax::train_syntax_model(o).serialize()); // deterministic
    test::write_file(lex, "swore\tVERB\tVBD\nswore\tVERB\tXYZ\n");
    CHECK_THROWS_WITH(syntax::train_syntax_model(o), Catch::Contains(lex + ":2") && Catch::Contains("XYZ"));
    test::write_file(lex, "swore VERB VBD\n");
    CHECK_THROWS_WITH(syntax::train_syntax_model(o), Catch::Contains(lex + ":1"));
}

TEST_CASE("ambiguity classes looked up together are those looked up one by one", "[syntax][ambiguity]") {
    // 300 words seen twice (classes of one or two tags), looked up in batches of 64 and
    // more, with words that have no class among them; again after a round trip.
    std::vector<syntax::TaggedSentence> data;
    for (int w = 0; w < 300; ++w) {
        const std::string word = "w" + std::to_string(w);
        data.push_back(sentence({word, word}, {w % 3, w % 5 == 0 ? 1 : w % 3}));
    }
    const auto classes = syntax::AmbiguityClasses::learn(data, 2);
    REQUIRE(classes.size() == 300);
    std::vector<std::string> forms;
    std::vector<bool> known;
    for (int w = 0; w < 400; w += 3) {
        forms.push_back("w" + std::to_string(w));
        known.push_back(w < 300);
    }
    forms.push_back("");
    known.push_back(false);
    syntax::ByteWriter out;
    classes.write(out);
    syntax::ByteReader in(out.bytes());
    syntax::AmbiguityClasses back;
    REQUIRE(back.read(in));
    const syntax::AmbiguityClasses* const both[] = {&classes, &back};
    for (const auto* c : both) {
        std::vector<std::uint64_t> each(forms.size(), 7);
        c->of_each(forms, each.data());
        for (std::size_t i = 0; i < forms.size(); ++i) {
            CHECK(each[i] == classes.of(forms[i]));
            CHECK((each[i] != 0) == known[i]);
        }
    }
    syntax::ByteWriter again;
    back.write(again);
    CHECK(again.bytes() == out.bytes());
}
