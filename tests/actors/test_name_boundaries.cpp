// Where an unknown name ends: "and" continues a name only inside it ("Department of
// Health and Human Services"), never after a whole organisation's name or into a new
// phrase ("the Civic Union and the Green League", "Civic Union and Anna Lind").
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::entity_named;
using newskg::test::extract_text;

TEST_CASE("names do not run across 'and' into the next one", "[actors][boundaries]") {
    auto x = extract_text("Candidates of the Civic Union and the Green League won seats in Valmiera.");
    CHECK(entity_named(x, "Civic Union"));
    CHECK(entity_named(x, "Green League"));
    CHECK_FALSE(entity_named(x, "Civic Union and the Green League"));
    auto y = extract_text("Voters backed the Progressive Union and Anna Lind in the north.");
    CHECK(entity_named(y, "Progressive Union"));
    CHECK_FALSE(entity_named(y, "Progressive Union and Anna Lind"));
    // Inside one name, "and" stays part of it.
    auto z = extract_text("The Department of Health and Human Services said nothing.");
    CHECK(entity_named(z, "Department of Health and Human Services"));
}

TEST_CASE("a capitalised title alone is no name", "[actors][boundaries]") {
    auto x = extract_text("Latvian Prime Minister Ilze Berzina said the port would open, the Prime Minister added.");
    CHECK(entity_named(x, "Ilze Berzina"));
    CHECK_FALSE(entity_named(x, "Prime Minister"));
    auto y = extract_text("The Foreign Minister arrived in Riga on Monday.");
    CHECK_FALSE(entity_named(y, "Foreign Minister"));
}

TEST_CASE("languages and religions are no actors, institutions by their last word are", "[actors][boundaries]") {
    auto x = extract_text("The form must be completed in English, Latvian officials said.");
    CHECK_FALSE(entity_named(x, "English"));
    auto y = extract_text("Pilgrims gathered near Valmiera, a holy site in Islam.");
    CHECK_FALSE(entity_named(y, "Islam"));
    auto z = extract_text("Letters of the Valmiera Water Board were found in a bin.");
    const Entity* board = entity_named(z, "Valmiera Water Board");
    REQUIRE(board);
    CHECK(board->type == ActorType::Organization);
}

TEST_CASE("capitalised words before a lower-case organisation noun name it", "[actors][boundaries]") {
    auto x = extract_text("Ilze Berzina of the ruling Latvian Dawn party said the talks were off.");
    const Entity* party = entity_named(x, "Latvian Dawn");
    REQUIRE(party);
    CHECK(party->type == ActorType::Organization);
    auto y = extract_text("The opposition Strong Estonia movement called a rally in Tartu.");
    CHECK(entity_named(y, "Strong Estonia"));
    // A state's own bodies stay what they were.
    auto z = extract_text("The Latvian Army forces crossed the river.");
    CHECK_FALSE(entity_named(z, "Latvian Army forces"));
}

TEST_CASE("a day ends a name, a joined Arabic article continues it", "[actors][boundaries]") {
    auto day = extract_text("President Ana Varga Monday rejected the offer.");
    CHECK(entity_named(day, "Ana Varga"));
    CHECK_FALSE(entity_named(day, "Ana Varga Monday"));
    auto al = extract_text("Civil Defence director General Suleiman al-Amr said the wounded were taken to hospital.");
    CHECK(entity_named(al, "Suleiman al-Amr"));
}

TEST_CASE("a capital in a list of places is a place, a state 'of' something no country", "[actors][boundaries]") {
    // Victoria is also the Seychelles' capital; here it is one of the places listed.
    auto list = extract_text("The survey was carried out in Queensland, Victoria and Tasmania.");
    CHECK_FALSE(entity_named(list, "Seychelles"));
    const Entity* victoria = entity_named(list, "Victoria");
    REQUIRE(victoria);
    CHECK(victoria->type == ActorType::Location);
    // Standing alone as a party, the capital still stands for its country.
    auto party = extract_text("Moscow rejected the offer.");
    CHECK(entity_named(party, "Russia"));
    // "the current state of magic" is no description of the article's country.
    auto state = extract_text("Latvia hosted the festival. Critics spoke about the current state of magic.");
    const Entity* latvia = entity_named(state, "Latvia");
    REQUIRE(latvia);
    CHECK(latvia->aliases.empty());
}

TEST_CASE("a name joined to a lower-case word is a modifier, a report's source is no antecedent", "[actors][boundaries]") {
    auto related = extract_text("Ana Varga left Norvikia-related employment in Riga on Monday.");
    CHECK_FALSE(entity_named(related, "Norvikia-related"));
    // "he" is the one who left, not the source the report is according to.
    auto source = extract_text("According to Juris Kalns the files were returned by Ana Tamm shortly after he left the Riga Group.");
    for (const auto& r : source.relations) {
        const Entity* kalns = entity_named(source, "Juris Kalns");
        REQUIRE(kalns);
        CHECK_FALSE((r.subject == kalns->id && r.predicate == "withdrewFrom"));
    }
}

TEST_CASE("a pronoun inside a quotation is not the one named before it opens", "[actors][boundaries]") {
    auto x = extract_text("Juris Kalns wrote, \"Ana Tamm lied, and Daniel Berg will be punished unless he cooperates with Ana Tamm.\"");
    const Entity* kalns = entity_named(x, "Juris Kalns");
    REQUIRE(kalns);
    for (const auto& r : x.relations) CHECK_FALSE((r.subject == kalns->id && r.predicate == "cooperatedWith"));
}

TEST_CASE("a gazetteer name written in lower case at its start is found as written", "[actors][boundaries]") {
    auto x = extract_text("Police in Nairobi detained three al-Shabaab members on Monday.");
    CHECK(entity_named(x, "al-Shabaab"));
    // Only as the gazetteer writes it: a lower-case common word is no name.
    auto y = extract_text("The police said the al shabaab claim was false.");
    CHECK_FALSE(entity_named(y, "al-Shabaab"));
}

TEST_CASE("a kind of place in apposition makes an unknown name a place", "[actors][boundaries]") {
    for (const char* text : {"Rebels took Varnakel, a town in North Kivu province, on Monday.",
                             "Militants raided Oskeri, a village near the border."}) {
        auto x = extract_text(text);
        INFO(text);
        const Entity* e = entity_named(x, std::string(text).find("Varnakel") != std::string::npos ? "Varnakel" : "Oskeri");
        REQUIRE(e);
        CHECK(e->type == ActorType::Location);
    }
}

TEST_CASE("a dictionary agent's name stops before a closing preposition", "[actors][boundaries]") {
    auto x = extract_text("Ecuador stormed Mexico's embassy in Quito on Friday.");
    CHECK_FALSE(entity_named(x, "Mexico's embassy in"));
    CHECK(entity_named(x, "Mexico's embassy"));
}

TEST_CASE("a name does not run on across 'on' into a known name", "[actors]") {
    auto x = extract_text("Finland condemned the sanctions imposed by the Nordic Union on Latvia.");
    CHECK(entity_named(x, "Nordic Union"));
    CHECK(entity_named(x, "Latvia"));
    CHECK_FALSE(entity_named(x, "Nordic Union on Latvia"));
    auto inquiry = extract_text("The Commission of Inquiry on the Velmari Republic criticized Latvia.");
    CHECK(entity_named(inquiry, "Commission of Inquiry on the Velmari Republic"));
}

TEST_CASE("a body's word used as an adjective of the noun after it names no body", "[actors][boundaries]") {
    // "military" before "campaign" is an adjective: the campaign is the country's.
    auto x = extract_text("Latvia criticized Estonia's military campaign near the border.");
    CHECK(entity_named(x, "Estonia's military") == nullptr);
    CHECK(newskg::test::event(x, "Latvia", "Estonia", "11"));
    auto y = extract_text("Estonia welcomed the Latvian military aid.");
    CHECK(newskg::test::event(y, "Estonia", "Latvia", "05"));
    // As a noun it is the body.
    auto z = extract_text("Latvia's military attacked Estonia.");
    CHECK(newskg::test::event(z, "Latvia's military", "Estonia", "19"));
}

TEST_CASE("a place or demonym opening a longer name that ends in an organisation's word is part of it",
          "[actors][boundaries]") {
    auto x = extract_text("The Darfur Freedom Army ambushed Sudanese soldiers.");
    CHECK(entity_named(x, "Darfur Freedom Army") != nullptr);
    CHECK(entity_named(x, "Darfur") == nullptr);
    auto y = extract_text("The Latvian Liberation Front attacked Estonian troops.");
    CHECK(entity_named(y, "Latvian Liberation Front") != nullptr);
    // A state's own army keeps its country.
    auto z = extract_text("The Afghan National Army attacked Pakistan.");
    CHECK(entity_named(z, "Afghan National Army") != nullptr);
    CHECK(entity_named(z, "Afghan National Army")->type == ActorType::Military);
}

TEST_CASE("a movement, alliance or front named with words of party politics is an organisation",
          "[actors][boundaries]") {
    auto x = extract_text("Latvia accused the Movement for Democratic Renewal of rigging the vote.");
    REQUIRE(entity_named(x, "Movement for Democratic Renewal") != nullptr);
    CHECK(entity_named(x, "Movement for Democratic Renewal")->type == ActorType::Organization);
    auto y = extract_text("The Civic Alliance rejected the result in Riga.");
    REQUIRE(entity_named(y, "Civic Alliance") != nullptr);
    CHECK(entity_named(y, "Civic Alliance")->type == ActorType::Organization);
    // Armed names stay armed groups.
    auto z = extract_text("The Popular Liberation Front attacked Estonian troops.");
    REQUIRE(entity_named(z, "Popular Liberation Front") != nullptr);
    CHECK(entity_named(z, "Popular Liberation Front")->type == ActorType::ArmedGroup);
}
