#pragma once
/// Article identity within one run: every article gets an id no other article of the
/// run has, the same id on every run over the same inputs, and a file name in --out-dir
/// that is that id made safe for a file system.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newskg {

/// 64-bit FNV-1a over the parts, each terminated by a 0 byte so that ("ab","c") and
/// ("a","bc") differ: stable across runs and platforms, unlike std::hash.
std::uint64_t stable_hash(const std::vector<std::string_view>& parts) noexcept;
/// stable_hash as `digits` lower-case hex digits (the low ones; 1 ≤ digits ≤ 16).
std::string stable_hash_hex(const std::vector<std::string_view>& parts, int digits = 16);

/// The file name (without extension) an article id is written under: path separators,
/// control characters and a leading "." become "_", cut to 200 bytes on a UTF-8
/// boundary, "article" when empty. Ids come from JSON Lines and file names, so they are
/// untrusted: "../x" must not leave the output directory.
std::string article_file_stem(const std::string& id);

/// Hands out the ids of one run's articles.
///
/// An article proposes an id (its file name, its JSON Lines "id", "stdin"). The id is
/// kept when no earlier article of the run has it, else the article is renamed ID-2,
/// ID-3 … (the first free one), in input order, which read_articles keeps sorted: the
/// same inputs give the same ids on every run. (newskg-dask, which extracts shards apart,
/// names repeats across shards the same way.) Ids are compared by their file stem, so two
/// ids never share an output file. An article read from standard input without a given
/// id is "stdin-HASH", HASH being 8 hex digits of its text: a run has no path to name it
/// by, and two different articles piped in on two runs must not share an id in a store.
/// A given id (`--id`) names the first article, and only it.
class ArticleIds {
  public:
    /// What claim() decided.
    struct Claim {
        enum class Kind {
            Kept,     ///< the proposed (or given) id
            Renamed,  ///< the proposed id was taken; `id` is the new one, `taken_by` the first holder
            Refused,  ///< a given id was already used by the first article: this one is not read
        };
        Kind kind = Kind::Kept;
        std::string id;
        std::string taken_by; ///< where the article that holds the proposed id came from
    };

    /// `taken`: ids already used by articles of the same batch read elsewhere (the
    /// earlier shards of newskg-dask), claimed before any article of this run.
    explicit ArticleIds(std::optional<std::string> given = std::nullopt, const std::vector<std::string>& taken = {});

    /// The id of the next article. `proposed`: the reader's id; `from_stdin`: read from
    /// standard input without a JSON Lines id; `where`: its file (for messages);
    /// `text`: its text (for the hash).
    Claim claim(const std::string& proposed, bool from_stdin, const std::string& where, std::string_view text);

  private:
    std::optional<std::string> given_;
    bool given_used_ = false;
    std::map<std::string, std::string> taken_; ///< file stem of an id → where it was claimed
};

} // namespace newskg
