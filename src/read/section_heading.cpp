#include "read/section_heading.hpp"

#include "read/furniture.hpp"
#include "text/unicode_util.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace newskg::heading {

namespace fu = furniture;

namespace {

bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
    return std::find(set.begin(), set.end(), s) != set.end();
}

// The heading of a comment section: "Comments", "3 responses", "12 replies",
// "Leave a reply", "Join the discussion". Comments are prose, so only the heading
// tells them from the article when their container's class does not.
bool comments_heading(const std::string& folded) {
    static constexpr std::array<std::string_view, 10> kPhrases{
        "comments", "comment", "leave a reply", "leave a comment", "join the discussion", "reader comments",
        "discussion", "responses", "post a comment", "add a comment"};
    for (auto p : kPhrases)
        if (folded == p) return true;
    const auto ws = fu::words(folded);
    if (ws.size() != 2 || !std::all_of(ws[0].begin(), ws[0].end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return false;
    return one_of(ws[1], {"comment", "comments", "response", "responses", "reply", "replies", "thoughts"});
}

// The heading of an author box after the article: "About the author", "Über den
// Autor", "Sobre o autor".
bool author_heading(const std::string& folded) {
    static constexpr std::array<std::string_view, 9> kPhrases{
        "about the author", "about the authors", "\u00FCber den autor", "\u00FCber die autorin",
        "sobre o autor", "sobre el autor", "\u00E0 propos de l'auteur", "about the writer", "author bio"};
    for (auto p : kPhrases)
        if (folded == p) return true;
    return false;
}

// "About Jane Roe", "Über Moritz Bachmann", "About Acme": a heading naming the author of
// a bio box, or the company whose boilerplate closes a press release.
bool about_someone(const std::string& text) {
    const auto ws = fu::words(text);
    if (ws.size() < 2 || ws.size() > 4 || !one_of(ws[0], {"About", "\u00DCber", "Sobre"})) return false;
    return std::all_of(ws.begin() + 1, ws.end(), [](std::string_view w) { return uc::is_upper(uc::first(w)); });
}

// The folded heading without the trailing ".", ":", "!" or "…" some sites add.
std::string folded_label(std::string_view text) {
    std::string f = fu::fold(text);
    while (!f.empty() && (f.back() == '.' || f.back() == ':' || f.back() == ' ' || f.back() == '!')) f.pop_back();
    if (f.size() >= 3 && f.compare(f.size() - 3, 3, "\u2026") == 0) f.resize(f.size() - 3);
    return f;
}

} // namespace

bool closes_article(std::string_view text, bool is_heading) {
    const std::string f = folded_label(text);
    static constexpr std::array<std::string_view, 24> kPhrases{
        "related", "related articles", "related stories", "related posts", "related content",
        "related news", "you may also like", "you might also like", "you may like", "more stories",
        "more from", "recommended", "recommended for you", "read more", "read next", "more news",
        "most popular", "most read", "trending", "also read", "see also", "you may be interested in",
        "don't miss", "popular posts"};
    for (auto p : kPhrases)
        if (f == p || (p.size() > 8 && f.rfind(p, 0) == 0)) return true;
    if (comments_heading(f) || author_heading(f)) return true;
    if (is_heading && about_someone(std::string(text))) return true;
    // Other languages: "Você pode gostar", "Lesen Sie auch", "À lire aussi", "Te puede interesar".
    static constexpr std::array<std::string_view, 16> kForeign{
        "você pode gostar", "lesen sie auch", "à lire aussi", "a lire aussi", "te puede interesar",
        "leia também", "potrebbe interessarti", "читайте также", "самые популярные", "похожие статьи",
        "популярное", "ähnliche artikel", "meistgelesen", "les plus lus", "lo más leído", "mais lidas"};
    return std::any_of(kForeign.begin(), kForeign.end(), [&](std::string_view p) { return f.rfind(p, 0) == 0; });
}

} // namespace newskg::heading
