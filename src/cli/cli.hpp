#pragma once
// The subcommands of the newskg executable and the small helpers they share.
#include <optional>
#include <string>
#include <vector>

namespace newskg {
class KnowledgeGraph;
class Ontology;
struct DotOptions;
struct MergeOptions;
struct MergeResult;
} // namespace newskg

namespace newskg::cli {

int run_extract(const std::vector<std::string>& args);
int run_read(const std::vector<std::string>& args);
int run_eval(const std::vector<std::string>& args);
int run_stats(const std::vector<std::string>& args);
int run_path(const std::vector<std::string>& args);
int run_merge(const std::vector<std::string>& args);

/// The graph in one output format (ttl, nt, nq, trig, rdfxml, jsonld, json, dot,
/// graphml, svg, png); defined in extract.cpp.
std::string render(const std::string& format, const KnowledgeGraph& graph, const Ontology& ontology,
                   const std::string& base, const DotOptions& dot);

/// Command-line arguments: "--name value", "--name=value", flags and positionals.
class Args {
  public:
    /// `with_value`: option names that take a value; `flags`: those that do not.
    /// throws usage_error on an unknown option or a missing value.
    Args(const std::vector<std::string>& args, const std::vector<std::string>& with_value,
         const std::vector<std::string>& flags);
    std::optional<std::string> value(const std::string& name) const;
    bool flag(const std::string& name) const;
    const std::vector<std::string>& positionals() const { return positionals_; }

  private:
    std::vector<std::pair<std::string, std::string>> values_;
    std::vector<std::string> flags_;
    std::vector<std::string> positionals_;
};

/// Writes `content` to `path` through a temporary file in the same directory and a
/// rename, so a failed or interrupted write never leaves a truncated file; "-" writes to
/// standard output. throws output_error naming the path.
void write_file_atomically(const std::string& path, const std::string& content);

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove the temporary files of
/// writes in progress and exit with 128 + the signal (130, 143, 129): outputs already
/// renamed into place stay, no partial file is left.
void remove_temp_files_on_signals();

/// Creates an output directory (and its parents) if needed; throws output_error naming it.
void make_output_dir(const std::string& dir);

/// The ontology directory from --ontology, else Ontology::default_dir().
std::string ontology_dir(const Args& args);

/// --no-fuzzy-merge and --aliases FILE (shared by merge and extract); defined in merge.cpp.
MergeOptions merge_options(const Args& args);
/// Writes --merge-log FILE when given and a one-line summary to standard error.
void write_merge_log(const Args& args, const MergeResult& result, std::size_t graphs);

/// Splits "a,b,c".
std::vector<std::string> split_list(const std::string& s);

} // namespace newskg::cli
