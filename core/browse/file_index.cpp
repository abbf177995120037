#include "browse/file_index.h"

#include "format/stored_json.h"
#include "source/graph_entities.h"
#include "store/kv_store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace magellan::fileindex {
namespace {

constexpr int keysBetweenCancelChecks = 256;

// Counts the elements of a top-level array as the parser passes them; builds nothing.
class ArrayElementCounter final : public nlohmann::json_sax<nlohmann::json> {
public:
    std::int64_t elements = 0;
    bool topIsArray = false;

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t &) override { return value(); }
    bool string(string_t &) override { return value(); }
    bool binary(binary_t &) override { return value(); }
    bool start_object(std::size_t) override { return open(false); }
    bool key(string_t &) override { return true; }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(true); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t, const std::string &,
                     const nlohmann::detail::exception &) override {
        return false;
    }

private:
    bool value() {
        if (m_depth == 1)
            ++elements;
        return m_depth > 0; // a bare scalar is no array: stop
    }
    bool open(bool array) {
        if (m_depth == 0) {
            topIsArray = array;
            if (!array)
                return false;
        } else if (m_depth == 1) {
            ++elements;
        }
        ++m_depth;
        return true;
    }
    bool close() {
        --m_depth;
        return true;
    }
    int m_depth = 0;
};

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

std::optional<std::int64_t> arrayLength(std::string_view value) try {
    ArrayElementCounter counter;
    const bool parsed = nlohmann::json::sax_parse(value.begin(), value.end(), &counter);
    if (!parsed || !counter.topIsArray)
        return std::nullopt;
    return counter.elements;
} catch (const std::exception &) {
    return std::nullopt;
}

Result<FileListing> listFiles(const KvStore &store, SourceDatabase *source, KeyLayout layout,
                              const PathPattern &pattern, const CancelCheck &cancelled) {
    std::map<std::string, FileSummary> files;
    const auto fileAt = [&](std::string_view path) -> FileSummary & {
        auto [at, added] = files.try_emplace(std::string(path));
        if (added)
            at->second.path = path;
        return at->second;
    };
    // Matched once per path met, not once per key.
    std::map<std::string, bool, std::less<>> matched;
    const auto matches = [&](std::string_view path) {
        auto at = matched.find(path);
        if (at == matched.end())
            at = matched.emplace(std::string(path), pattern.matches(path)).first;
        return at->second;
    };

    int sinceCheck = 0;
    const auto stopAsked = [&] {
        if (++sinceCheck < keysBetweenCancelChecks)
            return false;
        sinceCheck = 0;
        return cancelled && cancelled();
    };

    const auto chunks = store.cursor();
    for (chunks->seek(kvkey::chunkPrefix);
         chunks->isValid() && chunks->key().starts_with(kvkey::chunkPrefix); chunks->next()) {
        if (stopAsked())
            return cancelledStatus(store);
        if (const auto chunk = kvkey::parseChunk(chunks->key()); chunk && matches(chunk->path))
            ++fileAt(chunk->path).chunks;
    }
    if (Status status = chunks->status(); !status.isOk())
        return status;

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
