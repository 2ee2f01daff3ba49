// parse_date: one date written on its own (metadata values, date lines of saved pages).
#include "newskg/text/analyse.hpp"

#include "text/calendar.hpp"

#include <cctype>
#include <string>
#include <vector>

namespace newskg {

namespace {

bool digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}
int num(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}
std::string lower(std::string_view s) {
    std::string r(s);
    for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
}

std::optional<DateValue> day(int y, int m, int d) {
    if (!cal::valid_day(y, m, d)) return std::nullopt;
    return DateValue{y, m, d};
}

// Whatever may follow a date in a date line: a time ("10:45", "10.45", "10:45:00Z",
// "10am"), "am"/"pm"/"a.m.", a zone name ("GMT", "CET", "ET") or offset ("+0200",
// "UTC+2"), "at", "|", "-", "Updated".
bool is_time_part(std::string_view w) {
    const std::string s = lower(w);
    if (s.empty() || s == "at" || s == "|" || s == "-" || s == "\u2013" || s == "\u2014" ||
        s == "am" || s == "pm" || s == "a.m." || s == "p.m." || s == "a.m" || s == "p.m" ||
        s == "h" || s == "hrs" || s == "uhr")
        return true;
    bool has_digit = false, only_time_chars = true;
    for (char c : s) {
        if (c >= '0' && c <= '9') has_digit = true;
        else if (!(c == ':' || c == '.' || c == '+' || c == '-' || c == 'z' || c == 'h' ||
                   c == 'a' || c == 'p' || c == 'm'))
            only_time_chars = false;
    }
    if (has_digit && only_time_chars && (s.find(':') != std::string::npos || s.find('+') != std::string::npos ||
                                         s.find('h') != std::string::npos || s.find('m') != std::string::npos ||
                                         s.find('.') != std::string::npos))
        return true;
    // Zone abbreviations: 2 to 5 capital letters, optionally with an offset ("UTC+2").
    std::size_t caps = 0;
    while (caps < w.size() && w[caps] >= 'A' && w[caps] <= 'Z') ++caps;
    if (caps >= 2 && caps <= 5) {
        const std::string_view rest = w.substr(caps);
        if (rest.empty()) return true;
        if ((rest[0] == '+' || rest[0] == '-') && digits(rest.substr(1))) return true;
    }
    return false;
}

std::optional<DateValue> numeric_forms(std::string_view s) {
    // ISO: "2023-08-13", "2023-08-13T10:45:00Z", "2023-08-13 10:45", "2023-08", "2023".
    if (s.size() >= 10 && digits(s.substr(0, 4)) && s[4] == '-' && s[7] == '-') {
        if (s.size() == 10 || s[10] == 'T' || s[10] == 't' || s[10] == ' ')
            return DateValue::parse_iso(s.substr(0, 10));
        return std::nullopt;
    }
    if (s.size() == 7 && digits(s.substr(0, 4)) && s[4] == '-') return DateValue::parse_iso(s);
    if (s.size() == 4 && digits(s)) {
        const int y = num(s);
        if (y >= 1000 && y <= 2999) return DateValue{y, 0, 0};
        return std::nullopt;
    }
    // "2023/08/13"
    if (s.size() >= 10 && digits(s.substr(0, 4)) && s[4] == '/' && s[7] == '/' && digits(s.substr(5, 2)) &&
        digits(s.substr(8, 2)) && (s.size() == 10 || s[10] == ' '))
        return day(num(s.substr(0, 4)), num(s.substr(5, 2)), num(s.substr(8, 2)));
    // "13.08.2023" and "13.8.2023" (day first, as everywhere dots are used).
    const auto d1 = s.find('.');
    if (d1 != std::string_view::npos && d1 >= 1 && d1 <= 2) {
        const auto d2 = s.find('.', d1 + 1);
        if (d2 != std::string_view::npos && d2 - d1 - 1 >= 1 && d2 - d1 - 1 <= 2 && s.size() >= d2 + 5 &&
            digits(s.substr(0, d1)) && digits(s.substr(d1 + 1, d2 - d1 - 1)) && digits(s.substr(d2 + 1, 4)) &&
            (s.size() == d2 + 5 || s[d2 + 5] == ' ' || s[d2 + 5] == ','))
            return day(num(s.substr(d2 + 1, 4)), num(s.substr(d1 + 1, d2 - d1 - 1)), num(s.substr(0, d1)));
    }
    return std::nullopt;
}

int day_word(std::string_view w) {
    std::string_view d = w;
    if (w.size() > 2) {
        const std::string suf = lower(w.substr(w.size() - 2));
        if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") d = w.substr(0, w.size() - 2);
    }
    if (!d.empty() && d.back() == '.') d.remove_suffix(1); // German "13. August 2023"
    if (!digits(d) || d.size() > 2) return 0;
    const int v = num(d);
    return v >= 1 && v <= 31 ? v : 0;
}

int year_word(std::string_view w) {
    if (w.size() != 4 || !digits(w)) return 0;
    const int y = num(w);
    return y >= 1000 && y <= 2999 ? y : 0;
}

} // namespace

std::optional<DateValue> parse_date(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    if (s.empty() || s.size() > 80) return std::nullopt;
    if (std::isdigit(static_cast<unsigned char>(s.front())))
        if (auto v = numeric_forms(s)) return v;

    // Words, split at spaces and commas: "Sunday, August 13, 2023 10:45 AM",
    // "Sun, 13 Aug 2023 10:45:00 GMT", "13 August 2023", "August 2023".
    std::vector<std::string_view> w;
    for (std::size_t i = 0; i < s.size();) {
        while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != ',' && s[j] != '\t') ++j;
        if (j > i) w.push_back(s.substr(i, j - i));
        i = j;
    }
    std::size_t k = 0;
    if (k < w.size() && cal::weekday_from_name(w[k]) >= 0) ++k;
    if (k >= w.size()) return std::nullopt;
    std::optional<DateValue> v;
    std::size_t used = 0;
    if (const int m = cal::month_from_name(w[k])) {
        // Month first: "August 13, 2023", "Aug. 13 2023", "August 2023".
        if (k + 2 < w.size() && day_word(w[k + 1]) && year_word(w[k + 2])) {
            v = day(year_word(w[k + 2]), m, day_word(w[k + 1]));
            used = 3;
        } else if (k + 1 < w.size() && year_word(w[k + 1])) {
            v = DateValue{year_word(w[k + 1]), m, 0};
            used = 2;
        }
    } else if (const int d = day_word(w[k])) {
        // Day first: "13 August 2023", "13th of August, 2023", "Sun, 13 Aug 2023 …".
        std::size_t j = k + 1;
        if (j < w.size() && lower(w[j]) == "of") ++j;
        if (j + 1 < w.size()) {
            const int mon = cal::month_from_name(w[j]);
            const int y = year_word(w[j + 1]);
            if (mon && y) {
                v = day(y, mon, d);
                used = j + 2 - k;
            }
        }
    }
    if (!v) return std::nullopt;
    for (std::size_t i = k + used; i < w.size(); ++i)
        if (!is_time_part(w[i])) return std::nullopt;
    return v;
}

} // namespace newskg
