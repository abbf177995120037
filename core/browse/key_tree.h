#pragma once

#include "store/kv_store.h"

#include <atomic>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace magellan {

// One child in the tree of keys: a group of keys that share a prefix, or one key.
struct KeyTreeEntry {
    std::string label;  // a segment ("ast:"), a file path (chunks), or the rest of a key
    std::string prefix; // groups: every key under it starts with it; keys: the key itself
    bool isGroup = false;
};

// One page of children and where the pages after and before it are.
struct KeyTreePage {
    std::vector<KeyTreeEntry> entries;
    std::optional<std::string> nextSeek; // listChildren: where the next page starts; unset: no more
    bool moreBefore = false;             // listChildrenBefore: children come before entries.front()
};

// The keys of a store as a tree split at ':' (chunk keys grouped by their parsed file path).
namespace keytree {

// True when `key` is under the group `prefix` ("" is the root). Chunk file groups only hold
// their own path's keys, not those of a longer path that starts the same way.
bool belongsTo(std::string_view prefix, std::string_view key);

// The child of `prefix` that `key` falls under. REQUIRES: belongsTo(prefix, key).
KeyTreeEntry childOf(std::string_view prefix, std::string_view key);

// Up to `limit` children of `prefix`, in key order, starting at the first key >= `seekFrom`
// (the prefix itself for the first page). Whole groups are skipped by one seek each, so a page
// costs its children, not the keys under them.
Result<KeyTreePage> listChildren(const KvStore &store, std::string_view prefix,
                                 std::string_view seekFrom, size_t limit);

// Up to `limit` children of `prefix` that come just before `before`, in key order: the page that
// ends where a page starting at `before` begins. Walks back one seek per group, so a page costs
// its children, not the keys under them. REQUIRES: no child has keys on both sides of `before`
// (a child's prefix, as a marker row keeps it, is such a bound).
Result<KeyTreePage> listChildrenBefore(const KvStore &store, std::string_view prefix,
                                       std::string_view before, size_t limit);

// The number of keys under `prefix`; reads them all (run it in the background). Stops early,
// returning nullopt, when `cancel` becomes true.
Result<std::optional<qint64>> countKeys(const KvStore &store, std::string_view prefix,
                                        const std::atomic<bool> *cancel);

// The first key >= `text`, or nullopt when there is none.
Result<std::optional<std::string>> seekKey(const KvStore &store, std::string_view text);

// The groups from the root down to `key`'s parent: the prefixes a view expands to show it.
std::vector<std::string> ancestorGroups(std::string_view key);

} // namespace keytree
} // namespace magellan
