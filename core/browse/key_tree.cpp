#include "browse/key_tree.h"

#include "format/key_codec.h"

#include <algorithm>

namespace magellan::keytree {
namespace {

bool isChunkFileGroup(std::string_view prefix) {
    return prefix.size() > kvkey::chunkPrefix.size() && prefix.starts_with(kvkey::chunkPrefix);
}

// Groups whose children are whole keys even when the rest of the key holds ':'.
bool childrenAreKeys(std::string_view prefix) {
    return isChunkFileGroup(prefix) || prefix == kvkey::fileMetricsPrefix;
}

// The first key after every key of the group `entry` (one past its prefix in byte order).
std::string pastGroup(const KeyTreeEntry &entry) {
    std::string past = entry.prefix;
    if (isChunkFileGroup(past)) {
        past += ':'; // after "-" and the digits that offsets start with
        return past;
    }
    past.back() = static_cast<char>(past.back() + 1); // ':' + 1 == ';'
    return past;
}

// Puts `cursor` on the last key before `bound`, or makes it invalid when there is none.
void seekBefore(KvStore::Cursor &cursor, std::string_view bound) {
    cursor.seekForPrev(bound);
    if (cursor.isValid() && cursor.key() == bound)
        cursor.prev();
}

} // namespace

bool belongsTo(std::string_view prefix, std::string_view key) {
    if (!key.starts_with(prefix))
        return false;
    if (!isChunkFileGroup(prefix))
        return true;
    const char next = key.size() > prefix.size() ? key[prefix.size()] : '\0';
    return next == '-' || (next >= '0' && next <= '9');
}

KeyTreeEntry childOf(std::string_view prefix, std::string_view key) {
    const std::string_view rest = key.substr(prefix.size());
    if (prefix == kvkey::chunkPrefix) {
        if (const auto chunk = kvkey::parseChunk(key)) {
            std::string group(kvkey::chunkPrefix);
            group += kvkey::escapePath(chunk->path);
            group += ':';
            return {chunk->path.empty() ? std::string("(empty path)") : chunk->path, group, true};
        }
    }
    const size_t colon = childrenAreKeys(prefix) ? std::string_view::npos : rest.find(':');
    if (colon == std::string_view::npos)
        return {std::string(rest.empty() ? key : rest), std::string(key), false};
    return {std::string(rest.substr(0, colon + 1)),
            std::string(prefix) + std::string(rest.substr(0, colon + 1)), true};
}

Result<KeyTreePage> listChildren(const KvStore &store, std::string_view prefix,
                                 std::string_view seekFrom, size_t limit) {
    KeyTreePage page;
    const auto cursor = store.cursor();
    cursor->seek(seekFrom < prefix ? prefix : seekFrom);
    while (cursor->isValid() && belongsTo(prefix, cursor->key())) {
        KeyTreeEntry entry = childOf(prefix, cursor->key());
        if (page.entries.size() == limit) {
            page.nextSeek = cursor->key();
            break;
        }
        if (entry.isGroup) {
            cursor->seek(pastGroup(entry));
        } else {
            cursor->next();
        }
        page.entries.push_back(std::move(entry));
    }
    if (Status status = cursor->status(); !status.isOk())
        return status;
    return page;
}

Result<KeyTreePage> listChildrenBefore(const KvStore &store, std::string_view prefix,
                                       std::string_view before, size_t limit) {
    KeyTreePage page;
    const auto cursor = store.cursor();
    seekBefore(*cursor, before);
    while (cursor->isValid() && belongsTo(prefix, cursor->key())) {
        if (page.entries.size() == limit) {
            page.moreBefore = true;
            break;
        }
        KeyTreeEntry entry = childOf(prefix, cursor->key());
        if (entry.isGroup) // every key of a group is >= its prefix
            seekBefore(*cursor, entry.prefix);
        else
            cursor->prev();
        page.entries.push_back(std::move(entry));
    }
    if (Status status = cursor->status(); !status.isOk())
        return status;
    std::reverse(page.entries.begin(), page.entries.end());
    return page;
}

Result<std::optional<qint64>> countKeys(const KvStore &store, std::string_view prefix,
                                        const std::atomic<bool> *cancel) {
    qint64 count = 0;
    const auto cursor = store.cursor();
    for (cursor->seek(prefix); cursor->isValid() && belongsTo(prefix, cursor->key());
         cursor->next()) {
        if (count++ % 4096 == 0 && cancel && cancel->load())
            return std::optional<qint64>();
    }
    if (Status status = cursor->status(); !status.isOk())
        return status;
    return std::optional<qint64>(count);
}

Result<std::optional<std::string>> seekKey(const KvStore &store, std::string_view text) {
    const auto cursor = store.cursor();
    cursor->seek(text);
    if (Status status = cursor->status(); !status.isOk())
        return status;
    return cursor->isValid() ? std::optional<std::string>(cursor->key()) : std::nullopt;
}

std::vector<std::string> ancestorGroups(std::string_view key) {
    std::vector<std::string> groups;
    std::string prefix;
    while (true) {
        const KeyTreeEntry child = childOf(prefix, key);
        if (!child.isGroup)
            break;
        groups.push_back(child.prefix);
        prefix = child.prefix;
    }
    return groups;
}

} // namespace magellan::keytree
