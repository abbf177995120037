#include "format/kv_keys.h"

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

} // namespace

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

std::string chunk(std::string_view path, std::int64_t byteStart, std::int64_t byteEnd) {
    std::string key(chunkPrefix);
    key += escapePath(path);
    key += ':';
    JsonWriter::appendInt(byteStart, key);
    key += ':';
    JsonWriter::appendInt(byteEnd, key);
    return key;
}

std::optional<ChunkKey> parseChunk(std::string_view key) {
    if (!key.starts_with(chunkPrefix))
        return std::nullopt;
    key.remove_prefix(chunkPrefix.size());
    const size_t endColon = key.rfind(':');
    if (endColon == std::string_view::npos)
        return std::nullopt;
    const size_t startColon = key.rfind(':', endColon == 0 ? 0 : endColon - 1);
    if (startColon == std::string_view::npos || startColon == endColon)
        return std::nullopt;
    const auto byteStart = parseInt(key.substr(startColon + 1, endColon - startColon - 1));
    const auto byteEnd = parseInt(key.substr(endColon + 1));
    if (!byteStart || !byteEnd)
        return std::nullopt;
    ChunkKey parsed{{}, *byteStart, *byteEnd};
    const std::string_view escaped = key.substr(0, startColon);
    for (size_t i = 0; i < escaped.size(); ++i) {
        parsed.path += escaped[i];
        if (escaped[i] == ':') {
            if (i + 1 >= escaped.size() || escaped[i + 1] != ':')
                return std::nullopt; // a lone ':' is never written
            ++i;
        }
    }
    return parsed;
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

} // namespace kvkey
} // namespace magellan
