#include <iostream>

#include "cli.hpp"
#include "newskg/core/error.hpp"
#include "newskg/read/json_view.hpp"
#include "newskg/read/reader.hpp"
#include "newskg/text/analyse.hpp"

namespace newskg::cli {

namespace {
const char* kReadHelp = R"(Usage: newskg read [OPTIONS] FILE...

Shows what the reader keeps of each article: its body without page furniture (menus,
captions, credits, bylines), or, with --format json, its title, publication date, outlet,
agencies, authors, headings, paragraphs, sentences with byte offsets and the dates found.

Options:
  --format text|json   text (default): the body, one paragraph per line, no headline
  --published DATE     publication date (YYYY-MM-DD), overriding the article's
  --input-format F     auto (default), text, html or jsonl
  --max-bytes N        largest article accepted
  --id ID              the article's id, for standard input or one input file
)";
} // namespace

int run_read(const std::vector<std::string>& argv) {
    for (const auto& a : argv)
        if (a == "--help" || a == "-h") {
            std::cout << kReadHelp;
            return 0;
        }
    Args args(argv, {"--format", "--published", "--input-format", "--max-bytes", "--id"}, {});
    if (args.positionals().empty()) throw usage_error("no input files (use - for standard input)");
    const std::string format = args.value("--format").value_or("text");
    if (format != "text" && format != "json") throw usage_error("--format is text or json");
    const ReadOptions ro = read_options(args);
    std::vector<Diagnostic> diags;
    read_articles(args.positionals(), ro, [&](Document&& doc) {
        if (format == "text") {
            std::cout << body_text(doc);
        } else {
            analyse_text(doc);
            std::cout << to_json_view(doc).dump(1) << "\n";
        }
    }, diags);
    return report_diagnostics(diags) ? 1 : 0;
}

} // namespace newskg::cli
