#include "newskg/text/analyse.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

// Date expressions of a one-paragraph body text, as (text, ISO value) pairs.
Pairs dates(const std::string& text, const char* published = "2023-08-13") {
    newskg::Document d;
    d.text = text;
    d.paragraphs.push_back({newskg::CharSpan{0, d.text.size()}, newskg::ParagraphKind::Body});
    if (published) d.published = newskg::DateValue::parse_iso(published);
    newskg::analyse_text(d);
    Pairs out;
    for (const auto& e : d.dates) out.emplace_back(std::string(d.slice(e.span)), e.value.iso());
    return out;
}

} // namespace

// 2023-08-13, the default publication date below, was a Sunday.
TEST_CASE("dates: weekdays count back from the publication date", "[text][dates]") {
    CHECK(dates("The mission on Sunday said it left.") == Pairs{{"Sunday", "2023-08-13"}});
    CHECK(dates("The army on Saturday said so.") == Pairs{{"Saturday", "2023-08-12"}});
    CHECK(dates("Fighting went on as of Sunday morning.") == Pairs{{"Sunday morning", "2023-08-13"}});
    CHECK(dates("Talks were held on Monday evening.") == Pairs{{"Monday evening", "2023-08-07"}});
    CHECK(dates("He left last Sunday.") == Pairs{{"last Sunday", "2023-08-06"}});
    CHECK(dates("They meet next Tuesday.") == Pairs{{"next Tuesday", "2023-08-15"}});
    CHECK(dates("Crowds gathered on Good Friday.").empty());
}

TEST_CASE("dates: ranges of weekdays run forward", "[text][dates]") {
    // Published on Wednesday 2023-08-02: "to Friday" is the Friday after the Wednesday.
    CHECK(dates("Chiefs meet from Wednesday to Friday in Abuja.", "2023-08-02") ==
          Pairs{{"Wednesday", "2023-08-02"}, {"Friday", "2023-08-04"}});
}

TEST_CASE("dates: days relative to the publication date or to a date in the sentence", "[text][dates]") {
    CHECK(dates("It happened yesterday, not today or tomorrow.") ==
          Pairs{{"yesterday", "2023-08-12"}, {"today", "2023-08-13"}, {"tomorrow", "2023-08-14"}});
    // "a day earlier" counts from the Saturday named in the same sentence.
    CHECK(dates("On Saturday the army said soldiers died in a skirmish a day earlier.") ==
          Pairs{{"Saturday", "2023-08-12"}, {"a day earlier", "2023-08-11"}});
    // Without a date in its sentence, from the publication date.
    CHECK(dates("A day earlier, rebels attacked.") == Pairs{{"A day earlier", "2023-08-12"}});
    CHECK(dates("Three days ago the convoy left.") == Pairs{{"Three days ago", "2023-08-10"}});
    CHECK(dates("The mission began in 2013 after rebellions broke out the previous year.") ==
          Pairs{{"2013", "2013"}, {"previous year", "2012"}});
    CHECK(dates("The talks failed. The day before, shots were fired.") == Pairs{{"day before", "2023-08-12"}});
    CHECK(dates("Officials met the day before the vote.").empty());
}

TEST_CASE("dates: months and years", "[text][dates]") {
    CHECK(dates("The junta demanded in June that the force withdraw.") == Pairs{{"June", "2023-06"}});
    // A month after the publication month is last year's.
    CHECK(dates("The deal was signed in December.") == Pairs{{"December", "2022-12"}});
    CHECK(dates("The demand came two months ago.") == Pairs{{"two months ago", "2023-06"}});
    CHECK(dates("Prices rose last month and last year.") == Pairs{{"last month", "2023-07"}, {"last year", "2022"}});
    CHECK(dates("Elections are due next month, later this year.") ==
          Pairs{{"next month", "2023-09"}, {"later this year", "2023"}});
    CHECK(dates("The mission began in 2013 and a 2015 peace deal followed.") == Pairs{{"2013", "2013"}, {"2015", "2015"}});
    CHECK(dates("Coups in 2020 and 2021.") == Pairs{{"2020", "2020"}, {"2021", "2021"}});
    CHECK(dates("Fighting resumed in mid-July.") == Pairs{{"mid-July", "2023-07"}});
    CHECK(dates("They met in December 2022.") == Pairs{{"December 2022", "2022-12"}});
}

TEST_CASE("dates: weeks are given at the precision that is true", "[text][dates]") {
    // The week before the week of Sunday 2023-08-13 is 31 July – 6 August: two months.
    CHECK(dates("Talks collapsed last week.") == Pairs{{"last week", "2023"}});
    // Published Wednesday 2023-08-23: last week is 14–20 August.
    CHECK(dates("Talks collapsed last week.", "2023-08-23") == Pairs{{"last week", "2023-08"}});
    CHECK(dates("A week ago the camp closed.", "2023-08-23") == Pairs{{"A week ago", "2023-08"}});
}

TEST_CASE("dates: explicit dates", "[text][dates]") {
    CHECK(dates("It was signed on August 13, 2023 and on June 24, 2022.") ==
          Pairs{{"August 13, 2023", "2023-08-13"}, {"June 24, 2022", "2022-06-24"}});
    CHECK(dates("Orders signed on Jan. 30, 2025 and Aug. 2.") ==
          Pairs{{"Jan. 30, 2025", "2025-01-30"}, {"Aug. 2", "2023-08-02"}});
    CHECK(dates("Reports of 13 August and 13 August 2021.") ==
          Pairs{{"13 August", "2023-08-13"}, {"13 August 2021", "2021-08-13"}});
    CHECK(dates("Filed on 2023-08-12 and 01.07.2023.") ==
          Pairs{{"2023-08-12", "2023-08-12"}, {"01.07.2023", "2023-07-01"}});
    CHECK(dates("On Sunday, August 13, 2023, it ended.") == Pairs{{"Sunday, August 13, 2023", "2023-08-13"}});
    CHECK(dates("In August the 13th of August was hot.") ==
          Pairs{{"August", "2023-08"}, {"13th of August", "2023-08-13"}});
}

TEST_CASE("dates: numbers and names that are not dates", "[text][dates]") {
    CHECK(dates("About 2000 troops and 1,500 police arrived.").empty());
    CHECK(dates("The minister may resign. May Ahmed spoke.").empty());
    CHECK(dates("USA TODAY reported it.").empty());
    CHECK(dates("June Carter sang.").empty());
}

TEST_CASE("dates: without a publication date only absolute dates are resolved", "[text][dates]") {
    CHECK(dates("On Sunday, two months ago, in June, and on June 24, 2022, in 2015.", nullptr) ==
          Pairs{{"June 24, 2022", "2022-06-24"}, {"2015", "2015"}});
}

TEST_CASE("parse_date: written-out dates", "[text][dates]") {
    using newskg::DateValue;
    using newskg::parse_date;
    const DateValue d{2023, 8, 13};
    CHECK(parse_date("August 13, 2023") == d);
    CHECK(parse_date("Aug. 13, 2023") == d);
    CHECK(parse_date("Aug 13 2023") == d);
    CHECK(parse_date("13 Aug 2023") == d);
    CHECK(parse_date("13 August 2023") == d);
    CHECK(parse_date("13th of August, 2023") == d);
    CHECK(parse_date("Sunday, August 13, 2023") == d);
    CHECK(parse_date("2023-08-13") == d);
    CHECK(parse_date("2023-08-13T10:45:00+02:00") == d);
    CHECK(parse_date("2023-08-13 10:45") == d);
    CHECK(parse_date("Sun, 13 Aug 2023 10:45:00 GMT") == d);
    CHECK(parse_date("August 13, 2023 10:45 AM EDT") == d);
    CHECK(parse_date("13.08.2023") == d);
    CHECK(parse_date("2023/08/13") == d);
    CHECK(parse_date("  August 13, 2023  ") == d);
    CHECK(parse_date("August 2023") == DateValue{2023, 8, 0});
    CHECK(parse_date("2023-08") == DateValue{2023, 8, 0});
    CHECK(parse_date("2023") == DateValue{2023, 0, 0});
}

TEST_CASE("parse_date: rejects what is not a date", "[text][dates]") {
    using newskg::parse_date;
    CHECK_FALSE(parse_date(""));
    CHECK_FALSE(parse_date("February 30, 2023"));
    CHECK_FALSE(parse_date("2023-13-01"));
    CHECK_FALSE(parse_date("August 13, 2023 was a Sunday"));
    CHECK_FALSE(parse_date("Mali's junta"));
    CHECK_FALSE(parse_date("11,600"));
    CHECK_FALSE(parse_date("13/08/2023")); // day and month order unknown
}
