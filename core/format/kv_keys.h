#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace magellan {

// How group keys are spelled: `seed` (ast:{id}) is the default, `magellan` (ast:file:{id}) is what
// magellan's own KV backend reads.
enum class KeyLayout { Seed, Magellan };

QString keyLayoutName(KeyLayout layout);
// Parses "seed" or "magellan"; nullopt for anything else.
std::optional<KeyLayout> parseKeyLayout(const QString &name);

// A chunk key taken apart.
struct ChunkKey {
    std::string path;
    std::int64_t byteStart = 0;
    std::int64_t byteEnd = 0;
};

namespace kvkey {

inline constexpr std::string_view chunkPrefix = "chunk:";
inline constexpr std::string_view rejectPrefix = "reject:";
inline constexpr std::string_view migrationRecord = "meta:migration";
inline constexpr std::string_view nullGroup = "null";

// The path with every ':' doubled, so a chunk key can be parsed from the right.
std::string escapePath(std::string_view path);
// chunk:{P}:{byteStart}:{byteEnd}
std::string chunk(std::string_view path, std::int64_t byteStart, std::int64_t byteEnd);
// Parses a chunk key from the right; nullopt when it is not one (bad prefix, offsets, escaping).
std::optional<ChunkKey> parseChunk(std::string_view key);
// {prefix}{id}, or {prefix}null for the group of NULL ids.
std::string group(std::string_view prefix, std::optional<std::int64_t> id);
// reject:{table}:{rowid}
std::string reject(std::string_view table, std::int64_t rowid);
// reject:{table}:
std::string rejectTablePrefix(std::string_view table);

} // namespace kvkey
} // namespace magellan
