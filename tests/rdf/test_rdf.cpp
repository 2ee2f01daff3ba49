// The private librdf wrappers: ownership, node accessors, parse errors, serialisation.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "rdf/rdf.hpp"

using namespace newskg;

namespace {

constexpr const char* kTurtle = R"(@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:name "Alpha"@en ;
     ex:count "3"^^xsd:integer ;
     ex:knows ex:b , _:x .
ex:b ex:name "B \"quoted\" \\ back\nslash" .
)";

/// Every statement of a model as "s p o" strings, for comparisons.
std::vector<std::string> dump(const rdf::Model& model) {
    std::vector<std::string> out;
    model.statements().for_each([&](rdf::StatementRef st) {
        out.push_back(st.subject().describe() + " " + st.predicate().describe() + " " + st.object().describe());
    });
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("a Turtle string parses into a model whose nodes can be read", "[rdf]") {
    rdf::World world;
    rdf::Storage storage = rdf::Storage::in_memory(world);
    rdf::Model model(world, storage);
    rdf::Parser parser(world, "turtle");
    parser.parse_string(kTurtle, "http://example.org/", model, "inline");
    CHECK(model.size() == 5);

    bool saw_lang = false, saw_typed = false, saw_blank = false, saw_escaped = false;
    model.statements().for_each([&](rdf::StatementRef st) {
        CHECK(st.subject().is_iri());
        CHECK(st.predicate().is_iri());
        rdf::NodeRef o = st.object();
        if (o.is_literal() && o.language() == "en") saw_lang = o.literal() == "Alpha";
        if (o.is_literal() && o.datatype() == "http://www.w3.org/2001/XMLSchema#integer")
            saw_typed = o.literal() == "3";
        if (o.is_blank()) saw_blank = !o.blank_id().empty() && o.describe().rfind("_:", 0) == 0;
        if (o.is_literal() && o.literal() == "B \"quoted\" \\ back\nslash") saw_escaped = true;
    });
    CHECK(saw_lang);
    CHECK(saw_typed);
    CHECK(saw_blank);
    CHECK(saw_escaped);
}

TEST_CASE("targets() iterates the objects of a subject and predicate", "[rdf]") {
    rdf::World world;
    rdf::Storage storage = rdf::Storage::in_memory(world);
    rdf::Model model(world, storage);
    rdf::Parser(world, "turtle").parse_string(kTurtle, "http://example.org/", model, "inline");
    rdf::Node a = rdf::Node::iri(world, "http://example.org/a");
    rdf::Node knows = rdf::Node::iri(world, "http://example.org/knows");
    int n = 0;
    for (rdf::NodeIterator it = model.targets(a, knows); !it.end(); it.next()) {
        CHECK((it.current().is_iri() || it.current().is_blank()));
        ++n;
    }
    CHECK(n == 2);
}

TEST_CASE("statements and models take the nodes they are given", "[rdf]") {
    rdf::World world;
    rdf::Storage storage = rdf::Storage::in_memory(world);
    rdf::Model model(world, storage);
    // Built from nodes: the statement owns them; adding copies the statement.
    rdf::Statement st(world, rdf::Node::iri(world, "http://example.org/s"),
                      rdf::Node::iri(world, "http://example.org/p"), rdf::Node::literal(world, "o", "en"));
    CHECK(st.ref().object().literal() == "o");
    model.add(st);
    model.add(st); // a duplicate is stored once
    model.add(rdf::Node::iri(world, "http://example.org/s"), rdf::Node::iri(world, "http://example.org/p"),
              rdf::Node::blank(world, "b1"));
    rdf::Uri dt(world, "http://www.w3.org/2001/XMLSchema#date");
    model.add(rdf::Node::iri(world, "http://example.org/s"), rdf::Node::iri(world, "http://example.org/d"),
              rdf::Node::typed_literal(world, "2024-03-10", dt));
    CHECK(model.size() == 3);
    // copy_of gives a second owner (librdf counts references): the copy outlives the
    // original.
    std::optional<rdf::Node> original = rdf::Node::iri(world, "http://example.org/x");
    rdf::Node copy = rdf::Node::copy_of(original->ref());
    original.reset();
    CHECK(copy.ref().iri() == "http://example.org/x");
    CHECK(dt.str() == "http://www.w3.org/2001/XMLSchema#date");
}

TEST_CASE("a syntax error is an rdf_error naming the source and line", "[rdf]") {
    rdf::World world;
    rdf::Storage storage = rdf::Storage::in_memory(world);
    rdf::Model model(world, storage);
    rdf::Parser parser(world, "turtle");
    const std::string bad = "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b \"open .\n";
    try {
        parser.parse_string(bad, "http://example.org/", model, "bad.ttl");
        FAIL("no error");
    } catch (const rdf_error& e) {
        std::string msg = e.what();
        INFO(msg);
        CHECK(e.id() == "newskg.rdf.10");
        CHECK(msg.find("bad.ttl:3:") != std::string::npos);
    }
    // The parser and world stay usable after an error.
    parser.parse_string(kTurtle, "http://example.org/", model, "good");
    CHECK(model.size() >= 5);
}

TEST_CASE("a missing file is an rdf_error naming it", "[rdf]") {
    rdf::World world;
    rdf::Storage storage = rdf::Storage::in_memory(world);
    rdf::Model model(world, storage);
    rdf::Parser parser(world, "turtle");
    CHECK_THROWS_WITH(parser.parse_file("/no/such/file.ttl", model),
                      Catch::Contains("/no/such/file.ttl"));
}

TEST_CASE("a moved world keeps capturing errors", "[rdf]") {
    rdf::World first;
    rdf::World world(std::move(first));
    rdf::Storage storage = rdf::Storage::in_memory(world);
    rdf::Model model(world, storage);
    rdf::Parser parser(world, "turtle");
    CHECK_THROWS_AS(parser.parse_string("ex:a ex:b .", "http://example.org/", model, "x"), rdf_error);
}

TEST_CASE("unknown parser and serializer names are rdf_errors", "[rdf]") {
    rdf::World world;
    CHECK_THROWS_AS(rdf::Parser(world, "no-such-syntax"), rdf_error);
    CHECK_THROWS_AS(rdf::Serializer(world, "no-such-syntax"), rdf_error);
}

TEST_CASE("N-Triples written by the serializer parse back to the same statements", "[rdf]") {
    rdf::World world;
    rdf::Storage storage = rdf::Storage::in_memory(world);
    rdf::Model model(world, storage);
    rdf::Parser(world, "turtle").parse_string(kTurtle, "http://example.org/", model, "inline");
    std::string nt = rdf::Serializer(world, "ntriples").to_string(model);
    CHECK(nt.find("\\\"quoted\\\"") != std::string::npos);

    rdf::Storage storage2 = rdf::Storage::in_memory(world);
    rdf::Model back(world, storage2);
    rdf::Parser(world, "ntriples").parse_string(nt, "http://example.org/", back, "written");
    // Blank node ids may be renamed on the way; compare the rest.
    auto strip_blanks = [](std::vector<std::string> v) {
        std::vector<std::string> out;
        for (auto& s : v)
            if (s.find("_:") == std::string::npos) out.push_back(s);
        return out;
    };
    CHECK(strip_blanks(dump(back)) == strip_blanks(dump(model)));
}

TEST_CASE("the Turtle serializer's output does not depend on insertion order", "[rdf]") {
    // The exporter relies on this for byte-identical output.
    std::vector<std::array<std::string, 3>> triples;
    for (int i = 0; i < 30; ++i)
        triples.push_back({"http://example.org/s" + std::to_string(i % 7), "http://example.org/p" + std::to_string(i % 3),
                           "value " + std::to_string(i)});
    auto serialise = [&](bool reversed) {
        rdf::World world;
        rdf::Storage storage = rdf::Storage::in_memory(world);
        rdf::Model model(world, storage);
        auto add = [&](const std::array<std::string, 3>& t) {
            model.add(rdf::Node::iri(world, t[0]), rdf::Node::iri(world, t[1]), rdf::Node::literal(world, t[2]));
        };
        if (reversed)
            for (auto it = triples.rbegin(); it != triples.rend(); ++it) add(*it);
        else
            for (const auto& t : triples) add(t);
        rdf::Serializer ser(world, "turtle");
        ser.set_namespace("ex", "http://example.org/");
        return ser.to_string(model);
    };
    std::string a = serialise(false);
    std::string b = serialise(true);
    CHECK(a.find("@prefix ex:") != std::string::npos);
    CHECK(a == b);
}
