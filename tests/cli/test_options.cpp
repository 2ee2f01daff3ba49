// The command table's option layer (src/cli/options.hpp): parsing and checking against a
// declaration, and the help text laid out from it.
#include <catch2/catch.hpp>

#include <sstream>

#include "cli/options.hpp"
#include "newskg/core/error.hpp"

using namespace newskg::cli;

namespace {

CommandSpec sample_command() {
    using K = OptionKind;
    return CommandSpec{
        "sample",
        "a command for tests",
        "newskg sample [OPTIONS] FILE...\nnewskg sample --list A B",
        "What it does.\n\n",
        {{"Options",
          "",
          {{"--top", K::Number, "N", "how many to show", "10", {}},
           {"--epochs", K::Number, "N", "passes", "", {}, 1, 100},
           {"--timeout", K::Decimal, "S", "seconds", "300", {}, 0.1},
           {"--format", K::Choice, "", "how to write it", "table", {"table", "json"}},
           {"--output", K::Text, "PATH", "where to write", "", {}},
           {"--quiet", K::Flag, "", "say less", "", {}},
           {"--train", K::List, "FILE", "every file up to the next option", "", {}},
           {"--a-rather-long-option-name", K::Text, "VALUE",
            "a help text long enough that it has to be wrapped over more than one line of the help, at the width "
            "every other line keeps to\n  one  a line of a small table\n  two  another",
            "", {}}}}},
        "Exit status: 0.\n",
        {{"--password", "there is no --password option"}}};
}

std::string usage_message(const std::vector<std::string>& argv) {
    try {
        Args args(sample_command(), argv);
    } catch (const newskg::usage_error& e) {
        CHECK(e.id() == "newskg.usage");
        return e.what();
    }
    return "(accepted)";
}

} // namespace

TEST_CASE("options: values, defaults, flags, lists and positionals", "[cli][options]") {
    const Args args(sample_command(), {"a.txt", "--top", "3", "--format=json", "--quiet", "--train", "x", "y",
                                       "--output", "-", "-", "--", "--not-an-option"});
    CHECK(args.number("--top") == 3u);
    CHECK(args.value("--format") == "json");
    CHECK(args.flag("--quiet"));
    CHECK(args.values("--train") == std::vector<std::string>{"x", "y"});
    CHECK(args.value("--output") == "-");
    CHECK(args.positionals() == std::vector<std::string>{"a.txt", "-", "--not-an-option"});

    const Args defaults(sample_command(), {});
    CHECK(defaults.number("--top") == 10u);
    CHECK(defaults.decimal("--timeout") == 300.0);
    CHECK(defaults.value("--format") == "table");
    CHECK_FALSE(defaults.given("--format"));
    CHECK_FALSE(defaults.value("--output"));
    CHECK_FALSE(defaults.number("--epochs"));
    CHECK_FALSE(defaults.flag("--quiet"));
    // A name the command does not declare reads as absent.
    CHECK_FALSE(defaults.value("--max-bytes"));
    CHECK_FALSE(defaults.number("--jobs"));
    // The last value wins.
    CHECK(Args(sample_command(), {"--top", "1", "--top", "2"}).number("--top") == 2u);
}

TEST_CASE("options: every malformed use is a usage error naming the option", "[cli][options]") {
    CHECK(usage_message({"--top", "abc"}) == "[newskg.usage] --top expects a number, got 'abc'");
    CHECK(usage_message({"--top", "12abc"}) == "[newskg.usage] --top expects a number, got '12abc'");
    CHECK(usage_message({"--top=-1"}) == "[newskg.usage] --top expects a number, got '-1'");
    CHECK(usage_message({"--top", ""}) == "[newskg.usage] --top expects a number, got ''");
    CHECK(usage_message({"--top", "99999999999999999999999"}) ==
          "[newskg.usage] --top expects a number, got '99999999999999999999999'");
    CHECK(usage_message({"--epochs", "0"}) == "[newskg.usage] --epochs expects a number from 1 to 100, got '0'");
    CHECK(usage_message({"--epochs", "101"}) == "[newskg.usage] --epochs expects a number from 1 to 100, got '101'");
    CHECK(usage_message({"--epochs", "100"}) == "(accepted)");
    CHECK(usage_message({"--timeout", "0"}) == "[newskg.usage] --timeout expects a number of at least 0.1, got '0'");
    CHECK(usage_message({"--timeout", "1e400"}) ==
          "[newskg.usage] --timeout expects a number of at least 0.1, got '1e400'");
    CHECK(usage_message({"--timeout", "2.5s"}) ==
          "[newskg.usage] --timeout expects a number of at least 0.1, got '2.5s'");
    CHECK(usage_message({"--timeout", "2.5"}) == "(accepted)");
    CHECK(usage_message({"--format", "xml"}) == "[newskg.usage] --format expects table or json, got 'xml'");
    CHECK(usage_message({"--bogus"}) == "[newskg.usage] unknown option '--bogus'");
    CHECK(usage_message({"--bogus=1"}) == "[newskg.usage] unknown option '--bogus'");
    CHECK(usage_message({"--output"}) == "[newskg.usage] option --output needs a value");
    CHECK(usage_message({"--train"}) == "[newskg.usage] option --train needs a value");
    CHECK(usage_message({"--quiet=yes"}) == "[newskg.usage] option --quiet takes no value");
    // A refused option says why, and its value is never echoed.
    CHECK(usage_message({"--password", "Sekrit"}) == "[newskg.usage] there is no --password option");
    CHECK(usage_message({"--password=Sekrit"}) == "[newskg.usage] there is no --password option");
}

TEST_CASE("options: --help anywhere asks for help", "[cli][options]") {
    CHECK(asks_for_help({"a.txt", "--help"}));
    CHECK(asks_for_help({"-h"}));
    CHECK_FALSE(asks_for_help({"a.txt", "--helpful"}));
}

TEST_CASE("options: the help text is laid out from the declaration", "[cli][options]") {
    const std::string help = help_text(sample_command());
    INFO(help);
    CHECK(help.rfind("Usage: newskg sample [OPTIONS] FILE...\n       newskg sample --list A B\n\nWhat it does.\n\n"
                     "Options:\n",
                     0) == 0);
    // Names from column 2, help from column 24, the default and the choices from the declaration.
    CHECK(help.find("\n  --top N               how many to show (default: 10)\n") != std::string::npos);
    CHECK(help.find("\n  --format table|json   how to write it (default: table)\n") != std::string::npos);
    CHECK(help.find("\n  --quiet               say less\n") != std::string::npos);
    CHECK(help.find("\n  --train FILE...       every file up to the next option\n") != std::string::npos);
    // A name too long for the column puts its help on the next line; long help is
    // wrapped, and the lines of a small table keep their indentation.
    CHECK(help.find("\n  --a-rather-long-option-name VALUE\n                        a help text long enough") !=
          std::string::npos);
    CHECK(help.find("\n                          one  a line of a small table\n"
                    "                          two  another\n") != std::string::npos);
    const std::string end = "          two  another\n\nExit status: 0.\n";
    CHECK(help.size() > end.size());
    CHECK(help.compare(help.size() - end.size(), end.size(), end) == 0);
    std::istringstream lines(help);
    for (std::string line; std::getline(lines, line);) {
        INFO(line);
        CHECK(line.size() <= 88);
    }
}
