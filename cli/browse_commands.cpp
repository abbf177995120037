#include "browse_commands.h"

#include "browse/file_index.h"
#include "browse/source_comparison.h"
#include "command_line.h"
#include "command_output.h"
#include "format/stored_json.h"
#include "migrate/migration_record.h"
#include "source/source_database.h"
#include "store/kv_store.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>

namespace magellan {
namespace {

constexpr int sourceLockTimeoutMs = 5000;

// A store opened read-only, with its source when one is given or recorded and still there.
struct OpenedStore {
    std::unique_ptr<KvStore> store;
    KeyLayout layout = KeyLayout::Seed;
    std::unique_ptr<SourceDatabase> source; // null: none given, none recorded, or gone
    QString sourceNote;                     // why a recorded source is not used
};

Result<OpenedStore> openStore(const QString &storePath, const QString &givenSource) {
    if (!isKvStoreFolder(storePath))
        return Status::invalidInput(
            QStringLiteral("%1: is not a store (no RocksDB folder there)").arg(storePath));
    Result<std::unique_ptr<KvStore>> store = KvStore::open(storePath, KvStore::Mode::ReadOnly);
    if (!store.isOk())
        return store.status();
    OpenedStore opened;
    opened.store = std::move(store.value());
    opened.layout = detectKeyLayout(*opened.store);
    QString sourcePath = givenSource;
    if (sourcePath.isEmpty()) {
        const Result<std::optional<RecordedMigration>> recorded =
            readMigrationRecord(*opened.store);
        if (recorded.isOk() && recorded.value() && !recorded.value()->sourcePath.isEmpty()) {
            if (QFileInfo::exists(recorded.value()->sourcePath))
                sourcePath = recorded.value()->sourcePath;
            else
                opened.sourceNote = QStringLiteral("the source the store records, %1, is not there")
                                        .arg(recorded.value()->sourcePath);
        }
    }
    if (!sourcePath.isEmpty()) {
        Result<std::unique_ptr<SourceDatabase>> source =
            SourceDatabase::open(sourcePath, sourceLockTimeoutMs);
        if (!source.isOk())
            return source.status();
        opened.source = std::move(source.value());
    }
    return opened;
}

// Parses `arguments` for `command`; false, with the exit status in `exit`, after printing its
// usage (asked for) or a usage error.
bool parseArguments(QCommandLineParser &parser, const QStringList &arguments,
                    const QString &command, int &exit) {
    parser.addPositionalArgument(command, {});
    parser.addOption(helpOption());
    const bool parsed = parser.parse(arguments);
    if (parser.isSet(QStringLiteral("help"))) {
        exit = printCommandUsage(command);
        return false;
    }
    if (!parsed) {
        exit = usageError(parser.errorText());
        return false;
    }
    return true;
}

std::string utf8(const QString &text) {
    return text.toStdString();
}

nlohmann::ordered_json optionalNumber(const std::optional<std::int64_t> &number) {
    return number ? nlohmann::ordered_json(*number) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json optionalText(const std::optional<std::string> &text) {
    return text ? nlohmann::ordered_json(*text) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json sourceJson(const OpenedStore &opened) {
    return opened.source ? nlohmann::ordered_json(utf8(opened.source->path()))
                         : nlohmann::ordered_json(nullptr);
}

// The notes a reader should see: why the source is not used, and what that leaves out.
QStringList notesOf(const OpenedStore &opened, const QString &indexNote) {
    QStringList notes;
    if (!opened.sourceNote.isEmpty())
        notes << opened.sourceNote;
    if (!indexNote.isEmpty())
        notes << indexNote;
    return notes;
}

nlohmann::ordered_json notesJson(const QStringList &notes) {
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const QString &note : notes)
        json.push_back(utf8(note));
    return json;
}

void printLine(const QString &line) {
    std::fputs((line + QLatin1Char('\n')).toUtf8().constData(), stdout);
}

QString countText(const std::optional<std::int64_t> &count) {
    return count ? QString::number(*count) : QStringLiteral("-");
}

// "1 block", "3 blocks"; "? blocks" when unknown.
QString counted(const std::optional<std::int64_t> &count, const char *one, const char *many) {
    return QStringLiteral("%1 %2").arg(countText(count),
                                       QLatin1String(count && *count == 1 ? one : many));
}

QString pathText(const std::string &path) {
    return QString::fromStdString(path);
}

void printFilesText(const FileListing &listing, const QStringList &notes) {
    int width = 4;
    for (const FileSummary &file : listing.files)
        width = std::max<int>(width, int(pathText(file.path).size()));
    width = std::min(width, 80);
    printLine(QStringLiteral("%1  %2  %3  %4")
                  .arg(QStringLiteral("path"), -width)
                  .arg(QStringLiteral("chunks"), 8)
                  .arg(QStringLiteral("ast nodes"), 10)
                  .arg(QStringLiteral("functions"), 10));
    for (const FileSummary &file : listing.files)
        printLine(QStringLiteral("%1  %2  %3  %4")
                      .arg(pathText(file.path), -width)
                      .arg(file.chunks, 8)
                      .arg(countText(file.astNodes), 10)
                      .arg(countText(file.functions), 10));
    printLine(listing.files.size() == 1 ? QStringLiteral("1 file")
                                        : QStringLiteral("%1 files").arg(listing.files.size()));
    for (const QString &note : notes)
        printLine(QStringLiteral("note: %1").arg(note));
}

// The AST a reader means by "the file's AST": the newest File entity's that is stored.
const FileAst *currentAst(const FileDetail &detail) {
    const FileAst *current = nullptr;
    for (const FileAst &ast : detail.asts)
        if (!current || ast.inStore || !current->inStore)
            current = &ast; // ids ascend: a later stored one wins
    return current;
}

nlohmann::ordered_json astJson(const FileAst &ast) {
    return {{"key", ast.key},
            {"file_id", ast.fileId},
            {"nodes", optionalNumber(ast.nodes)},
            {"in_store", ast.inStore}};
}

QString reindexedNote(const FileDetail &detail) {
    QStringList keys;
    for (const FileAst &ast : detail.asts)
        keys << QString::fromStdString(ast.key);
    return QStringLiteral("%1 File entities have this path (the file was indexed again): %2; "
                          "\"ast\" is the newest stored one")
        .arg(detail.asts.size())
        .arg(keys.join(QStringLiteral(", ")));
}

nlohmann::ordered_json showJson(const OpenedStore &opened, const FileDetail &detail,
                                const QStringList &notes) {
    nlohmann::ordered_json json;
    json["file"] = detail.path;
    json["store"] = utf8(opened.store->path());
    json["source"] = sourceJson(opened);
    const FileAst *current = currentAst(detail);
    json["ast"] = current ? astJson(*current) : nlohmann::ordered_json(nullptr);
    json["ast_entries"] = nlohmann::ordered_json::array();
    for (const FileAst &ast : detail.asts)
        json["ast_entries"].push_back(astJson(ast));
    json["reindexed"] = detail.reindexed();
    json["chunks"] = nlohmann::ordered_json::array();
    for (const FileChunk &chunk : detail.chunks)
        json["chunks"].push_back({{"key", chunk.key},
                                  {"byte_start", chunk.byteStart},
                                  {"byte_end", chunk.byteEnd},
                                  {"symbol_name", optionalText(chunk.symbolName)},
                                  {"symbol_kind", optionalText(chunk.symbolKind)}});
    json["functions"] = nlohmann::ordered_json::array();
    for (const FileFunction &function : detail.functions)
        json["functions"].push_back({{"function_id", function.functionId},
                                     {"name", function.name},
                                     {"key", function.key},
                                     {"blocks", optionalNumber(function.blocks)}});
    json["notes"] = notesJson(notes);
    return json;
}

void printShowText(const FileDetail &detail, const QStringList &notes) {
    printLine(QStringLiteral("file: %1").arg(pathText(detail.path)));
    if (detail.sourceRead && detail.asts.empty())
        printLine(QStringLiteral("AST: none (no File entity has this path)"));
    for (const FileAst &ast : detail.asts)
        printLine(ast.inStore ? QStringLiteral("AST: %1 (file id %2, %3)")
                                    .arg(QString::fromStdString(ast.key))
                                    .arg(ast.fileId)
                                    .arg(counted(ast.nodes, "node", "nodes"))
                              : QStringLiteral("AST: %1 (file id %2, not in the store)")
                                    .arg(QString::fromStdString(ast.key))
                                    .arg(ast.fileId));
    printLine(QStringLiteral("chunks: %1, in source order").arg(detail.chunks.size()));
    for (const FileChunk &chunk : detail.chunks) {
        QString symbol = chunk.symbolName ? QString::fromStdString(*chunk.symbolName) : QString();
        if (chunk.symbolKind)
            symbol += QStringLiteral(" (%1)").arg(QString::fromStdString(*chunk.symbolKind));
        printLine(QStringLiteral("  %1  %2  %3")
                      .arg(QStringLiteral("%1..%2").arg(chunk.byteStart).arg(chunk.byteEnd), -14)
                      .arg(symbol.trimmed(), -28)
                      .arg(QString::fromStdString(chunk.key)));
    }
    if (detail.sourceRead) {
        printLine(QStringLiteral("functions: %1").arg(detail.functions.size()));
        for (const FileFunction &function : detail.functions)
            printLine(QStringLiteral("  %1  %2  %3")
                          .arg(QString::fromStdString(function.name), -28)
                          .arg(QStringLiteral("id %1, %2")
                                   .arg(function.functionId)
                                   .arg(counted(function.blocks, "block", "blocks")),
                               -22)
                          .arg(QString::fromStdString(function.key)));
    }
    for (const QString &note : notes)
        printLine(QStringLiteral("note: %1").arg(note));
}

} // namespace

int runFiles(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("STORE"), {});
    parser.addOption({QStringLiteral("match"), {}, QStringLiteral("glob")});
    parser.addOption({QStringLiteral("json"), {}});
    int exit = ExitVerified;
    if (!parseArguments(parser, arguments, QStringLiteral("files"), exit))
        return exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2 || positional.size() > 3)
        return usageError(QStringLiteral("files takes a store and, optionally, its source: "
                                         "magellan-kv files STORE [SRC]"));
    Result<OpenedStore> opened = openStore(positional[1], positional.value(2));
    if (!opened.isOk()) {
        printError(opened.status().message());
        return exitStatusFor(opened.status());
    }
    const Result<FileListing> listing =
        fileindex::listFiles(*opened->store, opened->source.get(), opened->layout,
                             PathPattern(parser.value(QStringLiteral("match"))), {});
    if (!listing.isOk()) {
        printError(listing.status().message());
        return exitStatusFor(listing.status());
    }
    const QStringList notes = notesOf(opened.value(), listing->note);
    if (!parser.isSet(QStringLiteral("json"))) {
        printFilesText(listing.value(), notes);
        return ExitVerified;
    }
    nlohmann::ordered_json json;
    json["store"] = utf8(opened->store->path());
    json["source"] = sourceJson(opened.value());
    json["files"] = nlohmann::ordered_json::array();
    for (const FileSummary &file : listing->files)
        json["files"].push_back({{"path", file.path},
                                 {"chunks", file.chunks},
                                 {"ast_keys", optionalNumber(file.astKeys)},
                                 {"ast_nodes", optionalNumber(file.astNodes)},
                                 {"functions", optionalNumber(file.functions)}});
    json["notes"] = notesJson(notes);
    printJson(json);
    return ExitVerified;
}

int runShow(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("STORE"), {});
    parser.addOption({QStringLiteral("file"), {}, QStringLiteral("path")});
    parser.addOption({QStringLiteral("json"), {}});
    int exit = ExitVerified;
    if (!parseArguments(parser, arguments, QStringLiteral("show"), exit))
        return exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2 || positional.size() > 3 || !parser.isSet(QStringLiteral("file")))
        return usageError(QStringLiteral("show takes a store, optionally its source, and a file: "
                                         "magellan-kv show STORE [SRC] --file PATH"));
    Result<OpenedStore> opened = openStore(positional[1], positional.value(2));
    if (!opened.isOk()) {
        printError(opened.status().message());
        return exitStatusFor(opened.status());
    }
    const QString path = parser.value(QStringLiteral("file"));
    const Result<FileDetail> detail = fileindex::describeFile(*opened->store, opened->source.get(),
                                                              opened->layout, utf8(path), {});
    if (!detail.isOk()) {
        printError(detail.status().message());
        return exitStatusFor(detail.status());
    }
    const bool anything = !detail->chunks.empty() || !detail->functions.empty() ||
                          std::any_of(detail->asts.begin(), detail->asts.end(),
                                      [](const FileAst &ast) { return ast.inStore; });
    if (!anything) {
        printError(QStringLiteral("%1: holds nothing of the file '%2'%3 (magellan-kv files %1 "
                                  "--match TEXT lists the files whose path holds TEXT)")
                       .arg(opened->store->path(), path,
                            opened->source ? QString() : QStringLiteral(" under a chunk key")));
        return ExitBadInput;
    }
    QStringList notes = notesOf(opened.value(), detail->note);
    if (detail->reindexed())
        notes << reindexedNote(detail.value());
    if (parser.isSet(QStringLiteral("json")))
        printJson(showJson(opened.value(), detail.value(), notes));
    else
        printShowText(detail.value(), notes);
    return ExitVerified;
}

int runGet(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("STORE"), {});
    parser.addPositionalArgument(QStringLiteral("KEY"), {});
    parser.addOption({QStringLiteral("raw"), {}});
    int exit = ExitVerified;
    if (!parseArguments(parser, arguments, QStringLiteral("get"), exit))
        return exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3)
        return usageError(QStringLiteral("get takes a store and a key: magellan-kv get STORE KEY"));
    const QString &storePath = positional[1];
    if (!isKvStoreFolder(storePath)) {
        printError(QStringLiteral("%1: is not a store (no RocksDB folder there)").arg(storePath));
        return ExitBadInput;
    }
    Result<std::unique_ptr<KvStore>> store = KvStore::open(storePath, KvStore::Mode::ReadOnly);
    if (!store.isOk()) {
        printError(store.status().message());
        return exitStatusFor(store.status());
    }
    const Result<std::optional<std::string>> value = store.value()->get(utf8(positional[2]));
    if (!value.isOk()) {
        printError(value.status().message());
        return exitStatusFor(value.status());
    }
    if (!value.value()) {
        printError(QStringLiteral("%1: has no key '%2'").arg(storePath, positional[2]));
        return ExitBadInput;
    }
    const std::string &bytes = *value.value();
    if (parser.isSet(QStringLiteral("raw"))) {
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
        return ExitVerified;
    }
    const Result<nlohmann::ordered_json> json = parseStoredJson(bytes);
    if (!json.isOk()) { // shown as stored, and said so
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
        std::fputc('\n', stdout);
        std::fprintf(
            stderr, "magellan-kv: note: the value of '%s' is not JSON (%s); shown as stored\n",
            positional[2].toUtf8().constData(), json.status().message().toUtf8().constData());
        return ExitVerified;
    }
    printJson(json.value());
    return ExitVerified;
}

} // namespace magellan
