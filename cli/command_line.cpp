#include "command_line.h"

#include "command_output.h"

#include "browse_commands.h"
#include "interrupt_watch.h"
#include "migrate/migration.h"
#include "migrate/path_safety.h"
#include "report_text.h"
#include "terminal_progress.h"
#include "usage_text.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>

namespace magellan {
namespace {

const QStringList commands{QStringLiteral("inspect"), QStringLiteral("migrate"),
                           QStringLiteral("verify"),  QStringLiteral("files"),
                           QStringLiteral("show"),    QStringLiteral("get")};

constexpr double longestLockTimeoutSeconds = 86400; // a day: longer is a typo, not a wish

// --lock-timeout in milliseconds; nullopt, with `error` set, when it is not a number of seconds
// from 0 to a day.
std::optional<int> readLockTimeout(const QCommandLineParser &parser, QString &error) {
    const QString text = parser.value(QStringLiteral("lock-timeout"));
    bool ok = false;
    const double seconds = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0 || seconds > longestLockTimeoutSeconds) {
        error = QStringLiteral("--lock-timeout must be a number of seconds from 0 to %1, not '%2'")
                    .arg(longestLockTimeoutSeconds)
                    .arg(text);
        return std::nullopt;
    }
    return static_cast<int>(std::lround(seconds * 1000));
}

struct TableOptions {
    std::vector<SourceTable> tables;
    std::optional<KeyLayout> layout;
};

// Reads --tables and --key-layout; an error message when they are wrong.
QString readTableOptions(const QCommandLineParser &parser, TableOptions &options) {
    if (parser.isSet(QStringLiteral("key-layout"))) {
        options.layout = parseKeyLayout(parser.value(QStringLiteral("key-layout")));
        if (!options.layout)
            return QStringLiteral("--key-layout must be seed or magellan, not '%1'")
                .arg(parser.value(QStringLiteral("key-layout")));
    }
    if (parser.isSet(QStringLiteral("tables"))) {
        for (const QString &name :
             parser.value(QStringLiteral("tables")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const TableDefinition *definition = findTableDefinition(name.trimmed());
            if (!definition)
                return QStringLiteral("--tables: unknown table '%1'").arg(name.trimmed());
            options.tables.push_back(definition->table);
        }
    }
    return {};
}

// --max-differences N: how many differences a failed verification lists.
std::optional<size_t> readMaxDifferences(const QCommandLineParser &parser, QString &error) {
    if (!parser.isSet(QStringLiteral("max-differences")))
        return DifferenceList::defaultLimit;
    bool ok = false;
    const qlonglong value = parser.value(QStringLiteral("max-differences")).toLongLong(&ok);
    if (!ok || value < 0 || value > 100'000'000) {
        error = QStringLiteral("--max-differences: '%1' is not a count from 0 to 100000000")
                    .arg(parser.value(QStringLiteral("max-differences")));
        return std::nullopt;
    }
    return size_t(value);
}

QCommandLineOption maxDifferencesOption() {
    return {QStringLiteral("max-differences"), {}, QStringLiteral("count")};
}

// Writes the report to `path`: CSV when it ends in .csv, else JSON. False, with the reason
// printed, when it could not be written whole.
bool writeReport(const MigrationReport &report, const QString &path) {
    const Status saved =
        saveReport(report, path, path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive));
    if (!saved.isOk())
        printError(saved.message());
    return saved.isOk();
}

int finishRun(const MigrationOutcome &outcome, bool json, const QString &action) {
    const Status &status = outcome.status;
    const bool haveReport = status.isOk() || status.code() == Status::Code::VerificationFailed;
    if (json && haveReport) {
        printJson(outcome.report.toJson());
    } else if (haveReport) {
        std::fputs(comparisonTable(outcome.report).toLocal8Bit().constData(), stdout);
    }
    if (status.code() == Status::Code::Cancelled) {
        std::fprintf(stderr, "magellan-kv: interrupted; %s\n", action.toLocal8Bit().constData());
        return ExitInterrupted;
    }
    if (!status.isOk()) {
        printError(status.message());
        return exitStatusFor(status);
    }
    return outcome.report.rejectedRows() > 0 ? ExitMismatch : ExitVerified;
}

int runInspect(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("inspect"), {});
    parser.addOption(helpOption());
    parser.addPositionalArgument(QStringLiteral("SRC"), {});
    parser.addOption({QStringLiteral("json"), {}});
    parser.addOption(
        {QStringLiteral("lock-timeout"), {}, QStringLiteral("seconds"), QStringLiteral("5")});
    const bool parsed = parser.parse(arguments);
    if (parser.isSet(QStringLiteral("help")))
        return printCommandUsage(QStringLiteral("inspect"));
    if (!parsed)
        return usageError(parser.errorText());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return usageError(QStringLiteral("inspect takes one database: magellan-kv inspect SRC"));
    QString timeoutError;
    const std::optional<int> timeoutMs = readLockTimeout(parser, timeoutError);
    if (!timeoutMs)
        return usageError(timeoutError);
    Result<std::unique_ptr<SourceDatabase>> source =
        SourceDatabase::open(positional[1], *timeoutMs);
    if (!source.isOk()) {
        printError(source.status().message());
        return exitStatusFor(source.status());
    }
    Result<SourceInfo> info = source.value()->inspect(true);
    if (!info.isOk()) {
        printError(info.status().message());
        return exitStatusFor(info.status());
    }
    if (!info->hasAnySideTable()) {
        printError(resolveTables(info.value(), {}).status().message());
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson(sourceInfoJson(info.value()));
    else
        std::fputs(sourceInfoText(info.value()).toLocal8Bit().constData(), stdout);
    return ExitVerified;
}

int runMigrate(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("migrate"), {});
    parser.addOption(helpOption());
    parser.addOption({QStringLiteral("key-layout"), {}, QStringLiteral("layout")});
    parser.addOption({QStringLiteral("tables"), {}, QStringLiteral("list")});
    parser.addOption({QStringLiteral("force"), {}});
    parser.addOption({QStringLiteral("report"), {}, QStringLiteral("file")});
    parser.addOption({QStringLiteral("no-verify"), {}});
    parser.addOption({QStringLiteral("quick-check"), {}});
    parser.addOption({QStringLiteral("json"), {}});
    parser.addOption(maxDifferencesOption());
    parser.addOption(
        {QStringLiteral("lock-timeout"), {}, QStringLiteral("seconds"), QStringLiteral("5")});
    const bool parsed = parser.parse(arguments);
    if (parser.isSet(QStringLiteral("help")))
        return printCommandUsage(QStringLiteral("migrate"));
    if (!parsed)
        return usageError(parser.errorText());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3)
        return usageError(QStringLiteral("migrate takes a source and a destination: magellan-kv "
                                         "migrate SRC DST"));
    TableOptions tableOptions;
    if (const QString error = readTableOptions(parser, tableOptions); !error.isEmpty())
        return usageError(error);
    QString timeoutError;
    const std::optional<int> timeoutMs = readLockTimeout(parser, timeoutError);
    if (!timeoutMs)
        return usageError(timeoutError);
    const std::optional<size_t> maxDifferences = readMaxDifferences(parser, timeoutError);
    if (!maxDifferences)
        return usageError(timeoutError);
    const QString reportPath = parser.value(QStringLiteral("report"));
    if (parser.isSet(QStringLiteral("report"))) {
        // Before anything is read or written: a report path that would harm the source or the
        // store, or that cannot be written, ends the run here.
        if (Status status = checkReportPath(reportPath, positional[1], positional[2]);
            !status.isOk()) {
            printError(status.message());
            return exitStatusFor(status);
        }
    }
    MigrationOptions options;
    options.layout = tableOptions.layout.value_or(KeyLayout::Seed);
    options.tables = tableOptions.tables;
    options.replaceExisting = parser.isSet(QStringLiteral("force"));
    options.verify = !parser.isSet(QStringLiteral("no-verify"));
    options.quickCheck = parser.isSet(QStringLiteral("quick-check"));
    options.lockTimeoutMs = *timeoutMs;
    options.differences.listed = *maxDifferences;

    const InterruptWatch interrupts;
    TerminalProgress progress(stderr, [&] { return interrupts.requested(); });
    const MigrationOutcome outcome =
        migrateDatabase(positional[1], positional[2], options, &progress);
    progress.endLine();
    const bool haveReport =
        outcome.status.isOk() || outcome.status.code() == Status::Code::VerificationFailed;
    bool reportWritten = true;
    if (parser.isSet(QStringLiteral("report")) && haveReport)
        reportWritten = writeReport(outcome.report, reportPath);
    const int exitStatus =
        finishRun(outcome, parser.isSet(QStringLiteral("json")),
                  QStringLiteral("nothing was written to %1").arg(positional[2]));
    return reportWritten ? exitStatus : int(ExitFailed);
}

int runVerify(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("verify"), {});
    parser.addOption(helpOption());
    parser.addOption({QStringLiteral("key-layout"), {}, QStringLiteral("layout")});
    parser.addOption({QStringLiteral("tables"), {}, QStringLiteral("list")});
    parser.addOption({QStringLiteral("json"), {}});
    parser.addOption({QStringLiteral("quick-check"), {}});
    parser.addOption({QStringLiteral("report"), {}, QStringLiteral("file")});
    parser.addOption(maxDifferencesOption());
    parser.addOption(
        {QStringLiteral("lock-timeout"), {}, QStringLiteral("seconds"), QStringLiteral("5")});
    const bool parsed = parser.parse(arguments);
    if (parser.isSet(QStringLiteral("help")))
        return printCommandUsage(QStringLiteral("verify"));
    if (!parsed)
        return usageError(parser.errorText());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3)
        return usageError(QStringLiteral("verify takes a source and a store: magellan-kv verify "
                                         "SRC DST"));
    TableOptions tableOptions;
    if (const QString error = readTableOptions(parser, tableOptions); !error.isEmpty())
        return usageError(error);
    QString timeoutError;
    const std::optional<int> timeoutMs = readLockTimeout(parser, timeoutError);
    if (!timeoutMs)
        return usageError(timeoutError);
    const std::optional<size_t> maxDifferences = readMaxDifferences(parser, timeoutError);
    if (!maxDifferences)
        return usageError(timeoutError);
    const QString reportPath = parser.value(QStringLiteral("report"));
    if (parser.isSet(QStringLiteral("report")))
        if (Status status = checkReportPath(reportPath, positional[1], positional[2]);
            !status.isOk()) {
            printError(status.message());
            return exitStatusFor(status);
        }
    VerifyOptions options;
    options.layout = tableOptions.layout;
    options.tables = tableOptions.tables;
    options.quickCheck = parser.isSet(QStringLiteral("quick-check"));
    options.lockTimeoutMs = *timeoutMs;
    options.differences.listed = *maxDifferences;
    const InterruptWatch interrupts;
    TerminalProgress progress(stderr, [&] { return interrupts.requested(); });
    const MigrationOutcome outcome = verifyStore(positional[1], positional[2], options, &progress);
    progress.endLine();
    const bool haveReport =
        outcome.status.isOk() || outcome.status.code() == Status::Code::VerificationFailed;
    const bool reportWritten = !parser.isSet(QStringLiteral("report")) || !haveReport ||
                               writeReport(outcome.report, reportPath);
    const int exitStatus = finishRun(outcome, parser.isSet(QStringLiteral("json")),
                                     QStringLiteral("nothing verified"));
    return reportWritten ? exitStatus : int(ExitFailed);
}

// `status`, or ExitFailed with a message when what was printed on stdout did not all arrive
// (a full disk, a closed pipe): a result the user never saw is not a success.
int checkOutputWritten(int status) {
    errno = 0;
    const bool flushed = std::fflush(stdout) == 0;
    if (flushed && !std::ferror(stdout))
        return status;
    const int error = errno;
    if (error != 0)
        std::fprintf(stderr, "magellan-kv: error: cannot write the output: %s\n",
                     std::strerror(error));
    else
        std::fprintf(stderr, "magellan-kv: error: cannot write the output\n");
    return status == ExitVerified || status == ExitMismatch ? int(ExitFailed) : status;
}

} // namespace

std::optional<QByteArray> unrepresentableArgument(int argc, char **argv) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray bytes(argv[i]);
        if (QFile::encodeName(QFile::decodeName(bytes)) != bytes)
            return bytes;
    }
    return std::nullopt;
}

int refuseUnrepresentableArgument(const QByteArray &argument) {
    QByteArray shown;
    for (const char c : argument) {
        const auto byte = static_cast<unsigned char>(c);
        shown += byte < 0x20 || byte >= 0x7f
                     ? QByteArray("\\x") + QByteArray::number(byte, 16).rightJustified(2, '0')
                     : QByteArray(1, c);
    }
    std::fprintf(stderr,
                 "magellan-kv: error: %s: is not valid UTF-8; magellan-kv cannot use this name "
                 "without changing it (rename the file)\n",
                 shown.constData());
    return ExitBadInput;
}

bool isCommandLineInvocation(const QStringList &arguments) {
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments[1];
    if (commands.contains(first) || first.startsWith(QLatin1Char('-')) || arguments.size() > 2)
        return true;
    // One argument: a database for the window, unless it is a word that names no file.
    const bool looksLikePath = first.contains(QLatin1Char('/')) || first.contains(QLatin1Char('.'));
    return !looksLikePath && !QFileInfo::exists(first);
}

static int runCommand(const QStringList &arguments) {
    const QString command = arguments.value(1);
    if (command == QLatin1String("-h") || command == QLatin1String("--help")) {
        std::fputs(usageText().toLocal8Bit().constData(), stdout);
        return ExitVerified;
    }
    if (command == QLatin1String("-v") || command == QLatin1String("--version")) {
        std::printf("magellan-kv %s (KV format %d)\n", toolVersion().toLocal8Bit().constData(),
                    kvFormatVersion);
        return ExitVerified;
    }
    if (command == QLatin1String("inspect"))
        return runInspect(arguments);
    if (command == QLatin1String("migrate"))
        return runMigrate(arguments);
    if (command == QLatin1String("verify"))
        return runVerify(arguments);
    if (command == QLatin1String("files"))
        return runFiles(arguments);
    if (command == QLatin1String("show"))
        return runShow(arguments);
    if (command == QLatin1String("get"))
        return runGet(arguments);
    return usageError(QStringLiteral("unknown command or option '%1'").arg(command));
}

int runCommandLine(const QStringList &arguments) {
    // A closed pipe makes a write fail (and the run end with a message) instead of killing it.
    std::signal(SIGPIPE, SIG_IGN);
    return checkOutputWritten(runCommand(arguments));
}

} // namespace magellan
