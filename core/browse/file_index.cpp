#include "browse/file_index.h"

#include "format/json_string_scan.h"
#include "format/stored_json.h"
#include "source/graph_entities.h"
#include "store/kv_store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <future>
#include <map>

namespace magellan::fileindex {
namespace {

constexpr int keysBetweenCancelChecks = 256;

bool isJsonSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Past the string that starts at the '"' at `at`, its escapes checked; npos when it is broken.
size_t skipString(std::string_view text, size_t at) {
    for (++at;;) {
        at = findJsonStringSpecial(text, at, false);
        if (at >= text.size())
            return std::string_view::npos;
        if (text[at] == '"')
            return at + 1;
        if (text[at] != '\\' || at + 1 >= text.size())
            return std::string_view::npos; // a raw control character, or a cut escape
        const char escape = text[at + 1];
        if (escape == 'u') {
            if (at + 6 > text.size())
                return std::string_view::npos;
            for (size_t i = at + 2; i < at + 6; ++i)
                if (!std::isxdigit(static_cast<unsigned char>(text[i])))
                    return std::string_view::npos;
            at += 6;
        } else if (std::string_view("\"\\/bfnrt").find(escape) != std::string_view::npos) {
            at += 2;
        } else {
            return std::string_view::npos;
        }
    }
}

// Past the number or literal at `at`; npos when it is neither.
size_t skipScalar(std::string_view text, size_t at) {
    for (const std::string_view literal : {"true", "false", "null"})
        if (text.substr(at, literal.size()) == literal)
            return at + literal.size();
    const size_t start = at;
    if (at < text.size() && text[at] == '-')
        ++at;
    if (at >= text.size() || !std::isdigit(static_cast<unsigned char>(text[at])))
        return std::string_view::npos;
    while (at < text.size() &&
           std::string_view("0123456789.eE+-").find(text[at]) != std::string_view::npos)
        ++at;
    return at > start ? at : std::string_view::npos;
}

Status cancelledStatus(const KvStore &store) {
    return Status::cancelled(
        QStringLiteral("%1: reading the files was cancelled").arg(store.path()));
}

// The string `field` of a chunk value, when it is one.
std::optional<std::string> stringField(const nlohmann::ordered_json &value, const char *field) {
    const auto found = value.find(field);
    if (found == value.end() || !found->is_string())
        return std::nullopt;
    return found->get<std::string>();
}

// The chunk prefix of `path`: every chunk key of the path starts with it (and some keys of
// longer paths that start the same way, which parseChunk tells apart).
std::string chunkPathPrefix(std::string_view path) {
    std::string prefix(kvkey::chunkPrefix);
    prefix += kvkey::escapePath(path);
    prefix += ':';
    return prefix;
}

Result<std::optional<std::int64_t>> storedArrayLength(const KvStore &store, const std::string &key,
                                                      bool &inStore) {
    const Result<std::optional<std::string>> value = store.get(key);
    if (!value.isOk())
        return value.status();
    inStore = value.value().has_value();
    if (!inStore)
        return std::optional<std::int64_t>();
    return arrayLength(*value.value());
}

const QString noSourceNote = QStringLiteral(
    "AST and CFG keys need the source database: they are keyed by graph_entities ids");

} // namespace

// A scan of the bytes that checks the grammar as it goes (strings, escapes, literals, numbers,
// commas, colons, nesting) but builds nothing: the AST values a listing counts are most of a
// store's bytes, and a SAX parse of them was most of the listing's time.
std::optional<std::int64_t> arrayLength(std::string_view value) {
    enum class Expect { Value, ValueOrClose, CommaOrClose, Name, NameOrClose, Colon };
    std::vector<bool> open; // containers open: true for an object
    Expect expect = Expect::Value;
    std::int64_t elements = 0;
    size_t at = 0;
    while (true) {
        while (at < value.size() && isJsonSpace(value[at]))
            ++at;
        if (at >= value.size())
            return std::nullopt;
        const char c = value[at];
        switch (expect) {
        case Expect::Name:
        case Expect::NameOrClose:
            if (c == '}' && expect == Expect::NameOrClose)
                break;
            if (c != '"' || (at = skipString(value, at)) == std::string_view::npos)
                return std::nullopt;
            expect = Expect::Colon;
            continue;
        case Expect::Colon:
            if (c != ':')
                return std::nullopt;
            ++at;
            expect = Expect::Value;
            continue;
        case Expect::CommaOrClose:
            if (c == ',') {
                ++at;
                expect = open.back() ? Expect::Name : Expect::Value;
                continue;
            }
            break;
        case Expect::Value:
        case Expect::ValueOrClose:
            if (c == ']' && expect == Expect::ValueOrClose)
                break;
            if (open.size() == 1 && !open.back())
                ++elements;
            if (c == '[' || c == '{') {
                if (open.empty() && c != '[')
                    return std::nullopt; // an object is no array
                open.push_back(c == '{');
                expect = c == '{' ? Expect::NameOrClose : Expect::ValueOrClose;
                ++at;
                continue;
            }
            if (open.empty())
                return std::nullopt; // a bare scalar
            at = c == '"' ? skipString(value, at) : skipScalar(value, at);
            if (at == std::string_view::npos)
                return std::nullopt;
            expect = Expect::CommaOrClose;
            continue;
        }
        // A close, where one may come.
        if (c != (open.back() ? '}' : ']'))
            return std::nullopt;
        open.pop_back();
        ++at;
        expect = Expect::CommaOrClose;
        if (open.empty()) {
            while (at < value.size() && isJsonSpace(value[at]))
                ++at;
            return at == value.size() ? std::optional<std::int64_t>(elements) : std::nullopt;
        }
    }
}

namespace {

using FileMap = std::map<std::string, FileSummary>;

FileSummary &fileIn(FileMap &files, std::string_view path) {
    auto [at, added] = files.try_emplace(std::string(path));
    if (added)
        at->second.path = path;
    return at->second;
}

// A pattern's answer for each path met, asked once per path. One per thread.
class PathMatcher {
public:
    explicit PathMatcher(const PathPattern &pattern) : m_pattern(pattern) {}
    bool operator()(std::string_view path) {
        auto at = m_matched.find(path);
        if (at == m_matched.end())
            at = m_matched.emplace(std::string(path), m_pattern.matches(path)).first;
        return at->second;
    }

private:
    const PathPattern &m_pattern;
    std::map<std::string, bool, std::less<>> m_matched;
};

// Counts into `files` the chunk keys the cursor meets (it is placed on the first) of the files
// `matches` takes; `stopAsked` is asked before each key. Each time a file's keys are all counted
// and another file's key comes, `fileDone(its escaped path)` is called. False when stopped.
bool countChunks(KvStore::Cursor &chunks, PathMatcher &matches, FileMap &files,
                 const std::function<bool()> &stopAsked,
                 const std::function<void(std::string_view)> &fileDone) {
    // A file's chunk keys come one after another: while the escaped path stays the same, the
    // key is counted without unescaping it or looking it up.
    std::string lastEscaped;
    FileSummary *lastFile = nullptr; // of lastEscaped; null when its path does not match
    bool haveLast = false;
    for (; chunks.isValid() && chunks.key().starts_with(kvkey::chunkPrefix); chunks.next()) {
        if (stopAsked())
            return false;
        const std::optional<std::string_view> escaped = kvkey::escapedChunkPath(chunks.key());
        if (!escaped)
            continue;
        if (!haveLast || *escaped != lastEscaped) {
            const auto chunk = kvkey::parseChunk(chunks.key());
            if (!chunk)
                continue; // an escaping the writer never spells
            if (lastFile && fileDone)
                fileDone(*escaped);
            lastEscaped = *escaped;
            haveLast = true;
            lastFile = matches(chunk->path) ? &fileIn(files, chunk->path) : nullptr;
        }
        if (lastFile)
            ++lastFile->chunks;
    }
    return true;
}

} // namespace

Result<FileListing> listFiles(const KvStore &store, SourceDatabase *source, KeyLayout layout,
                              const PathPattern &pattern, const CancelCheck &cancelled,
                              FileCounts counts) {
    ListingOptions options;
    options.counts = counts;
    return listFiles(store, source, layout, pattern, cancelled, options);
}

Result<FileListing> listFiles(const KvStore &store, SourceDatabase *source, KeyLayout layout,
                              const PathPattern &pattern, const CancelCheck &cancelled,
                              const ListingOptions &options) {
    FileMap files;
    const auto fileAt = [&](std::string_view path) -> FileSummary & { return fileIn(files, path); };
    PathMatcher matches(pattern);

    int sinceCheck = 0;
    const auto stopAsked = [&] {
        if (++sinceCheck < keysBetweenCancelChecks)
            return false;
        sinceCheck = 0;
        return cancelled && cancelled();
    };

    FileListing listing;
    std::unique_ptr<GraphEntities> entities;
    if (!source) {
        listing.note = noSourceNote;
    } else if (Result<std::unique_ptr<GraphEntities>> opened = GraphEntities::open(*source);
               !opened.isOk()) {
        listing.note = opened.status().message();
    } else {
        entities = std::move(opened.value());
    }

    // graph_entities' File paths, before the walk when a first screen needs them too.
    const bool firstFilesWanted = options.firstFiles > 0 && bool(options.firstFilesReady);
    std::vector<std::string> entityPaths;
    if (entities && (options.counts == FileCounts::ChunksOnly || firstFilesWanted)) {
        bool stopped = false;
        const Status status = entities->forEachFile([&](std::int64_t, std::string_view path) {
            if (stopAsked()) {
                stopped = true;
                return false;
            }
            if (matches(path))
                entityPaths.emplace_back(path);
            return true;
        });
        if (stopped)
            return cancelledStatus(store);
        if (!status.isOk())
            return status;
    }

    // The first files, handed over once: those counted, and the File paths before them.
    bool firstFilesGiven = !firstFilesWanted;
    // A path's chunk keys come before another's exactly when its chunk prefix ("chunk:" escaped
    // path ':') sorts before the other's.
    const auto fileDone = [&](std::string_view nextEscaped) {
        if (firstFilesGiven || files.size() < options.firstFiles)
            return;
        firstFilesGiven = true;
        std::string next(kvkey::chunkPrefix);
        next += nextEscaped;
        next += ':';
        FileMap first = files;
        for (const std::string &path : entityPaths)
            if (chunkPathPrefix(path) < next)
                fileIn(first, path);
        FileListing firstListing;
        firstListing.note = listing.note;
        firstListing.countsPending = bool(entities);
        firstListing.filesPending = true;
        firstListing.files.reserve(first.size());
        for (auto &[path, file] : first)
            firstListing.files.push_back(std::move(file));
        options.firstFilesReady(std::move(firstListing));
    };

    // With a split, a second thread counts the chunk keys from the middle key on into its own
    // map while this one counts those before it; the maps are added up after.
    std::optional<std::string> middle;
    if (options.splitWalk) {
        middle = store.approximateMiddleKey();
        if (middle && (!middle->starts_with(kvkey::chunkPrefix) || *middle <= kvkey::chunkPrefix))
            middle.reset();
    }
    std::atomic<bool> helperStop = false;
    FileMap upperFiles;
    std::future<Status> helper;
    if (middle)
        helper = std::async(std::launch::async, [&] {
            PathMatcher upperMatches(pattern);
            const auto cursor = store.cursor();
            cursor->seek(*middle);
            countChunks(*cursor, upperMatches, upperFiles,
                        [&] { return helperStop.load(std::memory_order_relaxed); }, {});
            return cursor->status();
        });
    const auto stopHelper = [&] {
        helperStop = true;
        if (helper.valid())
            helper.wait();
    };
    const auto chunks = store.cursor(middle);
    chunks->seek(kvkey::chunkPrefix);
    if (!countChunks(*chunks, matches, files, stopAsked, fileDone)) {
        stopHelper();
        return cancelledStatus(store);
    }
    if (Status status = chunks->status(); !status.isOk()) {
        stopHelper();
        return status;
    }
    if (helper.valid()) {
        while (helper.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready)
            if (cancelled && cancelled()) {
                stopHelper();
                return cancelledStatus(store);
            }
        if (Status status = helper.get(); !status.isOk())
            return status;
        for (auto &[path, file] : upperFiles) // a file the middle key cuts is in both
            fileAt(path).chunks += file.chunks;
    }

    if (entities && options.counts == FileCounts::ChunksOnly) {
        listing.countsPending = true;
        for (const std::string &path : entityPaths)
            fileAt(path);
        entities.reset();
    }

    if (entities) {
        listing.sourceRead = true;
        const std::string_view astPrefix = kvkey::prefix(SourceTable::AstNodes, layout);
        Status readError;
        bool stopped = false;
        Status status = entities->forEachFile([&](std::int64_t id, std::string_view path) {
            if (stopAsked()) {
                stopped = true;
                return false;
            }
            if (!matches(path))
                return true;
            bool inStore = false;
            const Result<std::optional<std::int64_t>> nodes =
                storedArrayLength(store, kvkey::group(astPrefix, id), inStore);
            if (!nodes.isOk()) {
                readError = nodes.status();
                return false;
            }
            if (!inStore)
                return true;
            FileSummary &file = fileAt(path);
            file.astKeys = file.astKeys.value_or(0) + 1;
            file.astNodes = file.astNodes.value_or(0) + nodes.value().value_or(0);
            return true;
        });
        if (stopped)
            return cancelledStatus(store);
        if (!readError.isOk())
            return readError;
        if (!status.isOk())
            return status;

        const std::string_view cfgPrefix = kvkey::prefix(SourceTable::CfgBlocks, layout);
        const auto cfg = store.cursor();
        for (cfg->seek(cfgPrefix); cfg->isValid() && cfg->key().starts_with(cfgPrefix);
             cfg->next()) {
            if (stopAsked())
                return cancelledStatus(store);
            const auto origin = kvkey::parseKey(cfg->key(), layout);
            if (!origin || origin->table != SourceTable::CfgBlocks || !origin->groupId)
                continue; // cfg:null and keys the writer never spells belong to no file
            const Result<std::optional<std::string>> path = entities->filePathOf(*origin->groupId);
            if (!path.isOk())
                return path.status();
            if (!path.value() || !matches(*path.value()))
                continue;
            FileSummary &file = fileAt(*path.value());
            file.functions = file.functions.value_or(0) + 1;
        }
        if (Status cursorStatus = cfg->status(); !cursorStatus.isOk())
            return cursorStatus;
    }

    listing.files.reserve(files.size());
    for (auto &[path, file] : files) {
        if (listing.sourceRead) { // known to be none, not unknown
            file.astKeys = file.astKeys.value_or(0);
            file.astNodes = file.astNodes.value_or(0);
            file.functions = file.functions.value_or(0);
        }
        listing.files.push_back(std::move(file));
    }
    return listing;
}

Result<FileDetail> describeFile(const KvStore &store, SourceDatabase *source, KeyLayout layout,
                                const std::string &path, const CancelCheck &cancelled) {
    FileDetail detail;
    detail.path = path;
    const std::string prefix = chunkPathPrefix(path);
    const auto cursor = store.cursor();
    int sinceCheck = 0;
    for (cursor->seek(prefix); cursor->isValid() && cursor->key().starts_with(prefix);
         cursor->next()) {
        if (++sinceCheck == keysBetweenCancelChecks) {
            sinceCheck = 0;
            if (cancelled && cancelled())
                return cancelledStatus(store);
        }
        const auto chunk = kvkey::parseChunk(cursor->key());
        if (!chunk || chunk->path != path)
            continue; // a longer path that starts the same way ("a" and "a:b")
        FileChunk entry{std::string(cursor->key()), chunk->byteStart, chunk->byteEnd, {}, {}};
        if (const Result<nlohmann::ordered_json> value = parseStoredJson(cursor->value());
            value.isOk() && value->is_object()) {
            entry.symbolName = stringField(value.value(), "symbol_name");
            entry.symbolKind = stringField(value.value(), "symbol_kind");
        }
        detail.chunks.push_back(std::move(entry));
    }
    if (Status status = cursor->status(); !status.isOk())
        return status;
    std::sort(detail.chunks.begin(), detail.chunks.end(),
              [](const FileChunk &a, const FileChunk &b) {
                  return std::tie(a.byteStart, a.byteEnd) < std::tie(b.byteStart, b.byteEnd);
              });

    if (!source) {
        detail.note = noSourceNote;
        return detail;
    }
    Result<std::unique_ptr<GraphEntities>> entities = GraphEntities::open(*source);
    if (!entities.isOk()) {
        detail.note = entities.status().message();
        return detail;
    }
    detail.sourceRead = true;

    const Result<std::vector<std::int64_t>> fileIds = entities.value()->filesAt(path);
    if (!fileIds.isOk())
        return fileIds.status();
    const std::string_view astPrefix = kvkey::prefix(SourceTable::AstNodes, layout);
    for (const std::int64_t id : fileIds.value()) {
        FileAst ast{kvkey::group(astPrefix, id), id, {}, false};
        const Result<std::optional<std::int64_t>> nodes =
            storedArrayLength(store, ast.key, ast.inStore);
        if (!nodes.isOk())
            return nodes.status();
        ast.nodes = nodes.value();
        detail.asts.push_back(std::move(ast));
    }

    const Result<std::vector<FileEntity>> inFile = entities.value()->entitiesIn(path);
    if (!inFile.isOk())
        return inFile.status();
    const std::string_view cfgPrefix = kvkey::prefix(SourceTable::CfgBlocks, layout);
    for (const FileEntity &entity : inFile.value()) {
        if (cancelled && cancelled())
            return cancelledStatus(store);
        FileFunction function{entity.id, entity.name, kvkey::group(cfgPrefix, entity.id), {}};
        bool inStore = false;
        const Result<std::optional<std::int64_t>> blocks =
            storedArrayLength(store, function.key, inStore);
        if (!blocks.isOk())
            return blocks.status();
        if (!inStore)
            continue; // a symbol that is no function, or one without blocks
        function.blocks = blocks.value();
        detail.functions.push_back(std::move(function));
    }
    return detail;
}

} // namespace magellan::fileindex
