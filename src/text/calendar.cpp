#include "text/calendar.hpp"

#include <array>
#include <cctype>
#include <string>

namespace newskg::cal {

namespace {
std::string lower_ascii(std::string_view w) {
    std::string s(w);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}
} // namespace

// Howard Hinnant's well-known civil-date algorithm (public domain), restated here: it
// counts days through 400-year eras so it needs no tables and no time zone.
std::int64_t days_from_civil(int y, int m, int d) {
    const std::int64_t yy = static_cast<std::int64_t>(y) - (m <= 2 ? 1 : 0);
    const std::int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    const std::int64_t yoe = yy - era * 400;
    const std::int64_t mp = (m + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

DateValue civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    DateValue v;
    v.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    v.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    v.year = static_cast<int>(yoe + era * 400 + (v.month <= 2 ? 1 : 0));
    return v;
}

int days_in_month(int y, int m) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return days[static_cast<std::size_t>(m - 1)];
}

bool valid_day(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m); }

int weekday(const DateValue& d) {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    const std::int64_t z = days_from_civil(d.year, d.month, d.day);
    return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

DateValue add_days(const DateValue& d, std::int64_t n) {
    return civil_from_days(days_from_civil(d.year, d.month, d.day) + n);
}

DateValue add_months(const DateValue& d, int n) {
    int idx = d.year * 12 + (d.month - 1) + n;
    DateValue v;
    v.year = idx / 12;
    v.month = idx % 12 + 1;
    return v;
}

int month_from_name(std::string_view w) {
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    const std::string s = lower_ascii(w);
    static constexpr std::array<std::string_view, 12> full{
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december"};
    for (std::size_t i = 0; i < full.size(); ++i)
        if (s == full[i]) return static_cast<int>(i) + 1;
    if (s == "sept") return 9;
    if (s.size() == 3)
        for (std::size_t i = 0; i < full.size(); ++i)
            if (full[i].substr(0, 3) == s) return static_cast<int>(i) + 1;
    return 0;
}

bool is_month_abbreviation(std::string_view w) {
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    if (month_from_name(w) == 0) return false;
    const std::string s = lower_ascii(w);
    // "May" is both the full name and its own abbreviation: count it as a full name.
    return s.size() <= 4 && s != "may" && s != "june" && s != "july";
}

int weekday_from_name(std::string_view w) {
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    const std::string s = lower_ascii(w);
    static constexpr std::array<std::string_view, 7> full{
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (std::size_t i = 0; i < full.size(); ++i)
        if (s == full[i]) return static_cast<int>(i);
    if (s == "tues") return 1;
    if (s == "thur" || s == "thurs") return 3;
    if (s.size() == 3)
        for (std::size_t i = 0; i < full.size(); ++i)
            if (full[i].substr(0, 3) == s) return static_cast<int>(i);
    return -1;
}

bool is_full_weekday_name(std::string_view w) {
    const int d = weekday_from_name(w);
    return d >= 0 && w.size() >= 6 && w.back() != '.';
}

int small_number(std::string_view w) {
    static constexpr std::array<std::string_view, 13> words{
        "zero", "one", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "eleven", "twelve"};
    const std::string s = lower_ascii(w);
    if (s == "a" || s == "an") return 1;
    for (std::size_t i = 0; i < words.size(); ++i)
        if (s == words[i]) return static_cast<int>(i);
    if (!s.empty() && s.size() <= 3) {
        int v = 0;
        for (char c : s) {
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
    return -1;
}

} // namespace newskg::cal
