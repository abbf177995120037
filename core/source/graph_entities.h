#pragma once

#include "status.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3_stmt;

namespace magellan {

class SourceDatabase;

// One row of graph_entities, as far as the browser reads it.
struct EntityRow {
    std::string kind;
    std::string name;
    std::optional<std::string> filePath;
};

// An entity of graph_entities that lives in a file: a function, a method, a symbol.
struct FileEntity {
    std::int64_t id = 0;
    std::string name;
};

// The rows of a source's graph_entities that tie keys to files: File entities (whose ids are
// ast_nodes.file_id) by path, and the file_path of other entities (whose ids are
// cfg_blocks.function_id). A File entity's path is its file_path, else its name. Reads the
// source's snapshot; use it on the source's thread and not after the source is gone.
class GraphEntities {
public:
    // Prepares the lookups; InvalidInput naming the source when it has no graph_entities table
    // with id, kind, name and file_path.
    static Result<std::unique_ptr<GraphEntities>> open(SourceDatabase &source);
    ~GraphEntities();
    GraphEntities(const GraphEntities &) = delete;
    GraphEntities &operator=(const GraphEntities &) = delete;

    // Calls `visit` with every File entity's id and path, in id order, until it returns false.
    Status forEachFile(const std::function<bool(std::int64_t, std::string_view)> &visit);
    // Entity `id`; nullopt when there is none (or its kind or name is not text).
    Result<std::optional<EntityRow>> entity(std::int64_t id);
    // The file_path of entity `id`; nullopt when there is no such entity or it has none.
    Result<std::optional<std::string>> filePathOf(std::int64_t id);
    // The ids of the File entities whose path is `path`, in id order.
    Result<std::vector<std::int64_t>> filesAt(const std::string &path);
    // The entities other than File ones whose file_path is `path`, in id order.
    Result<std::vector<FileEntity>> entitiesIn(const std::string &path);

private:
    struct Statements;
    GraphEntities(SourceDatabase &source, std::unique_ptr<Statements> statements);
    Status stepError(int resultCode, const char *what) const;

    SourceDatabase &m_source;
    std::unique_ptr<Statements> m_statements;
};

} // namespace magellan
