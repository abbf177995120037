#include "csv_reader.h"

namespace magellan::test {

std::optional<QList<QStringList>> readCsv(const QString &text) {
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;    // inside a quoted field
    bool wasQuoted = false; // the field began with a quote (and has been closed)
    bool fieldStarted = false;
    const auto endField = [&] {
        record << field;
        field.clear();
        wasQuoted = false;
        fieldStarted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c != QLatin1Char('"')) {
                field += c;
            } else if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else {
                quoted = false;
                wasQuoted = true;
            }
            continue;
        }
        if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') &&
                (i + 1 >= text.size() || text[i + 1] != QLatin1Char('\n')))
                return std::nullopt;
            if (c == QLatin1Char('\r'))
                ++i;
            endField();
            records << record;
            record.clear();
        } else if (c == QLatin1Char('"')) {
            if (fieldStarted)
                return std::nullopt;
            quoted = true;
            fieldStarted = true;
        } else {
            if (wasQuoted)
                return std::nullopt;
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        return std::nullopt;
    if (fieldStarted || !record.isEmpty()) {
        endField();
        records << record;
    }
    return records;
}

} // namespace magellan::test
