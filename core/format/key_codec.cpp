#include "format/key_codec.h"

#include "format/json_writer.h"

#include <charconv>

namespace magellan {

QString keyLayoutName(KeyLayout layout) {
    return layout == KeyLayout::Seed ? QStringLiteral("seed") : QStringLiteral("magellan");
}

std::optional<KeyLayout> parseKeyLayout(const QString &name) {
    if (name == QLatin1String("seed"))
        return KeyLayout::Seed;
    if (name == QLatin1String("magellan"))
        return KeyLayout::Magellan;
    return std::nullopt;
}

namespace kvkey {
namespace {

std::optional<std::int64_t> parseInt(std::string_view text) {
    if (text.empty() || text.front() == '+' || (text.size() > 1 && text[0] == '0') ||
        (text.size() >= 2 && text[0] == '-' && text[1] == '0') || text == "-")
        return std::nullopt; // only the one spelling the writer produces
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

QString columnName(std::string_view column) {
    return QString::fromLatin1(column.data(), static_cast<qsizetype>(column.size()));
}

} // namespace

std::string_view prefix(SourceTable table, KeyLayout layout) {
    const bool seed = layout == KeyLayout::Seed;
    switch (table) {
    case SourceTable::CodeChunks:
        return chunkPrefix;
    case SourceTable::AstNodes:
        return seed ? astPrefix : astFilePrefix;
    case SourceTable::CfgBlocks:
        return seed ? cfgPrefix : cfgFunctionPrefix;
    case SourceTable::ExecutionLog:
        return executionLogPrefix;
    case SourceTable::FileMetrics:
        return fileMetricsPrefix;
    case SourceTable::SymbolMetrics:
        return symbolMetricsPrefix;
    }
    return {};
}

std::string escapePath(std::string_view path) {
    std::string escaped;
    escaped.reserve(path.size() + 4);
    for (const char c : path) {
        escaped += c;
        if (c == ':')
            escaped += ':';
    }
    return escaped;
}

std::optional<std::string> unescapePath(std::string_view escaped) {
    std::string path;
    path.reserve(escaped.size());
    for (size_t i = 0; i < escaped.size(); ++i) {
        path += escaped[i];
        if (escaped[i] == ':') {
            if (i + 1 >= escaped.size() || escaped[i + 1] != ':')
                return std::nullopt; // a lone ':' is never written
            ++i;
        }
    }
    return path;
}

std::string chunk(std::string_view path, std::int64_t byteStart, std::int64_t byteEnd) {
    std::string key(chunkPrefix);
    key += escapePath(path);
    key += ':';
    JsonWriter::appendInt(byteStart, key);
    key += ':';
    JsonWriter::appendInt(byteEnd, key);
    return key;
}

std::optional<std::string_view> escapedChunkPath(std::string_view key) {
    if (!key.starts_with(chunkPrefix))
        return std::nullopt;
    key.remove_prefix(chunkPrefix.size());
    const size_t endColon = key.rfind(':');
    if (endColon == std::string_view::npos)
        return std::nullopt;
    const size_t startColon = key.rfind(':', endColon == 0 ? 0 : endColon - 1);
    if (startColon == std::string_view::npos || startColon == endColon)
        return std::nullopt;
    if (!parseInt(key.substr(startColon + 1, endColon - startColon - 1)) ||
        !parseInt(key.substr(endColon + 1)))
        return std::nullopt;
    return key.substr(0, startColon);
}

std::optional<ChunkKey> parseChunk(std::string_view key) {
    const std::optional<std::string_view> escaped = escapedChunkPath(key);
    if (!escaped)
        return std::nullopt;
    const std::string_view offsets = key.substr(chunkPrefix.size() + escaped->size() + 1);
    const size_t colon = offsets.find(':');
    const auto byteStart = parseInt(offsets.substr(0, colon));
    const auto byteEnd = parseInt(offsets.substr(colon + 1));
    std::optional<std::string> path = unescapePath(*escaped);
    if (!byteStart || !byteEnd || !path)
        return std::nullopt;
    return ChunkKey{std::move(*path), *byteStart, *byteEnd};
}

std::string group(std::string_view prefix, std::optional<std::int64_t> id) {
    std::string key(prefix);
    if (id)
        JsonWriter::appendInt(*id, key);
    else
        key += nullGroup;
    return key;
}

std::string rejectTablePrefix(std::string_view table) {
    std::string key(rejectPrefix);
    key += table;
    key += ':';
    return key;
}

std::string reject(std::string_view table, std::int64_t rowid) {
    std::string key = rejectTablePrefix(table);
    JsonWriter::appendInt(rowid, key);
    return key;
}

std::optional<SourceTable> namespaceOf(std::string_view key) {
    for (const TableDefinition &definition : allTableDefinitions())
        for (const KeyLayout layout : {KeyLayout::Seed, KeyLayout::Magellan})
            if (key.starts_with(prefix(definition.table, layout)))
                return definition.table;
    return std::nullopt;
}

std::optional<RowFilter> KeyOrigin::rowFilter(const QString &rowidName, bool hasGroupColumn) const {
    switch (kind) {
    case Kind::Chunk:
        return RowFilter{QStringLiteral("file_path = ?1 AND byte_start = ?2 AND byte_end = ?3"),
                         {chunk.path, chunk.byteStart, chunk.byteEnd}};
    case Kind::Group: {
        if (!hasGroupColumn)
            return std::nullopt; // every row is in the NULL group
        const QString column = columnName(tableDefinition(table).groupColumn);
        if (!groupId)
            return RowFilter{QStringLiteral("\"%1\" IS NULL").arg(column), {}};
        return RowFilter{QStringLiteral("\"%1\" = ?1").arg(column), {*groupId}};
    }
    case Kind::Single: {
        // 5 and '5' make the same key: integer key columns are compared as text.
        const std::string_view column = tableDefinition(table).keyColumns.front();
        const QString compared = table == SourceTable::FileMetrics
                                     ? columnName(column)
                                     : QStringLiteral("CAST(%1 AS TEXT)").arg(columnName(column));
        return RowFilter{compared + QStringLiteral(" = ?1"), {keyText}};
    }
    case Kind::Reject:
        return RowFilter{(rowidName.isEmpty() ? QStringLiteral("rowid") : rowidName) +
                             QStringLiteral(" = ?1"),
                         {rowid}};
    }
    return std::nullopt;
}

std::optional<KeyOrigin> parseKey(std::string_view key, KeyLayout layout) {
    if (const auto chunkKey = parseChunk(key))
        return KeyOrigin{SourceTable::CodeChunks, KeyOrigin::Kind::Chunk, *chunkKey, {}, {}, 0};
    if (key.starts_with(rejectPrefix)) {
        const std::string_view rest = key.substr(rejectPrefix.size());
        const size_t colon = rest.find(':');
        if (colon == std::string_view::npos)
            return std::nullopt;
        const auto rowid = parseInt(rest.substr(colon + 1));
        for (const TableDefinition &definition : allTableDefinitions())
            if (rowid && definition.name == rest.substr(0, colon))
                return KeyOrigin{definition.table, KeyOrigin::Kind::Reject, {}, {}, {}, *rowid};
        return std::nullopt;
    }
    for (const SourceTable table : {SourceTable::AstNodes, SourceTable::CfgBlocks}) {
        const std::string_view groupPrefix = prefix(table, layout);
        if (!key.starts_with(groupPrefix))
            continue;
        const std::string_view id = key.substr(groupPrefix.size());
        if (id == nullGroup)
            return KeyOrigin{table, KeyOrigin::Kind::Group, {}, std::nullopt, {}, 0};
        if (const auto groupId = parseInt(id))
            return KeyOrigin{table, KeyOrigin::Kind::Group, {}, groupId, {}, 0};
        return std::nullopt;
    }
    for (const SourceTable table :
         {SourceTable::ExecutionLog, SourceTable::FileMetrics, SourceTable::SymbolMetrics}) {
        const std::string_view singlePrefix = prefix(table, layout);
        if (!key.starts_with(singlePrefix))
            continue;
        const std::string_view rest = key.substr(singlePrefix.size());
        std::optional<std::string> text = table == SourceTable::FileMetrics
                                              ? unescapePath(rest)
                                              : std::optional(std::string(rest));
        if (!text)
            return std::nullopt;
        return KeyOrigin{table, KeyOrigin::Kind::Single, {}, {}, std::move(*text), 0};
    }
    return std::nullopt;
}

} // namespace kvkey
} // namespace magellan
