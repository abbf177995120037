// magellan-kv-fixture: writes a deterministic magellan-shaped SQLite database for tests.
#include "fixture_generator.h"

#include <charconv>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace {

using magellan::fixture::FixtureSpec;
using magellan::fixture::FixtureSummary;

constexpr int kUsageExit = 2;

const char *const kUsage =
    R"(usage: magellan-kv-fixture OUT.db [--rows N] [--schema-version V] [--seed S]
                           [--optional-tables] [--wal] [--largest-file-nodes N]

Creates a new magellan-shaped SQLite database at OUT.db (never overwrites a file).

  --rows N            side-table rows in all (ast_nodes, cfg_blocks, code_chunks); default 10000
  --schema-version V  magellan schema version, 5..21; default 21
  --seed S            generator seed; same options and seed => byte-identical file; default 1
  --optional-tables   also fill execution_log, file_metrics and symbol_metrics
  --wal               leave the database in WAL journal mode
  --largest-file-nodes N  no file gets more AST nodes than N (default: the largest files
                      each hold 3-5% of all nodes, so they grow with --rows)
  --help              show this help

Prints one summary line; exits 2 on bad usage or failure.
)";

template <typename Number> std::optional<Number> parseNumber(std::string_view text) {
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}

struct CommandLine {
    std::string outputPath;
    FixtureSpec spec;
    bool showHelp = false;
};

class ArgumentParser {
public:
    ArgumentParser(int argc, char **argv) : m_argc(argc), m_argv(argv) {}

    // The parsed command line, or nullopt after printing what is wrong.
    std::optional<CommandLine> parse() {
        CommandLine result;
        for (m_index = 1; m_index < m_argc; ++m_index) {
            const std::string_view argument = m_argv[m_index];
            if (!parseArgument(argument, result)) {
                return std::nullopt;
            }
        }
        if (!result.showHelp && result.outputPath.empty()) {
            complain("missing OUT.db");
            return std::nullopt;
        }
        return result;
    }

private:
    bool parseArgument(std::string_view argument, CommandLine &result) {
        if (argument == "--help" || argument == "-h") {
            result.showHelp = true;
        } else if (argument == "--optional-tables") {
            result.spec.optionalTables = true;
        } else if (argument == "--wal") {
            result.spec.walMode = true;
        } else if (argument == "--rows") {
            return readValue(argument, result.spec.totalRows);
        } else if (argument == "--schema-version") {
            return readValue(argument, result.spec.schemaVersion);
        } else if (argument == "--seed") {
            return readValue(argument, result.spec.seed);
        } else if (argument == "--largest-file-nodes") {
            return readValue(argument, result.spec.largestFileNodes);
        } else if (argument.starts_with("-") && argument.size() > 1) {
            return complain("unknown option " + std::string(argument));
        } else if (result.outputPath.empty()) {
            result.outputPath = argument;
        } else {
            return complain("more than one output path");
        }
        return true;
    }

    template <typename Number> bool readValue(std::string_view option, Number &target) {
        if (m_index + 1 >= m_argc) {
            return complain(std::string(option) + " needs a value");
        }
        const std::string_view text = m_argv[++m_index];
        const std::optional<Number> value = parseNumber<Number>(text);
        if (!value) {
            return complain("bad value for " + std::string(option) + ": " + std::string(text));
        }
        target = *value;
        return true;
    }

    // Prints what is wrong and the usage; returns false so callers can `return complain(...)`.
    static bool complain(const std::string &message) {
        std::fprintf(stderr, "magellan-kv-fixture: %s\n%s", message.c_str(), kUsage);
        return false;
    }

    int m_argc;
    char **m_argv;
    int m_index = 1;
};

void printSummary(const std::string &path, const FixtureSummary &summary) {
    std::printf("%s: chunks=%lld ast_nodes=%lld cfg_blocks=%lld ast_files=%lld cfg_functions=%lld "
                "null_file_ast_nodes=%lld\n",
                path.c_str(), summary.chunks, summary.astNodes, summary.cfgBlocks, summary.astFiles,
                summary.cfgFunctions, summary.nullFileAstNodes);
}

} // namespace

int main(int argc, char **argv) {
    const std::optional<CommandLine> commandLine = ArgumentParser(argc, argv).parse();
    if (!commandLine) {
        return kUsageExit;
    }
    if (commandLine->showHelp) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    FixtureSummary summary;
    const std::string error =
        magellan::fixture::generateFixture(commandLine->outputPath, commandLine->spec, &summary);
    if (!error.empty()) {
        std::fprintf(stderr, "magellan-kv-fixture: %s\n", error.c_str());
        return kUsageExit;
    }
    printSummary(commandLine->outputPath, summary);
    return 0;
}
