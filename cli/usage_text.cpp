#include "usage_text.h"

#include <algorithm>
#include <vector>

namespace magellan {
namespace {

struct OptionHelp {
    const char *name; // as a command's option list names it
    const char *flags;
    const char *text; // further lines go under the first
};

const std::vector<OptionHelp> optionHelp{
    {"key-layout", "--key-layout L",
     "seed (ast:{file_id}, the default) or magellan (ast:file:{file_id})"},
    {"tables", "--tables LIST",
     "comma-separated tables to migrate: code_chunks, ast_nodes, cfg_blocks,\n"
     "execution_log, file_metrics, symbol_metrics (default: the first three)"},
    {"force", "--force", "replace an existing store at DST, once the new one is complete"},
    {"report", "--report FILE",
     "also write the full report: CSV when FILE ends in .csv, else JSON (every\n"
     "reject, repaired value and listed difference)"},
    {"max-differences", "--max-differences N",
     "when verification fails, list the first N differences (default 1000; all\n"
     "are counted)"},
    {"no-verify", "--no-verify",
     "publish without reading the store back (counts are then not checked)"},
    {"quick-check", "--quick-check",
     "also run SQLite's quick_check on each table and its indexes first (every\n"
     "run refuses a table whose rows come out of storage order; this looks at every\n"
     "page too, and takes longer than the migration itself on a large index)"},
    {"lock-timeout", "--lock-timeout S", "seconds to wait for a writer's lock on SRC (default 5)"},
    {"json", "--json", "print the result as JSON"},
    {"match", "--match GLOB",
     "only the files whose path holds GLOB, in any case: text, or a glob\n"
     "(* any characters, / too; ? one character) matched anywhere in the path"},
    {"file", "--file PATH", "the file to show, its path as the source spells it"},
    {"raw", "--raw", "print the value's exact bytes, not indented JSON"},
    {"help", "-h, --help", "show this help"},
    {"version", "-v, --version", "show the version"},
};

struct CommandHelp {
    const char *name;
    const char *synopsis; // further lines are indented to line up in "Usage: " blocks
    const char *summary;
    std::vector<const char *> options;
    bool showsExitStatus;
};

const std::vector<CommandHelp> commandHelp{
    {"inspect",
     "magellan-kv inspect SRC [--json]",
     "Show the schema version, side tables, row and group counts of SRC.",
     {"json", "lock-timeout", "help"},
     false},
    {"migrate",
     "magellan-kv migrate SRC DST [--key-layout seed|magellan] [--tables LIST] [--force]\n"
     "                               [--report FILE] [--no-verify] [--quick-check]\n"
     "                               [--max-differences N] [--lock-timeout SECONDS]",
     "Write a new store at DST from SRC, read it back and compare it with SRC.\n"
     "DST appears only when complete and verified; SRC is never modified.",
     {"key-layout", "tables", "force", "report", "no-verify", "quick-check", "max-differences",
      "lock-timeout", "json", "help"},
     true},
    {"verify",
     "magellan-kv verify SRC DST [--json] [--key-layout seed|magellan] [--tables LIST]\n"
     "                               [--report FILE] [--quick-check] [--max-differences N]",
     "Compare an existing store DST with SRC: counts per table and a deep checksum;\n"
     "when they differ, list every missing, extra and changed row.",
     {"json", "key-layout", "tables", "report", "quick-check", "max-differences", "lock-timeout",
      "help"},
     true},
    {"browse",
     "magellan-kv browse DST [SRC]",
     "Open the KV browser on the store DST (needs a display): keys by prefix, values\n"
     "by kind, and each beside its SQLite source row (SRC, or the one DST records).",
     {"help"},
     false},
    {"files",
     "magellan-kv files STORE [SRC] [--match GLOB] [--json]",
     "List the files of the store STORE with their chunks, AST nodes and functions.\n"
     "AST and CFG keys are tied to files through SRC's graph_entities (SRC, or the\n"
     "source STORE records when it is there); without it only chunks are counted.",
     {"match", "json", "help"},
     false},
    {"show",
     "magellan-kv show STORE [SRC] --file PATH [--json]",
     "Show one file of STORE: its chunks in source order with their symbols, its AST\n"
     "key (every one when the file was indexed again) and its functions with their\n"
     "CFG block counts (those two need the source). Exit 2 when STORE has nothing\n"
     "of the file.",
     {"file", "json", "help"},
     false},
    {"get",
     "magellan-kv get STORE KEY [--raw]",
     "Print the value of KEY in STORE, indented when it is JSON. Exit 2 when STORE\n"
     "has no such key.",
     {"raw", "help"},
     false},
};

const char *const description =
    R"(Moves the side tables of a magellan SQLite index (code_chunks, ast_nodes, cfg_blocks) into a
RocksDB store, and shows that nothing was lost. With no command, or with only a database file,
it starts the desktop app, which also takes Qt's own options (-style, -platform, -reverse...).
)";

const char *const exitStatus = R"(Exit status:
  0    outcome verified: every table verified, no row rejected
  1    outcome failed (a count or checksum differs), or verified_with_rejects (every
       table verified, some rows were rejected; the store is complete; see the report)
  2    bad input or usage (the message names the file and the problem); nothing written
  3    the run failed for another reason (I/O error, disk full); nothing written, or only
       the report or the output could not be written (the store is complete)
  130  interrupted by Ctrl-C or SIGTERM; nothing written
)";

constexpr int commandColumn = 12;
constexpr int optionColumn = 19;

// One entry of a list: `tag` indented by two, `text` from `column` on (two spaces after a longer
// tag), and the text's further lines indented to `column`.
QString listEntry(const char *tag, const char *text, int column) {
    QString entry = QStringLiteral("  ") + QString::fromUtf8(tag);
    entry += QString(std::max<qsizetype>(2, column - entry.size()), QLatin1Char(' '));
    entry += QString::fromUtf8(text).replace(QLatin1Char('\n'),
                                             QLatin1Char('\n') + QString(column, QLatin1Char(' ')));
    return entry + QLatin1Char('\n');
}

QString optionEntry(const char *name) {
    const auto option = std::find_if(optionHelp.begin(), optionHelp.end(),
                                     [&](const auto &o) { return qstrcmp(o.name, name) == 0; });
    Q_ASSERT(option != optionHelp.end());
    return listEntry(option->flags, option->text, optionColumn);
}

} // namespace

QString usageText() {
    QString text = QStringLiteral("Usage: magellan-kv [FILE.db]\n");
    for (const CommandHelp &command : commandHelp)
        text += QStringLiteral("       %1\n").arg(QString::fromUtf8(command.synopsis));
    text += QLatin1Char('\n') + QString::fromUtf8(description);
    text += QStringLiteral("\nCommands:\n");
    for (const CommandHelp &command : commandHelp)
        text += listEntry(command.name, command.summary, commandColumn);
    text += QStringLiteral("\nOptions:\n");
    for (const OptionHelp &option : optionHelp)
        text += listEntry(option.flags, option.text, optionColumn);
    return text + QLatin1Char('\n') + QString::fromUtf8(exitStatus);
}

QString commandUsageText(const QString &name) {
    const auto command =
        std::find_if(commandHelp.begin(), commandHelp.end(),
                     [&](const CommandHelp &c) { return name == QLatin1String(c.name); });
    if (command == commandHelp.end())
        return {};
    QString text =
        QStringLiteral("Usage: %1\n\n%2\n\nOptions:\n")
            .arg(QString::fromUtf8(command->synopsis), QString::fromUtf8(command->summary));
    for (const char *option : command->options)
        text += optionEntry(option);
    if (command->showsExitStatus)
        text += QLatin1Char('\n') + QString::fromUtf8(exitStatus);
    return text;
}

} // namespace magellan
