#include <iostream>

#include "cli.hpp"
#include "newskg/core/error.hpp"
#include "newskg/read/json_view.hpp"
#include "newskg/read/reader.hpp"
#include "newskg/text/analyse.hpp"

namespace newskg::cli {

namespace {

int run_read(const Args& args) {
    if (args.positionals().empty()) throw usage_error("no input files (use - for standard input)");
    const std::string format = *args.value("--format");
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

} // namespace

Command read_command() {
    CommandSpec spec{
        "read",
        "show what the reader keeps of an article (text or JSON)",
        "newskg read [OPTIONS] FILE...",
        R"(Shows what the reader keeps of each article: its body without page furniture
(menus, captions, credits, bylines), or, with --format json, its title, publication
date, outlet, agencies, authors, headings, paragraphs, sentences with byte offsets and
the dates found.
)",
        {{"Options",
          "",
          {{"--format", OptionKind::Choice, "", "text: the body, one paragraph per line, no headline; json: "
                                                "everything the reader found", "text", {"text", "json"}},
           shared_option("--published"), shared_option("--input-format"), shared_option("--max-bytes"),
           shared_option("--id")}}},
        "",
        {}};
    return {spec, run_read};
}

} // namespace newskg::cli
