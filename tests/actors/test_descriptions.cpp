// Definite descriptions that refer back: "the group" to an armed group or organisation,
// "the president", "the former chief" to the person the article gave that title.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace newskg;
using newskg::test::entity_named;
using newskg::test::event;
using newskg::test::extract_text;

TEST_CASE("'the group' refers back to the armed group or organisation in focus", "[actors][descriptions]") {
    auto x = extract_text("The Red Dune Front seized the town of Kavala on Monday. "
                          "The group later attacked Estonia.");
    CHECK(event(x, "Red Dune Front", "Estonia", "19"));
    // A capitalised word after "group" makes it part of a name, not a description.
    auto y = extract_text("Estonia met Latvia. The group Northern Lights criticised Estonia.");
    CHECK_FALSE(event(y, "Latvia", "Estonia", "11"));
}

TEST_CASE("a bare title refers to the person the article gave that title", "[actors][descriptions]") {
    SECTION("title before the name, another person mentioned since") {
        auto x = extract_text("President Ana Varga met Tomas Berg on Monday. "
                              "The president later accused Mira Holt of fraud.");
        CHECK(event(x, "Ana Varga", "Mira Holt", "11"));
        CHECK_FALSE(event(x, "Tomas Berg", "Mira Holt", "11"));
    }
    SECTION("title in an apposition after the name") {
        auto x = extract_text("Ana Varga, the country's president, met Tomas Berg. "
                              "The president accused Mira Holt of fraud.");
        CHECK(event(x, "Ana Varga", "Mira Holt", "11"));
    }
    SECTION("an adjective between article and title") {
        auto x = extract_text("Former army chief Ivo Rask met Tomas Berg. "
                              "The former chief later attacked Ana Varga.");
        CHECK(event(x, "Ivo Rask", "Ana Varga", "19"));
    }
    SECTION("nobody had the title: no one gets the event") {
        auto x = extract_text("Tomas Berg met Ana Varga. The president accused Mira Holt of fraud.");
        CHECK_FALSE(event(x, "Tomas Berg", "Mira Holt", "11"));
        CHECK_FALSE(event(x, "Ana Varga", "Mira Holt", "11"));
    }
    SECTION("'the president of' names another body's president") {
        auto x = extract_text("President Ana Varga met Tomas Berg. "
                              "The president of the bank accused Mira Holt of fraud.");
        CHECK_FALSE(event(x, "Ana Varga", "Mira Holt", "11"));
    }
}
