#include "sample_sources.h"

#include <QDir>
#include <QFile>

#include "fixture_generator.h"
#include "test_database.h"

namespace magellan::test {

QString sampleSourceSql(int rows) {
    return QStringLiteral(R"j(
CREATE TABLE magellan_meta(id INTEGER PRIMARY KEY, magellan_schema_version INTEGER NOT NULL);
INSERT INTO magellan_meta VALUES (1, 21);
CREATE TABLE code_chunks(id INTEGER PRIMARY KEY, file_path TEXT NOT NULL, byte_start INTEGER NOT NULL,
  byte_end INTEGER NOT NULL, content TEXT NOT NULL, content_hash TEXT NOT NULL, symbol_name TEXT,
  symbol_kind TEXT, created_at INTEGER NOT NULL, UNIQUE(file_path, byte_start, byte_end));
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %3)
INSERT INTO code_chunks SELECT i, CASE WHEN i % 7 = 0 THEN 'C:\repo\f' || (i % 40) || '.rs'
  ELSE 'src/файл_' || (i % 40) || '.rs' END, i * 10, i * 10 + 9,
  'fn f' || i || '() { "日本 é" }', hex(i), 'f' || i, 'function', 1700000000 + i FROM n;
CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind TEXT NOT NULL,
  byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL, file_id INTEGER);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1)
INSERT INTO ast_nodes SELECT i, CASE WHEN i > 50 THEN i - 50 END, 'kind_' || (i % 9), i, i + 3,
  CASE WHEN i % 101 = 0 THEN NULL ELSE i % 50 END FROM n;
CREATE TABLE cfg_blocks(id INTEGER PRIMARY KEY, function_id INTEGER NOT NULL, kind TEXT NOT NULL,
  terminator TEXT NOT NULL, byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL,
  start_line INTEGER NOT NULL, start_col INTEGER NOT NULL, end_line INTEGER NOT NULL,
  end_col INTEGER NOT NULL, cfg_hash TEXT, statements TEXT, coord_x REAL, cfg_condition TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %2)
INSERT INTO cfg_blocks SELECT i, i % 20, 'block', 'goto', i, i + 1, i, 0, i + 1, 4, hex(i * 31),
  '["stmt ' || i || ';"]', i / 8.0, NULL FROM n;
)j")
        .arg(rows)
        .arg(rows / 10)
        .arg(rows / 20);
}

QString generateSource(const QString &path, long long rows, bool optionalTables) {
    fixture::FixtureSpec spec;
    spec.totalRows = rows;
    spec.optionalTables = optionalTables;
    return QString::fromStdString(fixture::generateFixture(path.toStdString(), spec));
}

bool corruptLastPage(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    const qint64 pageSize = 4096;
    file.seek(file.size() - pageSize);
    return file.write(QByteArray(pageSize, char(0xFF))) == pageSize;
}

QString breakOverflowChainOfLastRow(const QString &path) {
    const QString error = createDatabase(
        path,
        QStringLiteral("INSERT INTO cfg_blocks VALUES (999999, 1, 'big', 'goto', 0, 1, 0, 0, 0, "
                       "0, NULL, printf('%.*c', 20000, 'x'), NULL, NULL);"));
    if (!error.isEmpty())
        return error;
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return file.errorString();
    const qint64 pageSize = 4096;
    const qint64 pages = file.size() / pageSize;
    for (const qint64 page : {pages - 3, pages - 2}) { // inside the chain, not its last page
        file.seek(page * pageSize);
        file.write(QByteArray("\xFF\xFF\xFF\xF0", 4)); // "next page" far past the end of the file
    }
    return {};
}

bool copyFolder(const QString &from, const QString &to) {
    if (!QDir().mkpath(to))
        return false;
    for (const QString &name : QDir(from).entryList(QDir::Files | QDir::Hidden))
        if (!QFile::copy(QDir(from).filePath(name), QDir(to).filePath(name)))
            return false;
    return true;
}

} // namespace magellan::test
