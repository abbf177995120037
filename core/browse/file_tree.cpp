#include "browse/file_tree.h"

#include <algorithm>
#include <map>

namespace magellan {
namespace {

// The folders of `path` and its file name, without empty segments ("/a//b" is a, b).
QStringList segmentsOf(const std::string &path) {
    QStringList segments;
    QString segment;
    for (const QChar c : QString::fromStdString(path)) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\')) {
            if (!segment.isEmpty())
                segments << segment;
            segment.clear();
        } else {
            segment += c;
        }
    }
    if (!segment.isEmpty() || segments.isEmpty())
        segments << segment; // a path that is only separators keeps one (empty) name
    return segments;
}

// A tree under construction: folders by name, so a path's folders are found again.
struct Builder {
    std::vector<FileTreeNode> nodes{FileTreeNode{}};
    std::vector<std::map<QString, int>> folders{{}}; // per node: child folders by name

    int folder(int parent, const QString &name) {
        auto [at, added] = folders[size_t(parent)].try_emplace(name, int(nodes.size()));
        if (added) {
            FileTreeNode node;
            node.name = name;
            node.parent = parent;
            nodes.push_back(node);
            folders.emplace_back();
            nodes[size_t(parent)].children.push_back(at->second);
        }
        return at->second;
    }
};

// Names as people sort them: runs of digits by their number (file_2 before file_10), the rest
// in any case; an exact order among names that tie.
bool naturalLess(const QString &left, const QString &right) {
    qsizetype i = 0, j = 0;
    while (i < left.size() && j < right.size()) {
        if (left[i].isDigit() && right[j].isDigit()) {
            qsizetype iEnd = i, jEnd = j;
            while (iEnd < left.size() && left[iEnd].isDigit())
                ++iEnd;
            while (jEnd < right.size() && right[jEnd].isDigit())
                ++jEnd;
            // Without leading zeros, the longer run is the larger number.
            const QStringView a = QStringView(left).sliced(i, iEnd - i);
            const QStringView b = QStringView(right).sliced(j, jEnd - j);
            const auto trimmed = [](QStringView run) {
                while (run.size() > 1 && run.front() == u'0')
                    run = run.sliced(1);
                return run;
            };
            const QStringView x = trimmed(a), y = trimmed(b);
            if (x.size() != y.size())
                return x.size() < y.size();
            if (const int byDigits = x.compare(y); byDigits != 0)
                return byDigits < 0;
            i = iEnd;
            j = jEnd;
            continue;
        }
        const char32_t a = QChar::toCaseFolded(left[i].unicode());
        const char32_t b = QChar::toCaseFolded(right[j].unicode());
        if (a != b)
            return a < b;
        ++i;
        ++j;
    }
    if ((left.size() - i) != (right.size() - j))
        return left.size() - i < right.size() - j;
    return left < right;
}

void addCounts(FileTreeNode &to, const FileSummary &file) {
    to.files += 1;
    to.chunks += file.chunks;
    to.astNodes += file.astNodes.value_or(0);
    to.functions += file.functions.value_or(0);
}

} // namespace

Result<FileTree> FileTree::build(const std::vector<FileSummary> &files, const PathPattern &pattern,
                                 const CancelCheck &cancelled) {
    Builder builder;
    FileTree tree;
    for (size_t index = 0; index < files.size(); ++index) {
        if (index % 1024 == 1023 && cancelled && cancelled())
            return Status::cancelled(QStringLiteral("building the file tree was cancelled"));
        const FileSummary &file = files[index];
        if (!pattern.matches(file.path))
            continue;
        ++tree.matchingFiles;
        const QStringList segments = segmentsOf(file.path);
        int parent = 0;
        for (qsizetype s = 0; s + 1 < segments.size(); ++s)
            parent = builder.folder(parent, segments[s]);
        FileTreeNode leaf;
        leaf.name = segments.back();
        leaf.parent = parent;
        leaf.file = int(index);
        addCounts(leaf, file);
        builder.nodes[size_t(parent)].children.push_back(int(builder.nodes.size()));
        builder.nodes.push_back(leaf);
        builder.folders.emplace_back();
        for (int up = parent; up >= 0; up = builder.nodes[size_t(up)].parent)
            addCounts(builder.nodes[size_t(up)], file);
    }

    // A folder whose one child is a folder takes its place, named "a/b".
    std::vector<FileTreeNode> &nodes = builder.nodes;
    for (size_t index = 1; index < nodes.size(); ++index) {
        FileTreeNode &node = nodes[index];
        while (!node.isFile() && node.children.size() == 1 &&
               !nodes[size_t(node.children[0])].isFile()) {
            const FileTreeNode child = nodes[size_t(node.children[0])];
            node.name += QLatin1Char('/') + child.name;
            node.children = child.children; // parents are set again below
        }
    }
    // Keep only nodes still reachable from the root, renumbered; folders first, then by name as
    // people sort them (file_2 before file_10, any case).
    tree.nodes.reserve(nodes.size());
    tree.nodes.push_back(nodes[0]);
    for (size_t at = 0; at < tree.nodes.size(); ++at) {
        std::vector<int> children = tree.nodes[at].children;
        std::sort(children.begin(), children.end(), [&](int a, int b) {
            const FileTreeNode &left = nodes[size_t(a)], &right = nodes[size_t(b)];
            if (left.isFile() != right.isFile())
                return !left.isFile();
            return naturalLess(left.name, right.name);
        });
        tree.nodes[at].children.clear();
        for (const int child : children) {
            const int newIndex = int(tree.nodes.size());
            FileTreeNode copy = nodes[size_t(child)];
            copy.parent = int(at);
            copy.row = int(tree.nodes[at].children.size());
            tree.nodes[at].children.push_back(newIndex);
            tree.nodes.push_back(std::move(copy));
        }
    }
    return tree;
}

} // namespace magellan
