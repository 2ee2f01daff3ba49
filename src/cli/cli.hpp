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
#include "options.hpp"

namespace newskg::cli {

// The commands of the table, in the order `newskg --help` lists them.
Command extract_command();
Command merge_command();
Command render_command();
Command read_command();
Command eval_command();
Command stats_command();
Command path_command();
Command load_command();
Command unload_command();
Command query_command();
Command push_command();
Command parse_command();
Command train_syntax_command();
Command ner_command();
Command train_ner_command();

/// The declaration of an option several commands share, made once here: --ontology,
/// --base, --published, --input-format, --max-bytes, --jobs, --no-parser,
/// --keep-negated, --actors, --id, --store, the pictures' --top and --clusters, and
/// the model commands' --doc-prefix, --attribution and --quiet.
/// throws std::logic_error for any other name.
OptionSpec shared_option(const std::string& name);
/// The shared options of commands that read and extract articles (extract, load, push):
/// --published, --input-format, --max-bytes, --id, --base, --jobs, --no-parser,
/// --keep-negated, --ontology, --actors.
std::vector<OptionSpec> article_option_specs();

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

/// What a training command (train-syntax, train-ner) reads and writes: --train FILE...,
/// --dev FILE and --output MODEL. throws usage_error when there are no --train files, no
/// --output, or arguments that belong to no option.
struct TrainingFiles {
    std::vector<std::string> train;
    std::string dev; ///< empty: none
    std::string output;
};
TrainingFiles training_files(const Args& args);

/// --no-fuzzy-merge and --aliases FILE (shared by merge and extract); defined in merge.cpp.
MergeOptions merge_options(const Args& args);
/// Writes --merge-log FILE when given and a one-line summary to standard error.
void write_merge_log(const Args& args, const MergeResult& result, std::size_t graphs);
/// Reading options from --published, --input-format and --max-bytes (extract, load).
ReadOptions read_options(const Args& args);
/// Pipeline options from --base, --keep-negated and --no-parser (extract, load).
PipelineOptions pipeline_options(const Args& args);

/// The syntax model from --model, else syntax::default_model_path; defined in parse.cpp.
/// throws usage_error when there is none.
std::string syntax_model_path(const Args& args);

/// Splits "a,b,c".
std::vector<std::string> split_list(const std::string& s);

} // namespace newskg::cli
