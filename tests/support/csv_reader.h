#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace magellan::test {

// Reads CSV text as RFC 4180 defines it (quoted fields may hold commas, quotes doubled, and line
// breaks; records end in CRLF or LF). Written apart from the report's writer, to check it.
// Nullopt when the text is not well-formed CSV (a quote inside an unquoted field, an unclosed
// quote, text after a closing quote).
std::optional<QList<QStringList>> readCsv(const QString &text);

} // namespace magellan::test
