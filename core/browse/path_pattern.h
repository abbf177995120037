#pragma once

#include <QList>
#include <QString>

#include <string_view>

namespace magellan {

// What a person types to find files: text found anywhere in a path, or, when it holds `*` (any
// run of characters, `/` included) or `?` (one character), a glob that matches anywhere in the
// path (`comp*all` finds `Lib/compileall.py`). Letters match in either case. An empty pattern
// matches every path. A value type: any thread.
class PathPattern {
public:
    PathPattern() = default;
    explicit PathPattern(const QString &pattern);

    // True when `path` (UTF-8) matches.
    bool matches(std::string_view path) const;
    bool isEmpty() const { return m_pattern.isEmpty(); }
    bool isGlob() const { return m_glob; }
    const QString &text() const { return m_text; }

private:
    bool globMatches(const QList<uint> &path) const;

    QString m_text;
    QList<uint> m_pattern; // case-folded code points
    bool m_glob = false;
};

} // namespace magellan
