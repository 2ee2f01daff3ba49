// Date expressions and their calendar values.
//
// Rules (P = the publication date, doc.published):
//  - Explicit dates: "August 13, 2023", "Aug. 13, 2023", "13 August 2023", "2023-08-13",
//    "13.08.2023" → that day; "June 2022" → that month; a year "2015", "in 2013" → that year
//    (a four-digit number 1900–2099 that is not a quantity: "about 2000 troops" is not).
//  - A month (and day) without a year, "in June", "August 13": P's year, or the year before
//    when the month comes after P's month (news reports mostly look back).
//  - A weekday, "on Sunday", "Sunday morning": the latest such day on or before P (P's own
//    weekday is P itself). "last Sunday": the latest strictly before P; "next Sunday": the
//    first strictly after P; "this Sunday": the one in P's Monday-to-Sunday week. In a range
//    "from Wednesday to Friday" the second day is the first one on or after the first.
//  - "yesterday", "today", "tomorrow": P − 1, P, P + 1.
//  - "N days ago", "N months ago", "N years ago", "last month", "last year", "this year",
//    "next month": P shifted, at the unit's precision (day, month, year).
//  - Weeks ("last week", "this week", "N weeks ago") do not name a day: their value is the
//    month that contains the whole week (Monday–Sunday; ±3 days around P − 7N for "ago"),
//    or the year when the week straddles two months, or the year of its middle day when it
//    straddles New Year. That is the finest precision that is still true.
//  - Anaphoric shifts, "a day earlier", "the day before", "the previous day", "the
//    previous year", "two years later": counted from the last date expression of the same
//    sentence that has the unit's precision ("on Saturday … a day earlier" → the Friday),
//    else from P.
// Relative forms need P; without it they are left out, as are month/day forms without a year.
#include "newskg/text/analyse.hpp"

#include "text/calendar.hpp"
#include "text/unicode_util.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace newskg {

namespace {

std::string lower(std::string_view s) {
    std::string r(s);
    for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
}

bool is_capitalised(std::string_view s) { return uc::is_upper(uc::first(s)); }

bool all_ascii_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

/// Day of month from "13", "13th", "1st", "2nd", "3rd"; 0 when not one.
int day_number(std::string_view t) {
    std::string_view digits = t;
    if (t.size() > 2) {
        const std::string suf = lower(t.substr(t.size() - 2));
        if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") digits = t.substr(0, t.size() - 2);
    }
    if (digits.empty() || digits.size() > 2 || !all_ascii_digits(digits)) return 0;
    const int d = to_int(digits);
    return d >= 1 && d <= 31 ? d : 0;
}

int year_number(std::string_view t) {
    if (t.size() != 4 || !all_ascii_digits(t)) return 0;
    return to_int(t);
}

enum class Unit { None, Day, Week, Month, Year };

Unit unit_of(std::string_view w) {
    const std::string s = lower(w);
    if (s == "day" || s == "days") return Unit::Day;
    if (s == "week" || s == "weeks") return Unit::Week;
    if (s == "month" || s == "months") return Unit::Month;
    if (s == "year" || s == "years") return Unit::Year;
    return Unit::None;
}

bool is_part_of_day(std::string_view w) {
    const std::string s = lower(w);
    return s == "morning" || s == "afternoon" || s == "evening" || s == "night" || s == "mornings" ||
           s == "nights" || s == "evenings";
}

// The smallest calendar unit that contains every day of [a, b].
DateValue window(const DateValue& a, const DateValue& b) {
    if (a.year == b.year && a.month == b.month) return DateValue{a.year, a.month, 0};
    if (a.year == b.year) return DateValue{a.year, 0, 0};
    const auto mid = (cal::days_from_civil(a.year, a.month, a.day) +
                      cal::days_from_civil(b.year, b.month, b.day)) / 2;
    return DateValue{cal::civil_from_days(mid).year, 0, 0};
}

DateValue week_of(const DateValue& p, int weeks_offset) {
    const int w = cal::weekday(p);
    const DateValue start = cal::add_days(p, -w + 7 * weeks_offset);
    return window(start, cal::add_days(start, 6));
}

struct Match {
    std::size_t first = 0; ///< token index of the first token of the expression
    std::size_t end = 0;   ///< one past the last token
    DateValue value;
};

class Finder {
  public:
    explicit Finder(const Document& d) : doc_(d), pub_(d.published) {
        if (pub_ && (pub_->month == 0 || pub_->day == 0)) pub_.reset(); // need a day to count from
    }

    std::vector<DateExpression> run() {
        std::vector<DateExpression> out;
        for (const auto& s : doc_.sentences) {
            sentence_.clear();
            sfirst_ = s.tokens.first;
            for (std::size_t i = s.tokens.first; i < s.tokens.last;) {
                last_ = s.tokens.last;
                if (auto m = match(i)) {
                    DateExpression e;
                    e.span = CharSpan{doc_.tokens[m->first].span.begin, doc_.tokens[m->end - 1].span.end};
                    e.value = m->value;
                    sentence_.push_back(*m);
                    out.push_back(e);
                    i = m->end;
                } else {
                    ++i;
                }
            }
        }
        return out;
    }

  private:
    const Document& doc_;
    std::optional<DateValue> pub_;
    std::vector<Match> sentence_; ///< expressions found so far in the current sentence
    std::size_t sfirst_ = 0, last_ = 0;

    std::string_view tok(std::size_t i) const { return i < last_ ? doc_.token_text(i) : std::string_view{}; }
    std::string ltok(std::size_t i) const { return lower(tok(i)); }
    bool has(std::size_t i) const { return i < last_; }
    std::string prev_lower(std::size_t i) const { return i > sfirst_ ? lower(doc_.token_text(i - 1)) : std::string{}; }

    int month_at(std::size_t i) const {
        if (!has(i) || !is_capitalised(tok(i))) return 0;
        // All-capital words are acronyms or shouting headlines ("MAY"), not months here.
        const std::string_view t = tok(i);
        if (t.size() > 1 && uc::is_upper(uc::decode(t, 1).cp)) return 0;
        const int m = cal::month_from_name(t);
        // An abbreviation must carry its period ("Aug."), except "Sept"/"Aug" before a day.
        if (m && cal::is_month_abbreviation(t) && t.back() != '.' && !day_number(tok(i + 1))) return 0;
        return m;
    }
    int weekday_at(std::size_t i) const {
        if (!has(i) || !is_capitalised(tok(i)) || !cal::is_full_weekday_name(tok(i))) return -1;
        return cal::weekday_from_name(tok(i));
    }
    int year_at(std::size_t i) const {
        if (!has(i) || doc_.tokens[i].kind != TokenKind::Number) return 0;
        const int y = year_number(tok(i));
        return y >= 1000 && y <= 2999 ? y : 0;
    }
    std::size_t skip_comma(std::size_t i) const { return has(i) && tok(i) == "," ? i + 1 : i; }

    // The day to count an anaphoric shift from: the last expression of this sentence with
    // the needed precision, else the publication date.
    std::optional<DateValue> anchor(Unit u) const {
        for (auto it = sentence_.rbegin(); it != sentence_.rend(); ++it) {
            const DateValue& v = it->value;
            if ((u == Unit::Year && v.year) || (u == Unit::Month && v.month) || (v.day)) return v;
        }
        return pub_;
    }

    static std::optional<DateValue> shift(const DateValue& base, Unit u, int n) {
        switch (u) {
        case Unit::Day:
            if (!base.day) return std::nullopt;
            return cal::add_days(base, n);
        case Unit::Week: {
            if (!base.day) return std::nullopt;
            const DateValue c = cal::add_days(base, 7 * n);
            return window(cal::add_days(c, -3), cal::add_days(c, 3));
        }
        case Unit::Month:
            if (!base.month) return std::nullopt;
            return cal::add_months(base, n);
        case Unit::Year:
            return DateValue{base.year + n, 0, 0};
        case Unit::None:
            break;
        }
        return std::nullopt;
    }

    std::optional<DateValue> month_without_year(int m, int d) const {
        if (!pub_) return std::nullopt;
        const int y = m > pub_->month ? pub_->year - 1 : pub_->year;
        if (d && !cal::valid_day(y, m, d)) return std::nullopt;
        return DateValue{y, m, d};
    }

    // The latest `wd` on or before (strict: before) day p.
    static DateValue weekday_before(const DateValue& p, int wd, bool strict) {
        int back = (cal::weekday(p) - wd + 7) % 7;
        if (strict && back == 0) back = 7;
        return cal::add_days(p, -back);
    }
    static DateValue weekday_after(const DateValue& p, int wd, bool strict) {
        int fwd = (wd - cal::weekday(p) + 7) % 7;
        if (strict && fwd == 0) fwd = 7;
        return cal::add_days(p, fwd);
    }

    std::size_t part_of_day_end(std::size_t i) const { return has(i) && is_part_of_day(tok(i)) ? i + 1 : i; }

    std::optional<Match> match(std::size_t i) const {
        if (auto m = relative_with_modifier(i)) return m;
        if (auto m = count_ago(i)) return m;
        if (auto m = anaphoric(i)) return m;
        if (auto m = deictic_day(i)) return m;
        if (auto m = weekday(i)) return m;
        if (auto m = month_first(i)) return m;
        if (auto m = day_first(i)) return m;
        if (auto m = numeric(i)) return m;
        if (auto m = prefixed(i)) return m;
        if (auto m = year_alone(i)) return m;
        return std::nullopt;
    }

    // "last week", "next month", "this year", "earlier this year", "last Sunday", "last June".
    std::optional<Match> relative_with_modifier(std::size_t i) const {
        std::size_t j = i;
        std::string mod = ltok(j);
        if ((mod == "earlier" || mod == "later") && ltok(j + 1) == "this") {
            ++j;
            mod = "this";
        }
        if (mod != "last" && mod != "next" && mod != "this" && mod != "past") return std::nullopt;
        if (!pub_) return std::nullopt;
        const DateValue& p = *pub_;
        const std::size_t k = j + 1;
        if (!has(k)) return std::nullopt;
        if (mod != "past") {
            if (const int wd = weekday_at(k); wd >= 0) {
                DateValue v = mod == "last"   ? weekday_before(p, wd, true)
                              : mod == "next" ? weekday_after(p, wd, true)
                                              : cal::add_days(p, wd - cal::weekday(p));
                return Match{i, part_of_day_end(k + 1), v};
            }
            if (const int m = month_at(k); m && mod != "this") {
                const int y = mod == "last" ? (m < p.month ? p.year : p.year - 1)
                                            : (m > p.month ? p.year : p.year + 1);
                return Match{i, k + 1, DateValue{y, m, 0}};
            }
        }
        const Unit u = unit_of(tok(k));
        // Only the singular: "last year"; "past years"/"last two years" are spans.
        if (u == Unit::None || ltok(k).back() == 's' || (mod == "past" && u != Unit::Week)) return std::nullopt;
        if (mod == "past") // "the past week": the seven days before P
            return Match{i, k + 1, window(cal::add_days(p, -7), cal::add_days(p, -1))};
        const int n = mod == "next" ? 1 : mod == "this" ? 0 : -1;
        DateValue v;
        switch (u) {
        case Unit::Week: v = week_of(p, n); break;
        case Unit::Month: v = cal::add_months(p, n); break;
        case Unit::Year: v = DateValue{p.year + n, 0, 0}; break;
        default: return std::nullopt; // "last day" is not a date
        }
        return Match{i, k + 1, v};
    }

    // "two months ago", "a week ago", "three days ago"; "a day earlier", "two years later".
    std::optional<Match> count_ago(std::size_t i) const {
        const int n = cal::small_number(tok(i));
        if (n < 1 || n > 99) return std::nullopt;
        const Unit u = unit_of(tok(i + 1));
        if (u == Unit::None) return std::nullopt;
        const std::string w = ltok(i + 2);
        if ((ltok(i + 1).back() == 's') != (n != 1)) return std::nullopt; // "a days ago"
        if (w == "ago") {
            if (!pub_) return std::nullopt;
            if (auto v = shift(*pub_, u, -n)) return Match{i, i + 3, *v};
            return std::nullopt;
        }
        if (w == "earlier" || w == "later") {
            const auto base = anchor(u);
            if (!base) return std::nullopt;
            if (auto v = shift(*base, u, w == "earlier" ? -n : n)) return Match{i, i + 3, *v};
        }
        return std::nullopt;
    }

    // "the day before", "the previous day", "the following year", "the next day".
    std::optional<Match> anaphoric(std::size_t i) const {
        if (ltok(i) != "the") return std::nullopt;
        const std::string a = ltok(i + 1);
        int dir = 0;
        Unit u = Unit::None;
        std::size_t end = 0;
        if (a == "previous" || a == "following" || a == "next") {
            u = unit_of(tok(i + 2));
            dir = a == "previous" ? -1 : 1;
            end = i + 3;
            if (ltok(i + 2).back() == 's') return std::nullopt;
        } else if (unit_of(a) != Unit::None && (ltok(i + 2) == "before" || ltok(i + 2) == "after")) {
            // Only when the phrase stands alone: "the day before the vote" needs the vote.
            const std::string_view after = tok(i + 3);
            if (!after.empty() && doc_.tokens[i + 3].kind != TokenKind::Punct) return std::nullopt;
            u = unit_of(a);
            dir = ltok(i + 2) == "before" ? -1 : 1;
            end = i + 3;
        }
        if (u == Unit::None || u == Unit::Week) return std::nullopt;
        const auto base = anchor(u);
        if (!base) return std::nullopt;
        if (auto v = shift(*base, u, dir)) return Match{i + 1, end, *v};
        return std::nullopt;
    }

    // "yesterday", "today", "tomorrow" (+ "morning" …).
    std::optional<Match> deictic_day(std::size_t i) const {
        const std::string_view t = tok(i);
        const std::string w = lower(t);
        int d = 0;
        if (w == "yesterday") d = -1;
        else if (w == "today") d = 0;
        else if (w == "tomorrow") d = 1;
        else return std::nullopt;
        // "USA TODAY", "Russia Today": a name, not a day.
        if (t.size() > 1 && uc::is_upper(uc::decode(t, 1).cp)) return std::nullopt;
        if (i > sfirst_ && is_capitalised(t) && is_capitalised(doc_.token_text(i - 1)) &&
            doc_.tokens[i - 1].kind == TokenKind::Word && i - 1 != sfirst_)
            return std::nullopt;
        if (!pub_) return std::nullopt;
        return Match{i, part_of_day_end(i + 1), cal::add_days(*pub_, d)};
    }

    std::optional<Match> weekday(std::size_t i) const {
        const int wd = weekday_at(i);
        if (wd < 0) return std::nullopt;
        const std::string prev = prev_lower(i);
        if (prev == "good" || prev == "black" || prev == "cyber" || prev == "bloody") return std::nullopt;
        // "Sunday, August 13, 2023": the explicit date decides.
        const std::size_t k = skip_comma(i + 1);
        if (auto m = month_first(k); m && m->value.day) return Match{i, m->end, m->value};
        if (auto m = day_first(k); m && m->value.day) return Match{i, m->end, m->value};
        if (!pub_) return std::nullopt;
        DateValue v = weekday_before(*pub_, wd, false);
        // "from Wednesday to Friday": the end of a range follows its start.
        if ((prev == "to" || prev == "until" || prev == "till" || prev == "through" ||
             prev == "\u2013" || prev == "-") &&
            !sentence_.empty() && sentence_.back().value.day && i - sentence_.back().end <= 2)
            v = weekday_after(sentence_.back().value, wd, false);
        return Match{i, part_of_day_end(i + 1), v};
    }

    // "August 13, 2023", "Aug. 13", "June 2022", "June".
    std::optional<Match> month_first(std::size_t i) const {
        const int m = month_at(i);
        if (!m) return std::nullopt;
        if (const int d = day_number(tok(i + 1)); d && doc_.tokens[i + 1].kind != TokenKind::Punct) {
            const std::size_t k = skip_comma(i + 2);
            if (const int y = year_at(k); y && cal::valid_day(y, m, d)) return Match{i, k + 1, DateValue{y, m, d}};
            // A day number followed by another number is not a day ("June 24 2,000").
            if (has(i + 2) && doc_.tokens[i + 2].kind == TokenKind::Number) return std::nullopt;
            if (auto v = month_without_year(m, d)) return Match{i, i + 2, *v};
            return std::nullopt;
        }
        const std::size_t k = skip_comma(i + 1);
        if (const int y = year_at(k)) return Match{i, k + 1, DateValue{y, m, 0}};
        if (!month_alone_ok(i, m)) return std::nullopt;
        if (auto v = month_without_year(m, 0)) return Match{i, i + 1, *v};
        return std::nullopt;
    }

    // A bare month name: "May" and "March" are also a verb and a noun, so they need a
    // preposition before them; any month followed by a capitalised word is taken for a
    // first name ("June Carter").
    bool month_alone_ok(std::size_t i, int m) const {
        const std::string prev = prev_lower(i);
        static constexpr std::array<std::string_view, 21> kBefore{
            "in", "since", "until", "till", "by", "from", "to", "of", "during", "before", "after",
            "early", "late", "mid", "last", "next", "through", "between", "and", "or", "on"};
        const bool prep = std::find(kBefore.begin(), kBefore.end(), prev) != kBefore.end();
        if ((m == 5 || m == 3) && !prep) return false;
        if (has(i + 1) && doc_.tokens[i + 1].kind == TokenKind::Word && is_capitalised(tok(i + 1)) &&
            weekday_at(i + 1) < 0)
            return false;
        if (i == sfirst_ && !prep && has(i + 1) && tok(i + 1) != "'s" && tok(i + 1) != "\u2019s")
            return false; // sentence-initial "June" without context: too often a name
        return true;
    }

    // "13 August 2023", "13th of August", "13 Aug."
    std::optional<Match> day_first(std::size_t i) const {
        const int d = day_number(tok(i));
        if (!d) return std::nullopt;
        std::size_t j = i + 1;
        if (ltok(j) == "of") ++j;
        const int m = month_at(j);
        if (!m) return std::nullopt;
        const std::size_t k = skip_comma(j + 1);
        if (const int y = year_at(k); y && cal::valid_day(y, m, d)) return Match{i, k + 1, DateValue{y, m, d}};
        if (auto v = month_without_year(m, d)) return Match{i, j + 1, *v};
        return std::nullopt;
    }

    // One-token numeric dates: "2023-08-13", "13.08.2023".
    std::optional<Match> numeric(std::size_t i) const {
        const std::string_view t = tok(i);
        if (t.size() != 10) return std::nullopt;
        if (t[4] == '-' && t[7] == '-') {
            if (auto v = DateValue::parse_iso(t)) return Match{i, i + 1, *v};
        } else if (t[2] == '.' && t[5] == '.') {
            if (auto v = parse_date(t)) return Match{i, i + 1, *v};
        }
        return std::nullopt;
    }

    // "mid-June", "late-2023", "early-August" (one hyphenated token).
    std::optional<Match> prefixed(std::size_t i) const {
        const std::string t = ltok(i);
        for (std::string_view pre : {"mid-", "early-", "late-"}) {
            if (t.rfind(pre, 0) != 0) continue;
            const std::string_view rest = tok(i).substr(pre.size());
            if (const int y = year_number(rest); y >= 1900 && y <= 2099) return Match{i, i + 1, DateValue{y, 0, 0}};
            if (const int m = cal::month_from_name(rest); m && is_capitalised(rest)) {
                if (const int y = year_at(i + 1)) return Match{i, i + 2, DateValue{y, m, 0}};
                if (auto v = month_without_year(m, 0)) return Match{i, i + 1, *v};
            }
        }
        return std::nullopt;
    }

    // A year on its own, unless the number counts something.
    std::optional<Match> year_alone(std::size_t i) const {
        const int y = year_at(i);
        if (y < 1900 || y > 2099) return std::nullopt;
        static constexpr std::array<std::string_view, 17> kQuantity{
            "about", "around", "some", "nearly", "almost", "roughly", "approximately", "over",
            "under", "than", "least", "only", "just", "estimated", "additional", "another", "extra"};
        const std::string prev = prev_lower(i);
        if (std::find(kQuantity.begin(), kQuantity.end(), prev) != kQuantity.end()) return std::nullopt;
        if (i > sfirst_ && doc_.tokens[i - 1].kind == TokenKind::Symbol) return std::nullopt; // "$2000"
        if (has(i + 1)) {
            const std::string next = ltok(i + 1);
            static constexpr std::array<std::string_view, 16> kCounted{
                "%", "percent", "per", "people", "troops", "soldiers", "fighters", "police",
                "civilians", "dead", "km", "kilometres", "kilometers", "miles", "tonnes", "tons"};
            if (std::find(kCounted.begin(), kCounted.end(), next) != kCounted.end()) return std::nullopt;
        }
        return Match{i, i + 1, DateValue{y, 0, 0}};
    }
};

} // namespace

std::vector<DateExpression> find_dates(const Document& doc) { return Finder(doc).run(); }

} // namespace newskg
