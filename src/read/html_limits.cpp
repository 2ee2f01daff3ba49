#include "read/html_limits.hpp"

#include <unordered_map>
#include <utility>
#include <vector>

namespace newskg::detail {

namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// Where "</name" (any case) next starts at or after `from`, or the end.
std::size_t find_end_tag(std::string_view s, std::size_t from, std::string_view name) {
    for (std::size_t i = s.find("</", from); i != std::string_view::npos; i = s.find("</", i + 2))
        if (iequals(s.substr(i + 2, name.size()), name)) return i;
    return s.size();
}

} // namespace

std::optional<std::string> drop_excess_attributes(std::string_view s, std::size_t max_attributes,
                                                  std::size_t& dropped) {
    dropped = 0;
    std::vector<std::pair<std::size_t, std::size_t>> cut; // byte ranges to leave out
    std::size_t i = 0;
    const std::size_t n = s.size();
    while ((i = s.find('<', i)) != std::string_view::npos) {
        if (s.compare(i, 4, "<!--") == 0) {
            const std::size_t e = s.find("-->", i + 4);
            i = e == std::string_view::npos ? n : e + 3;
            continue;
        }
        if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?' || s[i + 1] == '/')) {
            const std::size_t e = s.find('>', i + 2);
            i = e == std::string_view::npos ? n : e + 1;
            continue;
        }
        if (i + 1 >= n || !alpha(s[i + 1])) {
            ++i; // a "<" in text
            continue;
        }
        // A start tag: its name, then attributes up to ">".
        std::size_t p = i + 1;
        while (p < n && !space(s[p]) && s[p] != '/' && s[p] != '>') ++p;
        const std::string_view name = s.substr(i + 1, p - i - 1);
        std::size_t count = 0;
        std::size_t drop_from = std::string_view::npos, last_end = p;
        for (;;) {
            while (p < n && (space(s[p]) || s[p] == '/')) ++p;
            if (p >= n || s[p] == '>') break;
            // The name: at least one character, so that a stray "=" still moves on.
            ++p;
            while (p < n && !space(s[p]) && s[p] != '/' && s[p] != '>' && s[p] != '=') ++p;
            std::size_t q = p;
            while (q < n && space(s[q])) ++q;
            if (q < n && s[q] == '=') {
                ++q;
                while (q < n && space(s[q])) ++q;
                if (q < n && (s[q] == '"' || s[q] == '\'')) {
                    const std::size_t close = s.find(s[q], q + 1);
                    q = close == std::string_view::npos ? n : close + 1;
                } else {
                    while (q < n && !space(s[q]) && s[q] != '>') ++q;
                }
                p = q;
            }
            // From the end of the last attribute kept, so no stray space is left.
            if (++count == max_attributes + 1) drop_from = last_end;
            last_end = p;
        }
        if (drop_from != std::string_view::npos) {
            // Up to the end of the last attribute: a closing "/>" stays.
            cut.emplace_back(drop_from, last_end);
            dropped += count - max_attributes;
        }
        i = p < n ? p + 1 : n;
        // Script and style hold text, not tags, up to their end tag.
        if (iequals(name, "script") || iequals(name, "style")) i = find_end_tag(s, i, name);
    }
    if (cut.empty()) return std::nullopt;
    std::string out;
    out.reserve(s.size());
    std::size_t from = 0;
    for (const auto& [b, e] : cut) {
        out.append(s.substr(from, b - from));
        from = e;
    }
    out.append(s.substr(from));
    return out;
}

std::string flatten_deep_elements(std::string_view s, std::size_t max_depth, std::size_t& flattened) {
    static const char* const kVoid[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen",
                                        "link", "meta", "param", "source", "track", "wbr"};
    auto is_void = [](std::string_view name) {
        for (const char* v : kVoid)
            if (iequals(name, v)) return true;
        return false;
    };
    auto lower_name = [](std::string_view n) {
        std::string l(n);
        for (char& c : l) c = lower(c);
        return l;
    };
    flattened = 0;
    std::string out;
    out.reserve(s.size());
    std::vector<std::string> open;                        // names of the elements kept open
    std::unordered_map<std::string, std::size_t> dropped; // start tags left out, by name, not yet closed
    std::size_t from = 0, i = 0;
    const std::size_t n = s.size();
    while ((i = s.find('<', i)) != std::string_view::npos) {
        std::size_t end;
        if (s.compare(i, 4, "<!--") == 0) {
            const std::size_t e = s.find("-->", i + 4);
            i = e == std::string_view::npos ? n : e + 3;
            continue;
        }
        const bool closing = i + 1 < n && s[i + 1] == '/';
        if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?')) {
            const std::size_t e = s.find('>', i + 2);
            i = e == std::string_view::npos ? n : e + 1;
            continue;
        }
        const std::size_t name_at = i + (closing ? 2 : 1);
        if (name_at >= n || !alpha(s[name_at])) {
            ++i;
            continue;
        }
        std::size_t p = name_at;
        while (p < n && !space(s[p]) && s[p] != '/' && s[p] != '>') ++p;
        const std::string name = lower_name(s.substr(name_at, p - name_at));
        // The tag's end: the next ">" outside quoted attribute values.
        char quote = 0;
        for (end = p; end < n; ++end) {
            if (quote) {
                if (s[end] == quote) quote = 0;
            } else if (s[end] == '"' || s[end] == '\'') {
                quote = s[end];
            } else if (s[end] == '>') {
                break;
            }
        }
        end = end < n ? end + 1 : n;
        bool drop = false;
        if (closing) {
            auto d = dropped.find(name);
            if (d != dropped.end() && d->second > 0) {
                --d->second;
                drop = true;
            } else {
                for (std::size_t k = open.size(); k-- > 0;)
                    if (open[k] == name) {
                        open.resize(k);
                        break;
                    }
            }
        } else if (name == "script" || name == "style") {
            // Kept wherever it is (it holds no elements): dropping its tags would turn
            // the code into text.
        } else if (!is_void(name) && !(end >= 2 && s[end - 2] == '/')) {
            if (open.size() >= max_depth) {
                ++dropped[name];
                ++flattened;
                drop = true;
            } else {
                open.push_back(name);
            }
        }
        if (drop) {
            out.append(s.substr(from, i - from));
            from = end;
        }
        i = end;
        if (!closing && (name == "script" || name == "style")) i = find_end_tag(s, i, name);
    }
    out.append(s.substr(from));
    return out;
}

} // namespace newskg::detail
