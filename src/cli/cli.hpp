#pragma once
// The subcommands of the newskg executable and the small helpers they share.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newskg/pipeline/pipeline.hpp"
#include "newskg/read/reader.hpp"

namespace newskg {
class KnowledgeGraph;
class Ontology;
struct DotOptions;
struct MergeOptions;
struct MergeResult;
} // namespace newskg
#include "newskg/pipeline/pipeline.hpp"
#include "newskg/read/reader.hpp"

namespace newskg::cli {

int run_extract(const std::vector<std::string>& args);
int run_read(const std::vector<std::string>& args);
int run_eval(const std::vector<std::string>& args);
int run_render(const std::vector<std::string>& args);
int run_push(const std::vector<std::string>& args);
int run_stats(const std::vector<std::string>& args);
int run_path(const std::vector<std::string>& args);
int run_merge(const std::vector<std::string>& args);
int run_parse(const std::vector<std::string>& args);
int run_train_syntax(const std::vector<std::string>& args);
int run_ner(const std::vector<std::string>& args);
int run_train_ner(const std::vector<std::string>& args);

int run_load(const std::vector<std::string>& args);
int run_query(const std::vector<std::string>& args);
int run_unload(const std::vector<std::string>& args);

/// Command-line arguments: "--name value", "--name=value", flags and positionals.
class Args {
  public:
    /// `with_value`: option names that take a value; `flags`: those that do not.
    /// throws usage_error on an unknown option or a missing value.
    Args(const std::vector<std::string>& args, const std::vector<std::string>& with_value,
         const std::vector<std::string>& flags);
    std::optional<std::string> value(const std::string& name) const;
    /// Every value of a repeatable option, in command-line order.
    std::vector<std::string> values(const std::string& name) const;
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

/// Receives an output's text a piece at a time.
using ChunkSink = std::function<void(std::string_view)>;

/// The same, for text too large to hold whole: `produce` hands its text to the sink piece
/// by piece and it is written as it comes. An exception from `produce` removes the
/// temporary file (the target stays as it was) and propagates.
void write_file_atomically(const std::string& path, const std::function<void(const ChunkSink&)>& produce);

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove the temporary files of
/// writes in progress and exit with 128 + the signal (130, 143, 129): outputs already
/// renamed into place stay, no partial file is left.
void remove_temp_files_on_signals();

/// Creates an output directory (and its parents) if needed; throws output_error naming it.
void make_output_dir(const std::string& dir);

/// The ontology directory from --ontology, else Ontology::default_dir().
std::string ontology_dir(const Args& args);

/// How articles are read and extracted: shared by extract and push.
struct ArticleOptions {
    ReadOptions read;
    PipelineOptions pipeline;
    std::size_t jobs = 0; ///< extraction threads, 0: one per core
    std::vector<std::string> actor_files; ///< --actors FILE (repeatable)
};

/// --published, --input-format, --max-bytes, --base, --keep-negated, --no-parser,
/// --jobs and --actors. throws usage_error on a malformed value.
ArticleOptions article_options(const Args& args);

/// Reads the articles of `inputs` (files, directories, -) and extracts them on
/// options.jobs threads, calling `each` once per article in input order. Unreadable
/// inputs go to `diagnostics`. Returns the number of articles extracted.
std::size_t extract_articles(const std::vector<std::string>& inputs, const Resources& resources,
                             const ArticleOptions& options, const std::function<void(Extraction&&)>& each,
                             std::vector<Diagnostic>& diagnostics);

/// Prints each diagnostic to standard error ("newskg: error: PATH: problem [ID]",
/// "newskg: warning: ..."), control characters escaped; returns whether any is an error.
bool report_diagnostics(const std::vector<Diagnostic>& diagnostics);

/// `text` safe to print on a terminal: control characters (C0, DEL, C1) and bytes that are
/// not UTF-8 become "\xHH" / "\u00HH" escapes; with keep_newlines, line feed and tab stay.
std::string printable(std::string_view text, bool keep_newlines = false);

/// The arguments of a training command: "--train FILE..." (every file up to the next
/// option) apart from the rest. Empty when --help was asked for (`help` is printed).
struct TrainingArgs {
    std::vector<std::string> rest;
    std::vector<std::string> train;
};
std::optional<TrainingArgs> training_args(const std::vector<std::string>& argv, const char* help);

/// --no-fuzzy-merge and --aliases FILE (shared by merge and extract); defined in merge.cpp.
MergeOptions merge_options(const Args& args);
/// Writes --merge-log FILE when given and a one-line summary to standard error.
void write_merge_log(const Args& args, const MergeResult& result, std::size_t graphs);
/// Reading options from --published, --input-format and --max-bytes (extract, load).
ReadOptions read_options(const Args& args);
/// Pipeline options from --base, --keep-negated and --no-parser (extract, load).
PipelineOptions pipeline_options(const Args& args);
/// --jobs: worker threads, 0 (the default) for one per core.
std::size_t jobs_option(const Args& args);

/// The syntax model from --model, else syntax::default_model_path; defined in parse.cpp.
/// throws usage_error when there is none.
std::string syntax_model_path(const Args& args);

/// Splits "a,b,c".
std::vector<std::string> split_list(const std::string& s);

} // namespace newskg::cli
