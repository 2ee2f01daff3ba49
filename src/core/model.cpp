#include "newskg/core/model.hpp"

#include <array>
#include <atomic>
#include <cstdio>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace newskg {

namespace {

/// The texts of every Tag made in the process, by number; number 0 is "". Reads go
/// through an array of atomic pointers (no lock); a new text is added under the lock.
struct TagTable {
    static constexpr std::size_t kCapacity = 1u << 16;
    std::mutex mutex;
    std::deque<std::string> texts; // stable addresses
    std::unordered_map<std::string_view, std::uint16_t> ids;
    std::array<std::atomic<const std::string*>, kCapacity> by_id{};
};

TagTable& tag_table() {
    static TagTable* table = new TagTable(); // never destroyed: tags may outlive statics
    return *table;
}

const std::string kNoText;

} // namespace

Tag::Tag(std::string_view text) {
    if (text.empty()) return;
    TagTable& t = tag_table();
    std::lock_guard<std::mutex> lock(t.mutex);
    if (auto it = t.ids.find(text); it != t.ids.end()) {
        id_ = it->second;
        return;
    }
    const std::size_t id = t.texts.size() + 1;
    if (id >= TagTable::kCapacity)
        throw std::length_error("more than 65535 distinct syntax tags: '" + std::string(text) + "'");
    const std::string& kept = t.texts.emplace_back(text);
    t.ids.emplace(kept, static_cast<std::uint16_t>(id));
    t.by_id[id].store(&kept, std::memory_order_release);
    id_ = static_cast<std::uint16_t>(id);
}

std::string_view Tag::view() const noexcept {
    if (id_ == 0) return kNoText;
    return *tag_table().by_id[id_].load(std::memory_order_acquire);
}

std::string DateValue::iso() const {
    char buf[16];
    if (month == 0)
        std::snprintf(buf, sizeof buf, "%04d", year);
    else if (day == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

namespace {
bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}
int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}
int days_in_month(int y, int m) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return days[static_cast<std::size_t>(m - 1)];
}
} // namespace

std::optional<DateValue> DateValue::parse_iso(std::string_view s) {
    if (s.size() < 4 || !all_digits(s.substr(0, 4))) return std::nullopt;
    DateValue d;
    d.year = to_int(s.substr(0, 4));
    if (s.size() == 4) return d;
    if (s.size() < 7 || s[4] != '-' || !all_digits(s.substr(5, 2))) return std::nullopt;
    d.month = to_int(s.substr(5, 2));
    if (d.month < 1 || d.month > 12) return std::nullopt;
    if (s.size() == 7) return d;
    if (s.size() != 10 || s[7] != '-' || !all_digits(s.substr(8, 2))) return std::nullopt;
    d.day = to_int(s.substr(8, 2));
    if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
    return d;
}

namespace {
constexpr std::array<std::pair<ActorType, std::string_view>, 8> kActorTypeNames{{
    {ActorType::Actor, "Actor"},
    {ActorType::Person, "Person"},
    {ActorType::Country, "Country"},
    {ActorType::Location, "Location"},
    {ActorType::Government, "Government"},
    {ActorType::Military, "Military"},
    {ActorType::ArmedGroup, "ArmedGroup"},
    {ActorType::Organization, "Organization"},
}};
} // namespace

std::string_view to_string(ActorType t) {
    for (const auto& [type, name] : kActorTypeNames)
        if (type == t) return name;
    return "Actor";
}

std::optional<ActorType> actor_type_from_string(std::string_view s) {
    for (const auto& [type, name] : kActorTypeNames)
        if (name == s) return type;
    return std::nullopt;
}

} // namespace newskg
