#pragma once
// Calendar arithmetic and month/weekday names, shared by the date finder, parse_date and
// the reader's date-line detection (private to the library).
#include "newskg/core/model.hpp"

#include <cstdint>
#include <string_view>

namespace newskg::cal {

/// Days since 1970-01-01 of a proleptic Gregorian date (any day, month ≥ 1).
std::int64_t days_from_civil(int y, int m, int d);
/// Inverse of days_from_civil, always at day precision.
DateValue civil_from_days(std::int64_t z);
int days_in_month(int y, int m);
bool valid_day(int y, int m, int d);
/// 0 = Monday … 6 = Sunday.
int weekday(const DateValue& d);
/// d (day precision) shifted by n days.
DateValue add_days(const DateValue& d, std::int64_t n);
/// d's month shifted by n months, at month precision.
DateValue add_months(const DateValue& d, int n);

/// 1..12 for an English month name or abbreviation ("August", "Aug", "Aug.", "Sept"),
/// any case; 0 otherwise.
int month_from_name(std::string_view w);
/// True when w is a month abbreviation rather than the full name ("Aug", "Sept").
bool is_month_abbreviation(std::string_view w);
/// 0 (Monday) … 6 (Sunday) for an English weekday name or abbreviation, any case; -1 otherwise.
int weekday_from_name(std::string_view w);
/// True for the full weekday names only ("Sunday", not "Sun", which is also a word).
bool is_full_weekday_name(std::string_view w);
/// The value of "a"/"an", "one" … "twelve" or a number of up to three digits; -1 otherwise.
int small_number(std::string_view w);

} // namespace newskg::cal
