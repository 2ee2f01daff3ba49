// The HTML reader's limit on attributes per element (src/read/html_limits.*), which keeps
// libxml2 linear in the page.
#include <catch2/catch.hpp>

#include "newskg/read/reader.hpp"
#include "read/html_limits.hpp"
#include "temp_dir.hpp"

#include <string>

using newskg::detail::drop_excess_attributes;

namespace {

std::string attrs(int n, const std::string& prefix = "a") {
    std::string s;
    for (int i = 0; i < n; ++i) s += " " + prefix + std::to_string(i) + "=\"v" + std::to_string(i) + "\"";
    return s;
}

} // namespace

TEST_CASE("html limits: attributes past the limit are cut, the rest of the page is untouched", "[read][html]") {
    std::size_t dropped = 99;
    // Under the limit: nothing to do, the page is passed on as it is.
    CHECK_FALSE(drop_excess_attributes("<div" + attrs(5) + "><p>Text</p></div>", 5, dropped));
    CHECK(dropped == 0);

    const std::string page = "<html><body><!-- <div" + attrs(9) + "> --><div" + attrs(8) + "><br" + attrs(7) +
                             " /><p class='x' id=y data-z>Text &lt; more</p></div>"
                             "<script>var s = '<a" + attrs(9) + ">';</script><img" + attrs(6) + "></body></html>";
    const auto out = drop_excess_attributes(page, 5, dropped);
    REQUIRE(out);
    CHECK(dropped == 3 + 2 + 1);
    CHECK(*out == "<html><body><!-- <div" + attrs(9) + "> --><div" + attrs(5) + "><br" + attrs(5) +
                      " /><p class='x' id=y data-z>Text &lt; more</p></div>"
                      "<script>var s = '<a" + attrs(9) + ">';</script><img" + attrs(5) + "></body></html>");

    // Unquoted, valueless and oddly spaced attributes count one each; a tag cut off by the
    // end of the page ends the scan.
    const auto odd = drop_excess_attributes("<p a b = 1 c='>' d=\"x>y\" e f>t</p><div g h i", 3, dropped);
    REQUIRE(odd);
    CHECK(*odd == "<p a b = 1 c='>'>t</p><div g h i");
    CHECK(dropped == 3);
}

TEST_CASE("html limits: a page with 100,000 attributes on one element is read, with a warning",
          "[read][html]") {
    // libxml2 took two minutes over this page before the limit.
    newskg::test::TempDir t;
    const std::string page = "<html><head><title>Border talks</title></head><body><div" + attrs(100000) +
                             "><p>Chad accused Sudan of shelling border towns on Monday, officials said in a "
                             "statement.</p></div></body></html>";
    const auto p = t.write("attrs.html", page);
    std::vector<newskg::Document> docs;
    std::vector<newskg::Diagnostic> diags;
    newskg::read_articles({p}, {}, [&](newskg::Document&& d) { docs.push_back(std::move(d)); }, diags);
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].text.find("Chad accused Sudan of shelling border towns") != std::string::npos);
    const newskg::Diagnostic* w = nullptr;
    for (const auto& d : diags)
        if (d.id == "newskg.input.113") w = &d;
    REQUIRE(w);
    CHECK_FALSE(w->error);
    CHECK(w->message == p + ": 99900 HTML attribute(s) beyond 100 on one element left out (the page was read "
                            "without them)");
}

TEST_CASE("html limits: elements nested too deep are flattened into their ancestor", "[read][html]") {
    using newskg::detail::flatten_deep_elements;
    std::size_t flattened = 99;
    // Depth as the tags say: void elements and "/>" open nothing, an end tag closes the
    // innermost open element of its name, script text is not markup.
    const std::string page = "<html><body><div><br><img src=x><span/><div class=\"a>b\"><p>One<b>two</b></p>"
                             "<script>if (a<b) '<div><div>';</script></div></div></body></html>";
    CHECK(flatten_deep_elements(page, 10, flattened) == page);
    CHECK(flattened == 0);
    CHECK(flatten_deep_elements(page, 4, flattened) ==
          "<html><body><div><br><img src=x><span/><div class=\"a>b\">Onetwo"
          "<script>if (a<b) '<div><div>';</script></div></div></body></html>");
    CHECK(flattened == 2); // p and b; a script is never flattened
    CHECK(flatten_deep_elements(page, 3, flattened) ==
          "<html><body><div><br><img src=x><span/>Onetwo"
          "<script>if (a<b) '<div><div>';</script></div></body></html>");
    CHECK(flattened == 3);
    // The same name nested past the limit: the inner end tags go with their start tags.
    CHECK(flatten_deep_elements("<div><div><div>x</div>y</div>z</div>w", 1, flattened) == "<div>xyz</div>w");
    CHECK(flattened == 2);
}
