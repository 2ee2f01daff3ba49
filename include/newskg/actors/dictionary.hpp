#pragma once
/// Actor dictionaries: lists of actor names with CAMEO actor codes that extend the
/// gazetteer (`newskg extract --actors FILE`, and the bundled Phoenix dictionaries).
///
/// Two formats are read:
///  - PETRARCH/TABARI `.actors` and `.agents` files (see docs of openeventdata/petrarch2):
///    `NAME_WITH_UNDERSCORES [CODE]`, `+SYNONYM` lines, date-restricted codes on
///    indented lines (`[USAGOV 20090120-20170120]`, `[ABC <911226]`, `[ABC >990816]`),
///    `#` and `<!-- -->` comments; agents `PHRASE {PLURAL} [~CODE]` and `!SET! = A, B`
///    substitution sets. A phrase ending in `_` matches exactly; otherwise its last word
///    also matches its regular plural.
///  - newskg's own TSV (a `.tsv` file whose first line is the header), one actor per line:
///    `name  type  country  role  from  to  iri`, see README "Actor dictionaries".
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newskg/core/model.hpp"

namespace newskg {

/// A CAMEO actor code valid over a date range (both ends included, either open).
struct DatedCode {
    std::string code; ///< "USAGOV", "ARN"; "---" for "no actor"
    std::optional<DateValue> from, to;
    /// Is this code valid at `date`? A code with a range is never valid without a date.
    bool covers(const std::optional<DateValue>& date) const;
};

/// One actor record: a primary name, its synonyms and its codes.
struct DictionaryActor {
    std::string label;               ///< primary name as written, underscores as spaces
    std::vector<std::string> names;  ///< every name (label first), as written
    std::string default_code;        ///< the code when no dated code applies (may be empty)
    std::vector<DatedCode> dated;    ///< date-restricted codes, in file order
    /// Set by the TSV format (for PETRARCH files they are derived from the codes).
    std::optional<ActorType> type;
    std::string country; ///< CAMEO / ISO alpha-3 country code of the TSV's country column
    std::string role;    ///< TSV role: CAMEO role code(s) ("GOV", "MIL") or "leader", "member"
    std::string iri;     ///< TSV optional IRI
    std::string file;
    std::size_t line = 0;
    /// The code at `date`: the first dated code covering it, else the default code.
    const std::string& code_at(const std::optional<DateValue>& date) const;
    /// Dated codes that name a role (more than a country code): a person's career.
    bool is_person() const;
};

/// An agent noun: makes the sector actor of the country it stands next to.
struct DictionaryAgent {
    std::string phrase;  ///< lower-case words joined by one space
    std::string code;    ///< "GOVFRM", "MIL", "NGO" (the ~ removed)
    bool before = false; ///< "NGO~": the code goes before the country's code
    std::string file;
    std::size_t line = 0;
};

/// One matchable form of a dictionary phrase: lower-case words joined by one space, with
/// regular plurals already expanded ("SOLDIER" gives "soldier" and "soldiers").
struct DictionaryPhrase {
    std::string text;
    bool agent = false; ///< `entry` indexes agents() rather than actors()
    std::size_t entry = 0;
};

class ActorDictionary {
  public:
    /// Reads one file, detecting its format (TSV: `.tsv` with the header line; otherwise
    /// PETRARCH/TABARI). throws ontology_error "FILE:LINE: problem" on a malformed line
    /// (the CLI exits 2).
    void load_file(const std::string& path);
    /// Parses PETRARCH/TABARI actor or agent records (a record whose codes start or end
    /// with `~` is an agent). `name` is used in messages.
    void add_petrarch(std::string_view text, const std::string& name);
    /// Parses newskg's TSV format (header line first).
    void add_tsv(std::string_view text, const std::string& name);

    const std::vector<DictionaryActor>& actors() const { return actors_; }
    const std::vector<DictionaryAgent>& agents() const { return agents_; }
    /// Every matchable phrase: names of actors, agent phrases with plurals expanded.
    std::vector<DictionaryPhrase> phrases() const;
    bool empty() const { return actors_.empty() && agents_.empty(); }

  private:
    void add_tsv_agent(const std::vector<std::string>& cols, const std::string& name, std::size_t line);
    std::vector<DictionaryActor> actors_;
    std::vector<DictionaryAgent> agents_;
};

/// A dictionary phrase as text: underscores and blanks become one space, a trailing `_`
/// is dropped ("PRESIDENT_GEORGE_W._BUSH" → "PRESIDENT GEORGE W. BUSH").
std::string dictionary_phrase(std::string_view phrase);

/// The regular plural forms of a phrase's last word (S; IES after a consonant + Y; ES
/// after SS, SH, CH, X), as PETRARCH makes them.
std::vector<std::string> regular_plurals(const std::string& phrase);

/// Matches dictionary phrases against a document's tokens: a hash of each phrase's first
/// alphanumeric run → its phrases, longest first; a phrase matches when the text from a
/// token's start equals it case-insensitively (blanks folded) and ends at a token's end.
class DictionaryIndex {
  public:
    explicit DictionaryIndex(std::vector<DictionaryPhrase> phrases);
    DictionaryIndex() = default;
    struct Match {
        std::size_t end = 0; ///< token after the match
        const DictionaryPhrase* phrase = nullptr;
    };
    /// Every phrase (actors and agents as `agents` says) starting at token `i` and ending
    /// at or before token `limit`, longest first.
    std::vector<Match> match(const Document& doc, std::size_t i, std::size_t limit, bool agents) const;
    std::size_t size() const { return phrases_.size(); }

  private:
    std::vector<DictionaryPhrase> phrases_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_;
};

/// Is this three-letter code a CAMEO role ("GOV", "MIL", "REB", "ELI", "MED" …) rather
/// than a country or a named group?
bool is_cameo_role(std::string_view code);

/// Parses a PETRARCH date: YYYYMMDD or YYMMDD (YY < 30 → 20YY, else 19YY).
std::optional<DateValue> parse_dictionary_date(std::string_view s);

} // namespace newskg
