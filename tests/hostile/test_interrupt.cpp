// Interrupted runs (issue 9, item 2): SIGINT or SIGTERM in the middle of a batch leaves
// the outputs already written intact, no temporary file behind, and an existing output
// either as it was or wholly replaced; the exit status is 128 + the signal.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include "hostile_support.hpp"

using namespace newskg::test;

namespace {

/// Starts the CLI with `args` in the background (output to /dev/null); returns its pid.
pid_t spawn_newskg(const std::vector<std::string>& args) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, 0);
        ::dup2(null, 1);
        ::dup2(null, 2);
        std::vector<char*> argv{const_cast<char*>(NEWSKG_CLI_PATH)};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(NEWSKG_CLI_PATH, argv.data());
        ::_exit(127);
    }
    return pid;
}

int wait_status(pid_t pid) {
    int st = 0;
    ::waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -WTERMSIG(st);
}

std::size_t count_ext(const std::filesystem::path& dir, const std::string& ext) {
    std::size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) n += e.path().extension() == ext;
    return n;
}

/// No hidden temporary file (".NAME.XXXXXX") left in `dir`.
void check_no_temp_files(const std::filesystem::path& dir) {
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        INFO(e.path());
        CHECK(e.path().filename().string()[0] != '.');
    }
}

/// 200 copies of an example article, so a run with the parser takes a while.
std::vector<std::string> many_articles(const TempDir& d) {
    const std::string text = read_file(source_path("examples/sahel-minusma-withdrawal.txt"));
    std::filesystem::create_directories(d / "in");
    std::vector<std::string> paths;
    for (int i = 0; i < 200; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "in/copy-%03d.txt", i);
        write_file(d / name, text);
        paths.push_back(d / name);
    }
    return paths;
}

} // namespace

TEST_CASE("hostile: SIGINT during an --out-dir batch keeps what was written, whole", "[hostile][signal]") {
    TempDir d;
    auto inputs = many_articles(d);
    std::filesystem::create_directories(d / "out");
    write_file(d / "out/earlier.json", "{\"kept\": true}\n");
    std::vector<std::string> args{"extract", "--jobs", "1", "--format", "json,ttl", "--out-dir", d / "out"};
    args.insert(args.end(), inputs.begin(), inputs.end());
    const pid_t pid = spawn_newskg(args);
    // Wait for the first outputs (bounded: the run is over long before 2,400 polls).
    for (int i = 0; i < 2400 && count_ext(d / "out", ".ttl") < 2; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(count_ext(d / "out", ".ttl") >= 2);
    ::kill(pid, SIGINT);
    CHECK(wait_status(pid) == 130);
    check_no_temp_files(d / "out");
    CHECK(read_file(d / "out/earlier.json") == "{\"kept\": true}\n");
    std::size_t whole = 0;
    for (const auto& e : std::filesystem::directory_iterator(d / "out")) {
        INFO(e.path());
        if (e.path().extension() == ".json") {
            CHECK_NOTHROW(nlohmann::json::parse(read_file(e.path().string())));
            ++whole;
        } else if (e.path().extension() == ".ttl") {
            auto r = run("rapper -q -i turtle -c " + q(e.path().string()));
            CHECK(r.status == 0);
        }
    }
    CHECK(whole >= 2);
    CHECK(whole < 201); // interrupted, not finished
}

TEST_CASE("hostile: SIGTERM during --output leaves the old file or the new one, never part", "[hostile][signal]") {
    TempDir d;
    auto inputs = many_articles(d);
    inputs.resize(40);
    const std::string old_content = "{\"articles\": [], \"entities\": [], \"relations\": []}\n";
    // Interrupted at several moments: early (old file stays) and late (new file whole).
    for (int delay_ms : {200, 1500, 4000}) {
        INFO("signal after " << delay_ms << " ms");
        write_file(d / "graph.json", old_content);
        std::vector<std::string> args{"extract", "--no-parser", "--format", "json", "--output", d / "graph.json"};
        args.insert(args.end(), inputs.begin(), inputs.end());
        const pid_t pid = spawn_newskg(args);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        ::kill(pid, SIGTERM);
        const int status = wait_status(pid);
        CHECK((status == 143 || status == 0)); // 0: it had finished
        const std::string now = read_file(d / "graph.json");
        if (now != old_content) {
            const auto j = nlohmann::json::parse(now);
            CHECK(j["articles"].size() == 40);
        }
        check_no_temp_files(d.path());
    }
}
