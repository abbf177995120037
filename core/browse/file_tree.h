#pragma once

#include "browse/file_index.h"
#include "browse/path_pattern.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace magellan {

// One folder or file of a FileTree.
struct FileTreeNode {
    QString name;    // the path segment(s) it stands for ("src/lib" when folders were merged)
    int parent = -1; // index in FileTree::nodes; -1 for the root
    int row = 0;     // its place among its parent's children
    std::vector<int> children; // folders first, then files, each by name (numbers as numbers)
    int file = -1;             // index in the listing's files for a file; -1 for a folder
    // Sums over the files under it (a file: its own counts).
    std::int64_t files = 0, chunks = 0, astNodes = 0, functions = 0;
    bool isFile() const { return file >= 0; }
};

// The files of a listing that match a pattern, as a tree of folders split at '/' and '\'. A
// folder whose only child is a folder is shown as one ("src/lib"). Built anywhere (it is only
// data), read by the Files view. A value type: any thread.
struct FileTree {
    std::vector<FileTreeNode> nodes; // nodes[0] is the root, always there
    std::int64_t matchingFiles = 0;

    // The tree of the files of `files` whose path matches `pattern`; Cancelled when asked.
    static Result<FileTree> build(const std::vector<FileSummary> &files, const PathPattern &pattern,
                                  const CancelCheck &cancelled);
};

} // namespace magellan
