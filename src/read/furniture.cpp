#include "read/furniture.hpp"

#include "newskg/text/analyse.hpp"
#include "text/calendar.hpp"
#include "text/unicode_util.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace newskg::furniture {

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

bool is_closing(char32_t c) {
    return c == U'"' || c == U'\'' || c == 0x201D || c == 0x2019 || c == U')' || c == U']' ||
           c == 0x00BB || c == 0x203A;
}

// Strips closing quotes and brackets from the end.
std::string_view strip_closers(std::string_view s) {
    while (!s.empty()) {
        const auto cp = uc::decode_before(s, s.size());
        if (!is_closing(cp.cp)) break;
        s.remove_suffix(cp.len);
    }
    return s;
}

bool is_capitalised_word(std::string_view w) {
    while (!w.empty() && (w.front() == '(' || w.front() == '"')) w.remove_prefix(1);
    return !w.empty() && uc::is_upper(uc::first(w));
}

// Agencies and the short codes they are credited by.
struct Agency {
    std::string_view name;  ///< folded spelling that is recognised
    std::string_view code;  ///< how Document::agencies records it
};
constexpr std::array<Agency, 60> kAgencies{{
    {"afp", "AFP"}, {"agence france-presse", "AFP"}, {"agence france presse", "AFP"},
    {"ap", "AP"}, {"associated press", "AP"}, {"the associated press", "AP"},
    {"reuters", "Reuters"}, {"thomson reuters", "Reuters"},
    {"dpa", "dpa"}, {"deutsche presse-agentur", "dpa"}, {"dpa-afx", "dpa-AFX"},
    {"efe", "EFE"}, {"ansa", "ANSA"}, {"xinhua", "Xinhua"}, {"tass", "TASS"},
    {"ria novosti", "RIA Novosti"}, {"interfax", "Interfax"}, {"kna", "KNA"}, {"epd", "epd"},
    {"aap", "AAP"}, {"pa", "PA"}, {"pa media", "PA"}, {"kyodo", "Kyodo"}, {"yonhap", "Yonhap"},
    {"anadolu", "Anadolu"}, {"anadolu agency", "Anadolu"}, {"aa", "AA"}, {"upi", "UPI"},
    {"pti", "PTI"}, {"ians", "IANS"}, {"ani", "ANI"}, {"bernama", "Bernama"}, {"apa", "APA"},
    {"sda", "SDA"}, {"keystone-sda", "Keystone-SDA"}, {"lusa", "Lusa"}, {"belga", "Belga"},
    {"anp", "ANP"}, {"ctk", "CTK"}, {"pap", "PAP"}, {"mti", "MTI"}, {"bta", "BTA"},
    {"agerpres", "Agerpres"}, {"tanjug", "Tanjug"}, {"hina", "HINA"}, {"ntb", "NTB"},
    {"ritzau", "Ritzau"}, {"irna", "IRNA"}, {"wafa", "WAFA"}, {"mena", "MENA"}, {"spa", "SPA"},
    {"qna", "QNA"}, {"wam", "WAM"}, {"kuna", "KUNA"}, {"nan", "NAN"}, {"aps", "APS"},
    {"bloomberg", "Bloomberg"}, {"sid", "SID"}, {"ukrinform", "Ukrinform"}, {"ians", "IANS"},
}};

// Words that caption agency photographs in the present tense.
constexpr std::array<std::string_view, 44> kCaptionVerbs{
    "sits", "stands", "speaks", "gestures", "looks", "walks", "arrives", "waves", "poses",
    "holds", "attends", "listens", "delivers", "leaves", "talks", "smiles", "reacts", "greets",
    "shakes", "gather", "gathers", "march", "marches", "protest", "protests", "inspects",
    "carries", "carry", "wait", "waits", "stand", "sit", "walk", "look", "hold", "ride",
    "rides", "patrol", "patrols", "addresses", "is seen", "are seen", "celebrate", "mourn"};

} // namespace

namespace {

// "PHOTO/ REUTERS", "Photo/AFP", "FILE PHOTO: Jane Roe", "… in Kyiv. PHOTO: AP": a picture
// word, a slash or colon, and a short capitalised credit, at the start or after a stop.
bool slash_credit(std::string_view s) {
    // ASCII lower case only, so that offsets into `f` are offsets into `s`.
    std::string f(s);
    for (auto& c : f) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static constexpr std::array<std::string_view, 8> kWords{"photo", "photos", "foto", "fotos", "image",
                                                            "picture", "pic", "file photo"};
    for (std::string_view w : kWords)
        for (std::size_t pos = f.find(w); pos != std::string::npos; pos = f.find(w, pos + 1)) {
            const bool at_start = pos == 0 || (pos >= 2 && f[pos - 1] == ' ' &&
                                               std::string_view(".!?)|").find(f[pos - 2]) != std::string_view::npos);
            const std::size_t after = pos + w.size();
            if (!at_start || after >= f.size() || (f[after] != '/' && f[after] != ':')) continue;
            const std::string_view tail = trim(s.substr(std::min(after + 1, s.size())));
            if (!tail.empty() && words(tail).size() <= 6 && uc::is_upper(uc::first(tail))) return true;
        }
    return false;
}

} // namespace

bool is_banner(std::string_view line) {
    const std::string f = fold(trim(line));
    if (f.empty() || words(f).size() > 40) return false;
    static constexpr std::array<std::string_view, 30> kPhrases{
        "your subscription", "subscription is", "subscribe now", "subscribers only", "for subscribers",
        "already a subscriber", "already subscribed", "subscribe for", "subscribe to continue",
        "free articles", "free article", "articles left", "article limit", "paywall",
        "sign in to continue", "log in to continue", "sign in to read", "log in to read",
        "create an account", "create a free account", "register to continue", "register for free",
        "ad blocker", "adblock", "enable javascript", "javascript is disabled", "we use cookies",
        "cookie settings", "accept cookies", "your privacy choices"};
    return std::any_of(kPhrases.begin(), kPhrases.end(),
                       [&](std::string_view p) { return f.find(p) != std::string::npos; });
}

std::string_view trim(std::string_view s) {
    while (!s.empty()) {
        const auto cp = uc::decode(s, 0);
        if (!uc::is_space(cp.cp)) break;
        s.remove_prefix(cp.len);
    }
    while (!s.empty()) {
        const auto cp = uc::decode_before(s, s.size());
        if (!uc::is_space(cp.cp)) break;
        s.remove_suffix(cp.len);
    }
    return s;
}

std::string fold(std::string_view s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    u.foldCase();
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && uc::is_space(uc::decode(s, i).cp)) i += uc::decode(s, i).len;
        std::size_t j = i;
        while (j < s.size() && !uc::is_space(uc::decode(s, j).cp)) j += uc::decode(s, j).len;
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

namespace {
// Full stops of other scripts: ideographic 。！？, Arabic ؟ and ۔, Devanagari । and ॥.
bool other_script_stop(char32_t c) {
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E || c == 0x061F || c == 0x06D4 ||
           c == 0x0964 || c == 0x0965;
}
} // namespace

namespace {
bool unspaced_script(char32_t c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF);
}
} // namespace

std::size_t word_count(std::string_view s) {
    std::size_t n = 0;
    for (std::string_view w : words(s)) {
        std::size_t ideographs = 0;
        for (std::size_t i = 0; i < w.size();) {
            const auto cp = uc::decode(w, i);
            ideographs += unspaced_script(cp.cp);
            i += cp.len;
        }
        n += ideographs ? std::max<std::size_t>(1, (ideographs + 1) / 2) : 1;
    }
    return n;
}

bool ends_with_stop(std::string_view s) {
    s = strip_closers(trim(s));
    if (s.empty()) return false;
    const char32_t c = uc::decode_before(s, s.size()).cp;
    return c == U'.' || c == U'!' || c == U'?' || c == 0x2026 || other_script_stop(c);
}

bool ends_like_prose(std::string_view s) {
    s = strip_closers(trim(s));
    if (s.empty()) return false;
    const char32_t c = uc::decode_before(s, s.size()).cp;
    return c == U'.' || c == U'!' || c == U'?' || c == 0x2026 || c == U',' || c == U';' || c == U':' ||
           other_script_stop(c) || c == 0x060C || c == 0x3001 || c == 0xFF0C;
}

bool is_skip_link(std::string_view line) {
    const std::string f = fold(trim(line));
    static constexpr std::array<std::string_view, 24> kPrefixes{
        "skip to ", "skip navigation", "jump to ", "go to content", "go to main", "skip next section",
        "skip advertisement", "skip ad",
        "zum inhalt", "springe zu", "direkt zum", "zur navigation", "aller au contenu",
        "passer au contenu", "aller à la navigation", "saltar al contenido", "ir al contenido",
        "passa al contenuto", "vai al contenuto", "перейти к", "перейти до", "ga naar",
        "przejdź do", "hoppa till"};
    if (f.size() > 80) return false;
    return std::any_of(kPrefixes.begin(), kPrefixes.end(), [&](std::string_view p) { return starts_with(f, p); });
}

std::optional<std::string_view> list_item(std::string_view line) {
    std::string_view s = trim(line);
    std::size_t i = 0;
    while (i < s.size() && i < 3 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i > 0 && i < s.size() && (s[i] == '.' || s[i] == ')') && i + 1 < s.size() && s[i + 1] == ' ')
        return trim(s.substr(i + 2));
    for (std::string_view m : {"\u2022 ", "\u00B7 ", "\u25E6 ", "\u25AA ", "\u2023 ", "- ", "* ", "\u2013 "})
        if (starts_with(s, m)) return trim(s.substr(m.size()));
    return std::nullopt;
}

std::string canonical_agency(std::string_view name) {
    std::string_view n = trim(name);
    while (!n.empty() && (n.back() == '.' || n.back() == ',')) n.remove_suffix(1);
    const std::string f = fold(n);
    for (const auto& a : kAgencies)
        if (f == a.name) {
            // "AP" and "PA" are also ordinary words only in lower case ("pa"), so short
            // codes must be written in capitals; "dpa" and "epd" are written lower-case.
            if (a.name.size() <= 3 && a.code != "dpa" && a.code != "epd" && n != a.code) return "";
            return std::string(a.code);
        }
    return "";
}

bool is_photo_credit(std::string_view line) {
    const std::string_view s = trim(line);
    if (s.empty() || s.size() > 600) return false;
    // "… Image: Name/Agency", "Photo: …", "Photograph: …", "Credit: …" with a short tail.
    static constexpr std::array<std::string_view, 16> kMarkers{
        "Image:", "Images:", "Photo:", "Photos:", "Photograph:", "Picture:", "Pictures:",
        "Credit:", "Credits:", "Photo credit:", "Image credit:", "Foto:", "Bild:", "Fotos:",
        "Photo Credit:", "Image source:"};
    for (std::string_view m : kMarkers) {
        std::size_t pos = 0;
        while ((pos = s.find(m, pos)) != std::string_view::npos) {
            // Also glued to the caption before it ("…sought treatmentCredit: EPA"), as
            // pages that set the credit in its own element print it.
            const bool glued = pos > 0 && std::islower(static_cast<unsigned char>(s[pos - 1])) && m.front() >= 'A' &&
                               m.front() <= 'Z';
            const bool at_word = pos == 0 || s[pos - 1] == ' ' || s[pos - 1] == '(' || s[pos - 1] == '|' || glued;
            const std::string_view tail = trim(s.substr(pos + m.size()));
            if (at_word && !tail.empty() && words(tail).size() <= 14 && !ends_with_stop(tail)) return true;
            if (at_word && !tail.empty() && words(tail).size() <= 6) return true; // "Photo: J. Doe."
            pos += m.size();
        }
    }
    const std::string f = fold(s);
    if (slash_credit(s)) return true;
    // "(Photo by …)", "(AP Photo/…)", "(Reuters photo)" at the end.
    if (!f.empty() && f.back() == ')') {
        const auto open = f.rfind('(');
        if (open != std::string::npos) {
            const std::string_view inner = std::string_view(f).substr(open + 1);
            if (contains(inner, "photo") || contains(inner, "image") || contains(inner, "picture") ||
                contains(inner, "getty"))
                return words(inner).size() <= 10;
        }
    }
    if (starts_with(f, "\u00A9") || starts_with(f, "(c) ")) return words(s).size() <= 8;
    // "Jane Roe/AFP via Getty Images", "… John Doe/Reuters": a name, a slash, an agency or
    // picture service at the very end, and no final stop.
    if (!ends_with_stop(s)) {
        static constexpr std::array<std::string_view, 12> kServices{
            "getty images", "picture alliance", "picture-alliance", "shutterstock", "imago",
            "alamy", "ap photo", "epa-efe", "sipa", "abaca", "zuma press", "nurphoto"};
        for (std::string_view sv : kServices)
            if (ends_with(f, sv) && words(s).size() <= 40) return true;
        const auto slash = s.rfind('/');
        if (slash != std::string_view::npos && slash + 1 < s.size() && words(s).size() <= 40) {
            const std::string_view last = trim(s.substr(slash + 1));
            if (!canonical_agency(last).empty() && slash > 0 && s[slash - 1] != ' ') return true;
        }
    }
    return false;
}

bool describes_photo(std::string_view line) {
    const std::string f = fold(trim(line));
    if (words(f).size() > 45) return false;
    static constexpr std::array<std::string_view, 14> kPhrases{
        "photo of ", "photograph of ", "picture of ", "image of ", "file photo", "archive photo",
        "archive picture", "file picture", "(pictured", "pictured above", "pictured here",
        "in this photo", "in this picture", "this picture taken"};
    for (std::string_view p : kPhrases)
        if (contains(f, p)) {
            // A quoted remark mentioning a photo is prose, not a caption.
            if (contains(f, "\u201C") || contains(f, " said") || contains(f, "\"")) return false;
            return true;
        }
    return starts_with(f, "pictured:") || starts_with(f, "above:") || starts_with(f, "top:");
}

bool is_dated_caption(std::string_view line) {
    std::string_view s = trim(line);
    const auto ws = words(s);
    if (ws.size() < 5 || ws.size() > 60) return false;
    // One sentence: no inner full stop followed by a capital.
    for (std::size_t i = 0; i + 1 < ws.size(); ++i) {
        const std::string_view w = ws[i];
        if ((w.back() == '.' || w.back() == '?' || w.back() == '!') && w.size() > 4 && is_capitalised_word(ws[i + 1]))
            return false;
    }
    const std::string f = fold(s);
    if (contains(f, "\u201C") || contains(f, "\"") || contains(f, " said ")) return false;
    // Ends with "<Month> <day>, <year>" or "<day> <Month> <year>".
    std::string_view tail = s;
    if (!tail.empty() && tail.back() == '.') tail.remove_suffix(1);
    const auto tw = words(tail);
    if (tw.size() < 3) return false;
    const std::string last3 = std::string(tw[tw.size() - 3]) + " " + std::string(tw[tw.size() - 2]) + " " +
                              std::string(tw[tw.size() - 1]);
    const auto d = parse_date(last3);
    if (!d || !d->day) return false;
    if (!ends_with_stop(s)) return true;
    for (std::string_view v : kCaptionVerbs) {
        const std::string pat = " " + std::string(v) + " ";
        if (contains(" " + f + " ", pat)) return true;
    }
    return false;
}

namespace {

// "AFP, Reuters", "dpa, AP", "AFP and Reuters": every item an agency. Empty when not.
std::vector<std::string> agency_list(std::string_view inner) {
    std::vector<std::string> out;
    std::string buf(inner);
    for (auto& c : buf)
        if (c == ';' || c == '/') c = ',';
    std::string_view s(buf);
    std::size_t i = 0;
    while (i <= s.size()) {
        std::size_t j = s.find(',', i);
        if (j == std::string_view::npos) j = s.size();
        std::string_view item = trim(s.substr(i, j - i));
        // "AFP and Reuters"
        std::vector<std::string_view> parts;
        std::size_t a = item.find(" and ");
        if (a != std::string_view::npos) {
            parts.push_back(trim(item.substr(0, a)));
            parts.push_back(trim(item.substr(a + 5)));
        } else if (!item.empty()) {
            parts.push_back(item);
        }
        for (auto p : parts) {
            if (starts_with(p, "with ")) p = trim(p.substr(5));
            const std::string code = canonical_agency(p);
            if (code.empty()) return {};
            if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
        }
        i = j + 1;
    }
    return out;
}

// Editor's initials: "mm/lo", "ABC/xyz", "kb/jsi/rt".
bool initials_code(std::string_view s) {
    if (s.find('/') == std::string_view::npos) return false;
    std::size_t run = 0, parts = 1;
    for (char c : s) {
        if (c == '/') {
            if (run == 0) return false;
            run = 0;
            ++parts;
        } else if (std::isalpha(static_cast<unsigned char>(c))) {
            if (++run > 5) return false;
        } else {
            return false;
        }
    }
    return run > 0 && parts >= 2;
}

bool looks_like_name(const std::vector<std::string_view>& ws) {
    if (ws.size() < 2 || ws.size() > 5) return false;
    for (auto w : ws) {
        if (w == "and" || w == "de" || w == "van" || w == "von" || w == "al-" || w == "bin") continue;
        if (!is_capitalised_word(w)) return false;
        if (w.back() == '.' && w.size() > 2) return false;
    }
    return true;
}

bool all_caps_outlet(std::string_view s) {
    bool letter = false;
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = uc::decode(s, i);
        if (uc::is_lower(cp.cp)) return false;
        if (uc::is_letter(cp.cp)) letter = true;
        i += cp.len;
    }
    return letter && words(s).size() <= 4;
}

} // namespace

std::optional<Byline> byline(std::string_view line, bool header_zone) {
    std::string_view s = trim(line);
    if (s.empty() || s.size() > 200) return std::nullopt;
    const auto ws = words(s);
    const std::string f = fold(s);
    Byline b;
    // Reuters-style trailers end with a stop or not; they are furniture either way.
    for (std::string_view p : {"reporting by ", "(reporting by ", "additional reporting by ", "writing by ",
                               "editing by ", "compiled by ", "written by ", "edited by "})
        if (starts_with(f, p) && ws.size() <= 30) return b;
    if (ends_with_stop(s)) return std::nullopt;
    // "mm/lo (AFP, Reuters)", "ABC/xyz (dpa, AP)", "mm/lo"
    if (!ws.empty() && initials_code(ws[0])) {
        const std::string_view rest = trim(s.substr(ws[0].size()));
        if (rest.empty()) return b;
        if (rest.front() == '(' && rest.back() == ')') {
            b.agencies = agency_list(rest.substr(1, rest.size() - 2));
            if (!b.agencies.empty()) return b;
        }
        return std::nullopt;
    }
    // "(AFP)", "(AFP, Reuters)", "AFP", "With AFP", "Source: AFP", "— AFP"
    {
        std::string_view inner = s;
        for (std::string_view p : {"Source:", "Sources:", "With", "with", "\u2014", "\u2013", "-"})
            if (starts_with(inner, p)) inner = trim(inner.substr(p.size()));
        if (!inner.empty() && inner.front() == '(' && inner.back() == ')') inner = inner.substr(1, inner.size() - 2);
        if (ws.size() <= 8) {
            b.agencies = agency_list(inner);
            if (!b.agencies.empty()) return b;
        }
    }
    // "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By JANE DOE | AFP"
    if ((starts_with(s, "By ") || starts_with(s, "BY ")) && ws.size() <= 16) {
        std::string_view rest = trim(s.substr(3));
        std::size_t cut = rest.find_first_of(",|");
        const std::string_view who = trim(rest.substr(0, cut));
        if (!looks_like_name(words(who)) && words(who).size() != 1) return std::nullopt;
        if (words(who).size() == 1 && !is_capitalised_word(who)) return std::nullopt;
        if (cut != std::string_view::npos) {
            const std::string_view tail = trim(rest.substr(cut + 1));
            b.agencies = agency_list(tail);
            if (b.agencies.empty() && all_caps_outlet(tail)) b.outlet = std::string(tail);
        }
        // "By Reuters" names no one; a single word is a name only with the byline's form.
        if (looks_like_name(words(who))) b.authors = author_names(who);
        return b;
    }
    if (!header_zone) return std::nullopt;
    // "Jane Doe, USA TODAY", "Jane Doe | Reuters", "Jane Doe"
    const std::size_t cut = s.find_first_of(",|");
    const std::string_view who = trim(s.substr(0, cut));
    if (!looks_like_name(words(who))) return std::nullopt;
    if (cut == std::string_view::npos) return b;
    const std::string_view tail = trim(s.substr(cut + 1));
    b.agencies = agency_list(tail);
    if (!b.agencies.empty()) {
        b.authors = author_names(who);
        return b;
    }
    if (all_caps_outlet(tail)) {
        b.outlet = std::string(tail);
        b.authors = author_names(who);
        return b;
    }
    return std::nullopt;
}

std::vector<std::string> author_names(std::string_view field) {
    std::vector<std::string> out;
    std::string_view s = trim(field);
    for (std::string_view p : {"By ", "BY ", "by "})
        if (starts_with(s, p)) s = trim(s.substr(p.size()));
    std::vector<std::string_view> parts;
    std::size_t from = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        std::size_t len = 0;
        if (i == s.size()) len = 1;
        else if (s[i] == ',' || s[i] == ';' || s[i] == '|' || s[i] == '&') len = 1;
        else if (starts_with(s.substr(i), " and ")) len = 5;
        if (!len) continue;
        parts.push_back(s.substr(from, i - from));
        from = i + len;
        i = from - 1;
    }
    for (auto p : parts) {
        p = trim(p);
        if (p.empty() || words(p).size() > 6) continue;
        if (p.find("://") != std::string_view::npos || p.find('/') != std::string_view::npos ||
            p.find('@') != std::string_view::npos || starts_with(p, "www."))
            continue;
        if (!canonical_agency(p).empty()) continue;
        bool letter = false;
        for (std::size_t i = 0; i < p.size();) {
            const auto cp = uc::decode(p, i);
            if (uc::is_letter(cp.cp)) letter = true;
            i += cp.len;
        }
        if (!letter) continue;
        const std::string name(p);
        if (std::find_if(out.begin(), out.end(), [&](const std::string& o) { return fold(o) == fold(name); }) ==
            out.end())
            out.push_back(name);
    }
    return out;
}

std::vector<std::string> dateline_agencies(std::string_view paragraph) {
    const std::string_view head = paragraph.substr(0, std::min<std::size_t>(paragraph.size(), 120));
    const auto open = head.find('(');
    if (open == std::string_view::npos || open == 0) return {};
    const auto close = head.find(')', open);
    if (close == std::string_view::npos) return {};
    // The place before the bracket is written in capitals or is one or two words.
    const std::string_view place = trim(head.substr(0, open));
    if (words(place).size() > 4) return {};
    const std::string_view after = trim(head.substr(close + 1));
    if (!(starts_with(after, "\u2014") || starts_with(after, "\u2013") || starts_with(after, "-"))) return {};
    return agency_list(head.substr(open + 1, close - open - 1));
}

namespace {
// "10:02 AM EST Nov 19, 2019" → "Nov 19, 2019": a clock time (with AM/PM and a zone of
// capitals) written before the date.
std::string_view skip_leading_time(std::string_view t) {
    std::size_t i = 0;
    while (i < t.size() && i < 2 && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    if (i == 0 || i + 3 > t.size() || t[i] != ':' || !std::isdigit(static_cast<unsigned char>(t[i + 1])) ||
        !std::isdigit(static_cast<unsigned char>(t[i + 2])))
        return t;
    auto ws = words(t.substr(i + 3));
    std::size_t skip = 0;
    if (!ws.empty() && (ws[0] == "AM" || ws[0] == "PM" || ws[0] == "am" || ws[0] == "pm" || ws[0] == "a.m." ||
                        ws[0] == "p.m."))
        ++skip;
    if (skip < ws.size() && ws[skip].size() >= 2 && ws[skip].size() <= 4 &&
        std::all_of(ws[skip].begin(), ws[skip].end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }))
        ++skip;
    if (skip >= ws.size()) return t;
    std::string_view rest = trim(t.substr(static_cast<std::size_t>(ws[skip].data() - t.data())));
    if (!rest.empty() && (rest.front() == ',')) rest = trim(rest.substr(1));
    return rest;
}
} // namespace

std::optional<DateValue> date_line(std::string_view line) {
    std::string_view s = trim(line);
    if (s.empty() || s.size() > 120) return std::nullopt;
    // Segments separated by "|", "·", "•": the first that is a date decides, the others
    // must be short ("3 min read", "Updated 10:45").
    std::vector<std::string_view> segs;
    std::size_t i = 0;
    while (i <= s.size()) {
        std::size_t j = std::string_view::npos;
        std::size_t seplen = 0;
        for (std::string_view sep : {"|", "\u00B7", "\u2022"}) {
            const auto k = s.find(sep, i);
            if (k < j) {
                j = k;
                seplen = sep.size();
            }
        }
        if (j == std::string_view::npos) {
            segs.push_back(trim(s.substr(i)));
            break;
        }
        segs.push_back(trim(s.substr(i, j - i)));
        i = j + seplen;
    }
    std::optional<DateValue> found;
    for (auto seg : segs) {
        std::string_view t = seg;
        for (std::string_view p : {"Published on", "Published:", "Published", "First published on",
                                   "First published", "Last updated on", "Last updated:", "Last updated",
                                   "Updated on", "Updated:", "Updated", "Posted on", "Posted:", "Posted",
                                   "Date:", "Dated", "Date", "As of", "Veröffentlicht am", "Stand:", "Publié le"})
            if (starts_with(t, p)) {
                t = trim(t.substr(p.size()));
                break;
            }
        t = skip_leading_time(t);
        if (!t.empty() && (t.back() == ',' || t.back() == '.')) t.remove_suffix(1);
        // Only a full date: "June 2023" or "2023" next to a word is a label, not a dateline.
        // A second date ("| Updated 12:44 PM Nov 19, 2019") is part of the line too.
        if (auto d = parse_date(t); d && d->day) {
            if (!found) found = d;
            continue;
        }
        if (words(seg).size() > 5) return std::nullopt;
    }
    return found;
}

bool is_boilerplate_line(std::string_view line) {
    const std::string_view s = trim(line);
    if (s.empty()) return true;
    // A clock time alone ("10:45", "9:15 AM", "10:45 GMT"): a live blog's entry stamp.
    {
        const auto ws = words(s);
        std::size_t i = 0;
        const std::string_view w0 = ws.empty() ? std::string_view{} : ws[0];
        while (i < w0.size() && i < 2 && std::isdigit(static_cast<unsigned char>(w0[i]))) ++i;
        const bool clock = i > 0 && i + 3 == w0.size() && (w0[i] == ':' || w0[i] == '.') &&
                           std::isdigit(static_cast<unsigned char>(w0[i + 1])) &&
                           std::isdigit(static_cast<unsigned char>(w0[i + 2]));
        if (clock && ws.size() <= 3 &&
            std::all_of(ws.begin() + 1, ws.end(), [](std::string_view w) {
                return w == "AM" || w == "PM" || w == "am" || w == "pm" || w == "a.m." || w == "p.m." ||
                       (w.size() <= 4 && std::all_of(w.begin(), w.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }));
            }))
            return true;
    }
    // A lone small number: share and comment counts ("6"). (Not every line without
    // letters: "___" separators and price tables are part of some articles.)
    if (s.size() <= 4 && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return true;
    std::string f = fold(s);
    while (!f.empty() && (f.back() == ':' || f.back() == '.' || f.back() == '!' || f.back() == ' ')) f.pop_back();
    static constexpr std::string_view kExact[] = {
        "share", "share this", "share this article", "share this story", "share article",
        "share on facebook", "share on twitter", "share on x", "share on whatsapp", "share on linkedin",
        "tweet", "email", "e-mail", "print", "facebook", "twitter", "x", "whatsapp", "linkedin",
        "telegram", "reddit", "copy link", "link copied", "send", "advertisement", "advertising",
        "ad", "sponsored", "read more", "read next", "related", "related articles", "related stories",
        "related content", "related topics", "more on this story", "comments", "comment",
        "subscribe", "sign up", "sign in", "log in", "login", "register", "newsletter", "menu",
        "search", "home", "close", "back to top", "top stories", "most read", "most popular",
        "trending", "listen", "listen to this article", "follow", "follow us", "skip advertisement",
        "continue reading", "show more", "load more", "more", "download", "permalink", "image",
        "video", "audio", "gallery", "watch", "accept", "accept all", "reject all",
        "manage cookies", "cookie settings", "privacy policy", "terms of use", "scroll to continue",
        "advert", "privacy overview", "explore more", "more on this topic", "caption", "hide caption",
        "toggle caption", "continue reading below", "story continues below", "article continues below",
        "advertisement continues below",
        // Labels of summary boxes, not part of the running text (the items are).
        "what you need to know", "what to know", "key points", "key takeaways", "at a glance",
        "story highlights", "in brief", "quick read", "read more »", "read more >>",
        "continue reading »", "read the full story", "read the full article",
        "back to gallery", "view gallery", "open gallery", "enlarge this image"};
    if (std::find(std::begin(kExact), std::end(kExact), f) != std::end(kExact)) return true;
    static constexpr std::array<std::string_view, 26> kPrefix{
        "share on ", "share this ", "follow us on ", "follow us ", "sign up for ", "subscribe to ",
        "read more:", "read more about", "read also:", "also read:", "see also:", "related:",
        "watch:", "listen:", "more:", "click here", "copyright ", "(c) ", "\u00A9", "all rights reserved",
        "send us your feedback", "you might also like", "recommended for you", "more from ",
        "get the latest", "download our app"};
    for (std::string_view p : kPrefix)
        if (starts_with(f, p)) return true;
    const auto nw = words(s).size();
    // Legal small print of the page's footer.
    if (nw <= 80) {
        for (std::string_view p : {"may not be reproduced", "all rights reserved", "without the prior written permission",
                                   "community rules apply", "alle rechte vorbehalten", "tous droits r\u00E9serv\u00E9s",
                                   "todos los derechos reservados"})
            if (contains(f, p)) return true;
    }
    if (contains(f, "cookie") && nw <= 150) {
        if (contains(f, "accept") || contains(f, "consent") || contains(f, "privacy") || contains(f, "we use") ||
            contains(f, "uses cookies") || contains(f, "settings"))
            return true;
        // Cookie notices name cookies again and again; articles about them are longer.
        if (f.find("cookie", f.find("cookie") + 6) != std::string::npos) return true;
    }
    if (nw <= 12 && (ends_with(f, "available here") || ends_with(f, "click here") || ends_with(f, "read it here") ||
                     ends_with(f, "find out more here")))
        return true;
    // Gallery counters: "Image 1 of 5", "Photo 12 of 30".
    {
        const auto ws = words(f);
        if (ws.size() == 4 && (ws[0] == "image" || ws[0] == "photo" || ws[0] == "picture" || ws[0] == "slide") &&
            ws[2] == "of" && std::isdigit(static_cast<unsigned char>(ws[1][0])) &&
            std::isdigit(static_cast<unsigned char>(ws[3][0])))
            return true;
        // "1 / 8", "3 of 12": a slide counter alone.
        auto number = [](std::string_view w) {
            return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        };
        if (ws.size() == 3 && number(ws[0]) && (ws[1] == "/" || ws[1] == "of") && number(ws[2])) return true;
    }
    // Author contact and follow-us notes: an e-mail address or @handle with an invitation
    // ("Email Jane at jane@example.com or follow her @jane").
    if (nw <= 45 && contains(f, "@")) {
        // An address "x@y.z" (not a bare @handle, which news text quotes).
        bool address = false;
        for (std::size_t at = f.find('@'); at != std::string::npos && !address; at = f.find('@', at + 1)) {
            const bool before = at > 0 && std::isalnum(static_cast<unsigned char>(f[at - 1]));
            const auto end = f.find_first_of(" ,;)", at);
            const std::string_view after = std::string_view(f).substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
            address = before && after.find('.') != std::string_view::npos && after.find('.') > 0;
        }
        for (std::string_view cue : {"follow", "email", "e-mail", "reached at", "contact", "tip", "let us know"})
            if (contains(f, cue) && (address || starts_with(f, cue))) return true;
    }
    // Newsletter and subscription prompts set between paragraphs.
    if (nw <= 60 && (contains(f, "sign up") || contains(f, "subscribe")) &&
        (contains(f, "newsletter") || contains(f, "inbox") || contains(f, "email")))
        return true;
    // "3 min read", "5 minute read", "Updated 2 hours ago"
    if (nw <= 5 && (ends_with(f, "min read") || ends_with(f, "minute read") || ends_with(f, "mins read")))
        return true;
    if (nw <= 6 && (starts_with(f, "updated ") || starts_with(f, "published ")) && ends_with(f, " ago")) return true;
    return false;
}

} // namespace newskg::furniture
