#pragma once
// Merging new items into a list kept sorted and unique, shared by the graph (evidence and
// article lists of KnowledgeGraph) and the order-free union of src/merge.
#include <algorithm>
#include <cstddef>
#include <iterator>
#include <vector>

namespace newskg::detail {

/// Adds `from` to `sorted` (sorted, unique under `less`/`equal`) and keeps it so. Elements
/// already there win over equal new ones. Linear in the size of `sorted`, and
/// proportional to `from` alone when the new elements all sort after the old ones (the
/// usual case: articles are added in order): a hub actor or relation named by thousands
/// of articles must not be re-sorted on every mention, which made merging quadratic.
template <class T, class Less, class Equal>
void merge_sorted(std::vector<T>& sorted, std::vector<T> from, Less less, Equal equal) {
    if (from.empty()) return;
    std::stable_sort(from.begin(), from.end(), less);
    const std::size_t old_size = sorted.size();
    const bool after = old_size == 0 || !less(from.front(), sorted.back());
    sorted.insert(sorted.end(), std::make_move_iterator(from.begin()),
                  std::make_move_iterator(from.end()));
    auto first = sorted.begin();
    if (after) {
        if (old_size > 0) first += static_cast<std::ptrdiff_t>(old_size - 1);
    } else {
        std::inplace_merge(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(old_size),
                           sorted.end(), less);
    }
    sorted.erase(std::unique(first, sorted.end(), equal), sorted.end());
}

} // namespace newskg::detail
