// The statistical name recogniser: gold names from GUM-style entity annotations, the
// BILOU label helpers, deterministic training and the model file, the shipped model's
// scores on GUM test (when ../shared/ud is there), and what it changes in the actor
// stage: unknown names found, junk kept out. Every sentence is written here; the names
// are invented.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "actors/ner_model.hpp"
#include "newskg/actors/ner.hpp"
#include "newskg/actors/ner_train.hpp"
#include "newskg/core/error.hpp"
#include "newskg/syntax/conllu.hpp"
#include "support.hpp"
#include "test_paths.hpp"

using namespace newskg;
using newskg::test::entity_named;
using newskg::test::extract_text;
namespace fs = std::filesystem;

namespace {

// "The banker Mira Talvan of the Bank of Gondor visited Osgiliath ." with GUM-style
// brackets: a person with a title, an organisation holding a place, a place.
const char* kAnnotated =
    "# newdoc id = GUM_news_invented\n"
    "# text = The banker Mira Talvan of the Bank of Gondor visited Osgiliath.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-person-new-x-cf1-4-coref-Mira_Talvan\n"
    "2\tbanker\tbanker\tNOUN\tNN\t_\t10\tnsubj\t_\t_\n"
    "3\tMira\tMira\tPROPN\tNNP\t_\t2\tappos\t_\tEntity=(5-person-giv-x-cf1-1-appos-Mira_Talvan\n"
    "4\tTalvan\tTalvan\tPROPN\tNNP\t_\t3\tflat\t_\tEntity=5)\n"
    "5\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_\n"
    "6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\tEntity=(2-organization-new-x-cf2-2-coref-Bank_of_Gondor\n"
    "7\tBank\tBank\tPROPN\tNNP\t_\t2\tnmod\t_\t_\n"
    "8\tof\tof\tADP\tIN\t_\t9\tcase\t_\t_\n"
    "9\tGondor\tGondor\tPROPN\tNNP\t_\t7\tnmod\t_\tEntity=(3-place-new-x-cf3-1-coref-Gondor)2)1)\n"
    "10\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "11\tOsgiliath\tOsgiliath\tPROPN\tNNP\t_\t10\tobj\t_\tEntity=(4-place-new-x-cf4-1-coref-Osgiliath)|SpaceAfter=No\n"
    "12\t.\t.\tPUNCT\t.\t_\t10\tpunct\t_\t_\n"
    "\n"
    "# text = The bank grew.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(2-organization-giv-x-cf1-2-coref-Bank_of_Gondor\n"
    "2\tbank\tbank\tNOUN\tNN\t_\t3\tnsubj\t_\tEntity=2)\n"
    "3\tgrew\tgrow\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n";

std::vector<syntax::UdSentence> annotated() {
    std::istringstream in(kAnnotated);
    return syntax::read_conllu(in, "annotated");
}

/// A small training file of invented sentences: names of three kinds in a few frames.
std::string tiny_training_file(const fs::path& dir) {
    const char* people[] = {"Mira Talvan", "Oren Castell", "Ilse Varga", "Tomas Rell"};
    const char* orgs[] = {"Talvan Holdings", "Castell Group", "Varga Bank", "Rell Union"};
    const char* places[] = {"Osgiliath", "Eldoria", "Mirkwood", "Dunharrow"};
    std::ostringstream out;
    int n = 0;
    auto word = [&](int id, const std::string& form, const char* upos, const char* xpos, int head,
                    const char* rel, const std::string& misc) {
        out << id << '\t' << form << '\t' << form << '\t' << upos << '\t' << xpos << "\t_\t" << head << '\t' << rel
            << "\t_\t" << (misc.empty() ? "_" : misc) << "\n";
    };
    for (int a = 0; a < 4; ++a)
        for (int b = 0; b < 4; ++b) {
            const std::string p = people[a], o = orgs[b], pl = places[(a + b) % 4];
            const std::string p1 = p.substr(0, p.find(' ')), p2 = p.substr(p.find(' ') + 1);
            const std::string o1 = o.substr(0, o.find(' ')), o2 = o.substr(o.find(' ') + 1);
            ++n;
            out << "# text = " << p << " joined " << o << " in " << pl << ".\n";
            word(1, p1, "PROPN", "NNP", 3, "nsubj", "Entity=(1-person-new-x-cf1-1-coref");
            word(2, p2, "PROPN", "NNP", 1, "flat", "Entity=1)");
            word(3, "joined", "VERB", "VBD", 0, "root", "");
            word(4, o1, "PROPN", "NNP", 3, "obj", "Entity=(2-organization-new-x-cf2-1-coref");
            word(5, o2, "PROPN", "NNP", 4, "flat", "Entity=2)");
            word(6, "in", "ADP", "IN", 7, "case", "");
            word(7, pl, "PROPN", "NNP", 3, "obl", "Entity=(3-place-new-x-cf3-1-coref)");
            word(8, ".", "PUNCT", ".", 3, "punct", "");
            out << "\n";
        }
    const fs::path path = dir / "tiny-ner.conllu";
    std::ofstream(path) << out.str();
    return path.string();
}

fs::path temp_dir() {
    const fs::path d = fs::temp_directory_path() / ("newskg-ner-test-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

std::string ud_dir() {
    if (const char* env = std::getenv("NEWSKG_UD_DIR"); env && *env) return env;
    return (fs::path(test_paths::source_dir) / ".." / "shared" / "ud").lexically_normal().string();
}

} // namespace

TEST_CASE("gold names are the proper-noun runs around a PROPN head", "[ner]") {
    const auto sents = annotated();
    REQUIRE(sents.size() == 2);
    const auto names = ner::gold_names(sents[0]);
    // The mention "The banker … Gondor" has a common-noun head: not a name, but its
    // apposition is; the place inside the bank's name gives way to the longer name.
    REQUIRE(names.size() == 3);
    CHECK(names[0] == ner::NameSpan{2, 4, ner::NameType::Person});
    CHECK(names[1] == ner::NameSpan{6, 9, ner::NameType::Organization});
    CHECK(names[2] == ner::NameSpan{10, 11, ner::NameType::Place});
    // "The bank" has a common-noun head: a mention, not a name.
    CHECK(ner::gold_names(sents[1]).empty());
}

TEST_CASE("a common noun heading a mention gives way to the name of the same referent", "[ner]") {
    // "The physician Ana Lind left the village of Eldor ." with one mention each and no
    // nested name: the apposition and the place's "of" phrase are the names.
    const char* text =
        "# text = The physician Ana Lind left the village of Eldor.\n"
        "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-person-new-x-cf1-4-coref\n"
        "2\tphysician\tphysician\tNOUN\tNN\t_\t5\tnsubj\t_\t_\n"
        "3\tAna\tAna\tPROPN\tNNP\t_\t2\tappos\t_\t_\n"
        "4\tLind\tLind\tPROPN\tNNP\t_\t3\tflat\t_\tEntity=1)\n"
        "5\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\tEntity=(2-place-new-x-cf2-4-coref\n"
        "7\tvillage\tvillage\tNOUN\tNN\t_\t5\tobj\t_\t_\n"
        "8\tof\tof\tADP\tIN\t_\t9\tcase\t_\t_\n"
        "9\tEldor\tEldor\tPROPN\tNNP\t_\t7\tnmod\t_\tEntity=2)|SpaceAfter=No\n"
        "10\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n"
        "\n"
        "# text = The staff of Varga Bank met.\n"
        "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-organization-new-x-cf1-4-coref\n"
        "2\tstaff\tstaff\tNOUN\tNN\t_\t6\tnsubj\t_\t_\n"
        "3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_\n"
        "4\tVarga\tVarga\tPROPN\tNNP\t_\t2\tnmod\t_\t_\n"
        "5\tBank\tBank\tPROPN\tNNP\t_\t4\tflat\t_\tEntity=1)\n"
        "6\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
        "7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_\n"
        "\n";
    std::istringstream in(text);
    const auto sents = syntax::read_conllu(in, "appositions");
    REQUIRE(sents.size() == 2);
    const auto names = ner::gold_names(sents[0]);
    REQUIRE(names.size() == 2);
    CHECK(names[0] == ner::NameSpan{2, 4, ner::NameType::Person});
    CHECK(names[1] == ner::NameSpan{8, 9, ner::NameType::Place});
    // "The staff of Varga Bank" is another referent than the bank: no name.
    CHECK(ner::gold_names(sents[1]).empty());
}

TEST_CASE("BILOU labels spell spans and forbid ill-formed sequences", "[ner]") {
    const std::vector<ner::NameSpan> spans = {{0, 1, ner::NameType::Place}, {2, 5, ner::NameType::Person}};
    const auto labels = ner::labels_of(spans, 6);
    CHECK(ner::spans_of(labels) == spans);
    const int begin_person = ner::label_of(ner::Part::Begin, ner::NameType::Person);
    const int last_org = ner::label_of(ner::Part::Last, ner::NameType::Organization);
    CHECK_FALSE(ner::allowed(begin_person, last_org, false)); // a name changes type
    CHECK_FALSE(ner::allowed(begin_person, ner::kOutside, false)); // a name left open
    CHECK_FALSE(ner::allowed(-1, begin_person, true));             // opened at the last word
    CHECK(ner::allowed(begin_person, ner::label_of(ner::Part::Last, ner::NameType::Person), true));
}

TEST_CASE("training is deterministic, the model file round-trips and learns its data", "[ner]") {
    const auto& r = test::resources();
    REQUIRE(r.syntax());
    const fs::path dir = temp_dir();
    ner::NerTrainOptions opt;
    opt.train_files = {tiny_training_file(dir)};
    opt.epochs = 4;
    opt.min_weight = 0;
    const ner::NerModel a = ner::train_ner_model(opt, *r.syntax(), r.actors());
    const ner::NerModel b = ner::train_ner_model(opt, *r.syntax(), r.actors());
    CHECK(a.serialize() == b.serialize());
    const std::string path = (dir / "tiny.nskg").string();
    a.save(path);
    const ner::NerModel c = ner::NerModel::load(path);
    CHECK(c.serialize() == a.serialize());
    CHECK(c.info().inputs.size() == 1);

    const auto sents = syntax::read_conllu(opt.train_files[0]);
    const auto scores = ner::evaluate_ner(c, *r.syntax(), r.actors(), sents);
    CHECK(scores.sentences == 16);
    CHECK(scores.f1(-1) > 0.9);

    SECTION("a file that is not a model is refused") {
        std::ofstream(dir / "bad.nskg") << "not a model";
        CHECK_THROWS_AS(ner::NerModel::load((dir / "bad.nskg").string()), syntax::model_error);
        CHECK_THROWS_AS(ner::NerModel::load((dir / "missing.nskg").string()), syntax::model_error);
    }
    fs::remove_all(dir);
}

TEST_CASE("gazetteer marks come from the gazetteer, the dictionaries and the cues", "[ner]") {
    const auto& r = test::resources();
    const std::vector<std::string_view> forms = {"Malian", "troops", "left", "Burkina", "Faso", "and", "turkey"};
    const auto marks = ner::gazetteer_marks(r.actors(), forms);
    CHECK((marks[0] & ner::kGazDemonym));
    CHECK((marks[1] & ner::kGazCue));
    CHECK((marks[3] & ner::kGazBegin));
    CHECK((marks[3] & ner::kGazCountry));
    CHECK((marks[4] & ner::kGazInside));
    CHECK_FALSE((marks[6] & ner::kGazCountry)); // the bird, in lower case
}

// ---- the shipped model (models/ner-en.nskg) in the actor stage ----

TEST_CASE("the shipped recogniser is loaded with the syntax model", "[ner]") {
    const auto& r = test::resources();
    REQUIRE(r.syntax());
    REQUIRE(r.names());
    CHECK(r.names()->info().license == "CC BY-SA 4.0");
}

TEST_CASE("unknown countries of an event sentence are found", "[ner][actors]") {
    auto x = extract_text("Arnor is about to restore full diplomatic ties with Gondor.");
    const Entity* arnor = entity_named(x, "Arnor");
    const Entity* gondor = entity_named(x, "Gondor");
    REQUIRE(arnor);
    REQUIRE(gondor);
    CHECK(arnor->id != gondor->id);
    // The relation rules read an event between them.
    bool edge = false;
    for (const auto& r : x.relations)
        edge = edge || (r.subject == arnor->id && r.object == gondor->id && r.is_event());
    CHECK(edge);
}

TEST_CASE("unknown people and organisations get the model's type", "[ner][actors]") {
    auto x = extract_text("Talia Brennick, who leads the Eldorian Farmers Collective, met reporters in Osgiliath on "
                          "Tuesday.\n\nBrennick said the Collective would keep protesting.");
    const Entity* talia = entity_named(x, "Talia Brennick");
    REQUIRE(talia);
    CHECK(talia->type == ActorType::Person);
    CHECK(entity_named(x, "Brennick") == talia);
    CHECK_FALSE(entity_named(x, "Tuesday"));
}

TEST_CASE("a name ends on a capitalised word: 'accused X of rigging the vote' names X", "[ner][actors]") {
    auto x = extract_text("The opposition accused Brennickov of rigging the vote.");
    const Entity* b = entity_named(x, "Brennickov");
    REQUIRE(b);
    CHECK(b->type == ActorType::Person);
    CHECK_FALSE(entity_named(x, "Brennickov of rigging the vote"));
    // Connectors inside a name stay: "Bank of Gondor".
    auto y = extract_text("The Bank of Gondor accused Brennickov of fraud.");
    CHECK(entity_named(y, "Bank of Gondor"));
}

TEST_CASE("junk is never an actor", "[ner][actors]") {
    SECTION("a heading in capitals") {
        auto x = extract_text("IMMEDIATE CEASEFIRE DEMANDED\n\nThe council met on Monday.");
        CHECK_FALSE(entity_named(x, "IMMEDIATE CEASEFIRE DEMANDED"));
        CHECK_FALSE(entity_named(x, "IMMEDIATE CEASEFIRE"));
        CHECK_FALSE(entity_named(x, "IMMEDIATE"));
    }
    SECTION("a dateline") {
        auto x = extract_text("ELDORIA — Farmers blocked the main road on Monday, police said.");
        CHECK_FALSE(entity_named(x, "ELDORIA"));
        auto y = extract_text("BAMAKO — Farmers blocked the main road on Monday, police said.");
        CHECK_FALSE(entity_named(y, "BAMAKO"));
    }
    SECTION("a platform used as a medium") {
        auto x = extract_text("The governor posted on Truth Social that the talks had failed.");
        CHECK_FALSE(entity_named(x, "Truth Social"));
        auto y = extract_text("Minister Oren Castell wrote on Ithil Chat that he would resign.");
        CHECK_FALSE(entity_named(y, "Ithil Chat"));
    }
    SECTION("a generic plural") {
        auto x = extract_text("Prime Ministers from both regions met in a hotel on Friday.");
        CHECK_FALSE(entity_named(x, "Prime Ministers"));
    }
}

TEST_CASE("the shipped recogniser's scores on GUM test", "[ner]") {
    const std::string test_file = ud_dir() + "/en_gum/en_gum-ud-test.conllu";
    if (!fs::exists(test_file)) {
        WARN("GUM not found at " << test_file << ": scores not checked");
        return;
    }
    const auto& r = test::resources();
    REQUIRE(r.names());
    const auto sents = syntax::read_conllu(test_file);
    const auto s = ner::evaluate_ner(*r.names(), *r.syntax(), r.actors(), sents);
    INFO(ner::format_ner_scores(s));
    // The figure of models/README.md (0.618), minus a margin.
    CHECK(s.f1(-1) >= 0.59);
}
