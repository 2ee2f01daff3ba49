// Gazetteer tags for words the treebanks hardly have (syntax::KnownTags): country names
// PROPN, demonyms before a noun ADJ, their plurals PROPN NNPS, forced while tagging.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string_view>
#include <vector>

#include "newskg/syntax/model.hpp"
#include "test_paths.hpp"

using namespace newskg;
namespace fs = std::filesystem;

TEST_CASE("name tags: capitalised country names, demonyms before a noun, plurals", "[syntax][known-tags]") {
    syntax::KnownTags tags;
    tags.add_name("latvia");
    tags.add_adjective("estonian");
    const std::vector<std::string_view> f{"Latvia", "shot", "down", "an", "Estonian", "drone", "."};
    CHECK(tags.at(f, 0).first == "PROPN");
    CHECK(tags.at(f, 1).first.empty());
    CHECK(tags.at(f, 4) == std::pair<std::string_view, std::string_view>{"ADJ", "JJ"});
    // Before a capitalised word or at the end the tagger decides; lower case is no name.
    const std::vector<std::string_view> g{"Estonian", "Prime", "Minister", "spoke", "Estonian", "to", "latvia"};
    CHECK(tags.at(g, 0).first.empty());
    CHECK(tags.at(g, 4).first == "ADJ");
    CHECK(tags.at(g, 6).first.empty());
    const std::vector<std::string_view> h{"Estonians", "voted", "."};
    CHECK(tags.at(h, 0) == std::pair<std::string_view, std::string_view>{"PROPN", "NNPS"});
}

TEST_CASE("name tags are forced while tagging, and the next words see them", "[syntax][known-tags]") {
    const std::string path = (fs::path(NEWSKG_SOURCE_DIR) / "models" / syntax::kModelFileName).string();
    if (!fs::exists(path)) {
        WARN("skipped: no shipped syntax model");
        return;
    }
    syntax::KnownTags tags;
    tags.add_name("latvia");
    tags.add_adjective("estonian");
    const auto model = syntax::SyntaxModel::load(path).with_known_tags(std::move(tags));
    REQUIRE(model.known_tags());
    const auto words = model.analyse({"Latvia", "shot", "down", "an", "Estonian", "drone", "."});
    CHECK(words[0].upos == "PROPN");
    CHECK(words[4].upos == "ADJ");
    CHECK(words[4].deprel == "amod");
    CHECK(words[5].upos == "NOUN");
    // The plain model is unchanged by the copy.
    CHECK_FALSE(syntax::SyntaxModel::load(path).known_tags());
}

TEST_CASE("known verbs: a headline without a verb takes the first known one after a name", "[syntax][known-tags]") {
    syntax::KnownTags tags;
    tags.add_verb("meet");
    tags.add_verb("sign");
    tags.add_verb("deal");
    const std::vector<std::string_view> f{"Latvian", "PM", "meets", "Estonian", "counterpart"};
    CHECK(tags.headline_verb(f, {"ADJ", "NOUN", "NOUN", "ADJ", "NOUN"}) == 2);
    // A headline the tagger gave a verb is left alone; a known verb after a lower-case
    // word is no headline verb ("Talks on border deal collapse").
    CHECK(tags.headline_verb(f, {"ADJ", "NOUN", "VERB", "ADJ", "NOUN"}) == static_cast<std::size_t>(-1));
    const std::vector<std::string_view> g{"Talks", "on", "border", "deal", "collapse"};
    CHECK(tags.headline_verb(g, {"NOUN", "ADP", "NOUN", "NOUN", "NOUN"}) == static_cast<std::size_t>(-1));
}

TEST_CASE("known verbs: a sentence without a verb takes a known past form after its subject", "[syntax][known-tags]") {
    syntax::KnownTags tags;
    tags.add_verb("impose");
    tags.add_verb("deny");
    tags.add_verb("ban");
    const std::vector<std::string_view> f{"Baltic", "leaders", "imposed", "sanctions", "."};
    CHECK(tags.verbless_past(f, {"ADJ", "NOUN", "ADJ", "NOUN", "PUNCT"}) == 2);
    const std::vector<std::string_view> g{"Officials", "denied", "it"};
    CHECK(tags.verbless_past(g, {"NOUN", "ADJ", "PRON"}) == 1);
    const std::vector<std::string_view> h{"Riga", "banned", "rallies"};
    CHECK(tags.verbless_past(h, {"PROPN", "ADJ", "NOUN"}) == 1);
    // A sentence with a verb, or a participle after no noun ("the imposed sanctions"), stays.
    CHECK(tags.verbless_past(f, {"ADJ", "NOUN", "VERB", "NOUN", "PUNCT"}) == static_cast<std::size_t>(-1));
    const std::vector<std::string_view> k{"the", "imposed", "sanctions"};
    CHECK(tags.verbless_past(k, {"DET", "ADJ", "NOUN"}) == static_cast<std::size_t>(-1));
}

TEST_CASE("known verbs: Title Case headlines and irregular past forms", "[syntax][known-tags]") {
    syntax::KnownTags tags;
    tags.add_verb("slam");
    tags.add_verb("shoot");
    tags.add_name("latvia");
    tags.add_irregular_past("shot", "shoot");
    // "Latvian PM Slams Estonia Over Gas Deal": the capitalised -s form of a known verb.
    const std::vector<std::string_view> f{"Latvian", "PM", "Slams", "Estonia", "Over", "Gas", "Deal"};
    CHECK(tags.headline_verb(f, {"ADJ", "PROPN", "PROPN", "PROPN", "ADP", "PROPN", "PROPN"}) == 2);
    // A country's name is never the verb ("Laos" is no verb "lao").
    const std::vector<std::string_view> g{"Estonian", "Latvias", "Meeting"};
    CHECK(tags.headline_verb(g, {"ADJ", "PROPN", "PROPN"}) == static_cast<std::size_t>(-1));
    // "Estonia shot down a drone ." with "shot" read as a noun.
    const std::vector<std::string_view> h{"Estonia", "shot", "down", "a", "drone", "."};
    CHECK(tags.verbless_past(h, {"PROPN", "NOUN", "ADP", "DET", "NOUN", "PUNCT"}) == 1);
}
