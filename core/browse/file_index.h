#pragma once

#include "browse/path_pattern.h"
#include "format/key_codec.h"
#include "status.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace magellan {

class KvStore;
class SourceDatabase;

// Asked between steps of a long read; true stops it with a Cancelled status. Called on the
// reading thread.
using CancelCheck = std::function<bool()>;

// One file of a store and how much the store keeps of it.
struct FileSummary {
    std::string path;                      // as the source spells it (UTF-8)
    std::int64_t chunks = 0;               // chunk keys under the path
    std::optional<std::int64_t> astKeys;   // ast keys of its File entities; unset without source
    std::optional<std::int64_t> astNodes;  // nodes under those keys; unset without the source
    std::optional<std::int64_t> functions; // its entities that own a cfg key; unset without source
};

// Every file of a store, by path (bytes), and what could not be read to know them.
struct FileListing {
    std::vector<FileSummary> files;
    bool sourceRead = false; // graph_entities was read: AST and function counts are set
    QString note;            // why they are not, when they are not
    // Every file is listed, but their AST and function counts are not read yet (listFiles
    // with Counts::ChunksOnly and a source).
    bool countsPending = false;
    // Only the first files are listed (ListingOptions::firstFilesReady): the rest follow.
    bool filesPending = false;
};

// How much a listing reads.
enum class FileCounts {
    All,        // chunk keys, and with a source every AST value of a File entity and cfg key
    ChunksOnly, // chunk keys, and with a source only graph_entities' File paths: no value read
};

// How a listing is read, beyond what it counts.
struct ListingOptions {
    FileCounts counts = FileCounts::All;
    // The chunk keys walked by two threads, split where KvStore::approximateMiddleKey halves the
    // store, when that key falls among them (a gain only with a core to spare: bench/README.md).
    bool splitWalk = false;
    // Called at most once, on the calling thread, when the walk has counted the chunk keys of
    // `firstFiles` files: a listing (filesPending set, counts as with FileCounts::ChunksOnly) of
    // those files and of graph_entities' File paths whose chunk keys would come before the
    // walk's place: the files of the full listing up to there, in chunk key order.
    std::size_t firstFiles = 0;
    std::function<void(FileListing)> firstFilesReady;
};

// One chunk of a file.
struct FileChunk {
    std::string key;
    std::int64_t byteStart = 0;
    std::int64_t byteEnd = 0;
    std::optional<std::string> symbolName; // unset: NULL, or the value holds no string there
    std::optional<std::string> symbolKind;
};

// The AST key of one File entity with the file's path.
struct FileAst {
    std::string key;
    std::int64_t fileId = 0;
    std::optional<std::int64_t> nodes; // unset: the store has no such key (or not an array)
    bool inStore = false;
};

// An entity of the file that owns a cfg key: a function and its control-flow blocks.
struct FileFunction {
    std::int64_t functionId = 0;
    std::string name;
    std::string key;
    std::optional<std::int64_t> blocks; // unset when the value is not a JSON array
};

// What a store keeps of one file.
struct FileDetail {
    std::string path;
    std::vector<FileChunk> chunks;       // in source order: byte_start, then byte_end
    std::vector<FileAst> asts;           // one per File entity of the path, by file id
    std::vector<FileFunction> functions; // by function id
    bool sourceRead = false;             // asts and functions come from graph_entities
    QString note;                        // why they are empty, when the source was not read
    // More than one File entity has this path (the file was indexed again).
    bool reindexed() const { return asts.size() > 1; }
};

// A store's keys seen by file: the chunk keys name their file; the source's graph_entities
// (kind 'File' for the AST keys by file id, other kinds with a file_path for the cfg keys by
// function id) tie the rest to files. Reads the store and the source on the calling thread;
// `source` may be null (then only chunks are known). Holds one entry per file, never a value.
namespace fileindex {

// Every file with a key in `store` whose path matches `pattern`, sorted by path: from the chunk
// keys, and from graph_entities when `source` is given (files with an AST or functions but no
// chunk too). Reads every chunk and cfg key, and every AST value of a File entity (with
// FileCounts::ChunksOnly, only the chunk keys and the File paths: the files a full listing has,
// sooner, unless a File entity has no AST key); Cancelled when `cancelled` says so.
Result<FileListing> listFiles(const KvStore &store, SourceDatabase *source, KeyLayout layout,
                              const PathPattern &pattern, const CancelCheck &cancelled,
                              FileCounts counts = FileCounts::All);
// The same, read as `options` say; `cancelled` is asked on the calling thread only.
Result<FileListing> listFiles(const KvStore &store, SourceDatabase *source, KeyLayout layout,
                              const PathPattern &pattern, const CancelCheck &cancelled,
                              const ListingOptions &options);

// What `store` keeps of the file at `path`: its chunks in source order with their symbols, its
// AST keys and its functions with their block counts (those two need `source`, which may be
// null). Reads only that file's chunk keys and the keys graph_entities names for it.
Result<FileDetail> describeFile(const KvStore &store, SourceDatabase *source, KeyLayout layout,
                                const std::string &path, const CancelCheck &cancelled);

// The number of elements of a stored JSON array, read without building it; nullopt when the
// value is not a JSON array.
std::optional<std::int64_t> arrayLength(std::string_view value);

} // namespace fileindex
} // namespace magellan
