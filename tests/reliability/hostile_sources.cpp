#include "hostile_sources.h"

#include "test_database.h"

#include <QFileInfo>

#include <sqlite3.h>

namespace magellan::test {
namespace {

using Entries = std::map<std::string, std::string>;

// The three side tables with their columns and no constraints, so that anything can be put in.
const char *const laxSchema = R"sql(
CREATE TABLE code_chunks(id INTEGER PRIMARY KEY, file_path TEXT, byte_start INTEGER,
  byte_end INTEGER, content TEXT, content_hash TEXT, symbol_name TEXT, symbol_kind TEXT,
  created_at INTEGER);
CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind TEXT, byte_start INTEGER,
  byte_end INTEGER, file_id INTEGER);
CREATE TABLE cfg_blocks(id INTEGER PRIMARY KEY, function_id INTEGER, kind TEXT, terminator TEXT,
  byte_start INTEGER, byte_end INTEGER, start_line INTEGER, start_col INTEGER, end_line INTEGER,
  end_col INTEGER, cfg_hash TEXT, statements TEXT);
)sql";

std::function<QString(const QString &)> withSql(const char *rows, bool lax = true) {
    return [=](const QString &path) {
        return createDatabase(path,
                              QString::fromUtf8(lax ? laxSchema : "") + QString::fromUtf8(rows));
    };
}

QString expectKeys(const Entries &entries, std::initializer_list<const char *> keys) {
    for (const char *key : keys)
        if (!entries.count(key))
            return QStringLiteral("no key %1").arg(QString::fromUtf8(key));
    return {};
}

QString expectValueField(const Entries &entries, const std::string &key, const std::string &field) {
    const auto found = entries.find(key);
    if (found == entries.end())
        return QStringLiteral("no key %1").arg(QString::fromStdString(key));
    if (found->second.find(field) == std::string::npos)
        return QStringLiteral("%1 lacks %2")
            .arg(QString::fromStdString(key), QString::fromStdString(field));
    return {};
}

const char *const textAndRealsInIntegerColumns = R"sql(
-- SQLite keeps 'ten' and 40.5 as they are in an INTEGER column; '70' and 4.0 become integers.
INSERT INTO code_chunks VALUES
  (1, 'src/a.rs', 0, 10, 'carried', 'h1', 'f', 'function', 1700000000),
  (2, 'src/a.rs', 'ten', 20, 'text offset', 'h2', NULL, NULL, 1),
  (3, 'src/a.rs', 30, 40.5, 'real offset', 'h3', NULL, NULL, 1),
  (4, 'src/a.rs', 50, 60, 'text in an unchecked column is kept', 'h4', NULL, NULL, 'yesterday'),
  (5, 'src/a.rs', '70', 80.0, 'integer-looking text is stored as an integer', 'h5', NULL, NULL, 1);
INSERT INTO ast_nodes VALUES
  (1, NULL, 'source_file', 0, 100, 1),
  (2, 1.5, 'real parent', 0, 1, 1),
  (3, 1, 'text offset', 'zero', 1, 1),
  (4, 1, 'text file id', 0, 1, 'one'),
  (5, 1, 'real end', 0, 2.25, 2);
INSERT INTO cfg_blocks VALUES
  (1, 7, 'entry', 'goto', 0, 1, 1, 0, 1, 5, 'c1', '[]'),
  (2, 7, 'body', 'goto', 1, 2, 'two', 0, 2, 5, 'c2', '[]'),
  (3, 7.5, 'exit', 'return', 2, 3, 3, 0, 3, 5, 'c3', '[]'),
  (4, 7, 'loop', 'goto', 3, 4, 4, 0.5, 4, 5, 'c4', '[]');
)sql";

const char *const nullInRequiredColumns = R"sql(
INSERT INTO code_chunks VALUES
  (1, 'src/a.rs', 0, 10, 'carried', 'h1', NULL, NULL, NULL),
  (2, NULL, 0, 10, 'no path', 'h2', NULL, NULL, 1),
  (3, 'src/a.rs', NULL, 10, 'no start', 'h3', NULL, NULL, 1),
  (4, 'src/a.rs', 20, NULL, 'no end', 'h4', NULL, NULL, 1),
  (5, 'src/a.rs', 30, 40, NULL, NULL, NULL, NULL, NULL);
INSERT INTO ast_nodes VALUES
  (1, NULL, 'source_file', NULL, NULL, NULL),
  (2, 1, NULL, 0, 1, 3);
INSERT INTO cfg_blocks VALUES
  (1, NULL, 'entry', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (2, 4, NULL, 'goto', 0, 1, 1, 0, 1, 1, NULL, NULL);
)sql";

const char *const duplicateChunkSpans = R"sql(
-- No UNIQUE(file_path, byte_start, byte_end): the earliest rowid keeps the key.
INSERT INTO code_chunks VALUES
  (1, 'src/a.rs', 0, 10, 'first', 'h1', 'f', 'function', 1),
  (2, 'src/a.rs', 0, 10, 'second, same span', 'h2', 'f', 'function', 2),
  (3, 'src/a.rs', 0, 10, 'third, same span', 'h3', 'f', 'function', 3),
  (4, 'src/a.rs', 0, 11, 'another span', 'h4', NULL, NULL, 4),
  (5, 'src/b.rs', 0, 10, 'same span, another file', 'h5', NULL, NULL, 5),
  (6, 'src/b.rs', '0', '10', 'same span written as text', 'h6', NULL, NULL, 6),
  (8, 'src/c.rs', 5, 6, 'inserted first, higher rowid', 'h8', NULL, NULL, 8),
  (7, 'src/c.rs', 5, 6, 'inserted second, lower rowid', 'h7', NULL, NULL, 7);
INSERT INTO ast_nodes VALUES (1, NULL, 'source_file', 0, 10, 1);
INSERT INTO cfg_blocks VALUES (1, 1, 'entry', 'return', 0, 10, 1, 0, 1, 10, NULL, NULL);
)sql";

const char *const oneFileOf400kNodes = R"sql(
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400000)
INSERT INTO ast_nodes SELECT i, CASE WHEN i > 1 THEN i / 2 END, 'node_kind_' || (i % 37), i * 8,
  i * 8 + 7, 42 FROM n;
INSERT INTO code_chunks VALUES (1, 'src/big.rs', 0, 3200007, 'fn big() {}', 'h', 'big', 'function', 1);
INSERT INTO cfg_blocks VALUES (1, 1, 'entry', 'return', 0, 1, 1, 0, 1, 1, NULL, NULL);
)sql";

const char *const hugeAndNegativeIntegers = R"sql(
-- 9223372036854775808 and -9223372036854775809 do not fit 64 bits: SQLite stores them as REAL.
INSERT INTO code_chunks VALUES
  (-9223372036854775808, 'x.rs', -9223372036854775808, 9223372036854775807, 'extremes', 'h1', NULL, NULL, -1),
  (9223372036854775807, 'x.rs', -5, -1, 'negative span', 'h2', NULL, NULL, 0),
  (3, 'x.rs', 9223372036854775808, 0, 'past 64 bits', 'h3', NULL, NULL, 0),
  (4, 'x.rs', 0, -9223372036854775809, 'below 64 bits', 'h4', NULL, NULL, 0);
INSERT INTO ast_nodes VALUES
  (-9223372036854775808, 9223372036854775807, 'min id', -1, -2, -9223372036854775808),
  (9223372036854775807, NULL, 'max id', 0, 0, 9223372036854775807),
  (-1, -1, 'negative file', -10, -20, -1),
  (0, 0, 'file zero', 0, 0, 0);
INSERT INTO cfg_blocks VALUES
  (-9223372036854775808, -9223372036854775808, 'entry', 'goto', -1, -1, -1, -1, -1, -1, NULL, NULL),
  (9223372036854775807, 9223372036854775807, 'exit', 'return', 9223372036854775807,
   9223372036854775807, 0, 0, 0, 0, NULL, NULL),
  (5, 5, 'huge real', 'goto', 1e300, 0, 0, 0, 0, 0, NULL, NULL);
)sql";

const char *const oddPaths = R"sql(
-- ':' is doubled in keys, so 'a:1' at 2..3 and 'a:1:2' at 3..4 cannot collide.
INSERT INTO code_chunks VALUES
  (1, 'C:\repo\src\main.rs', 0, 10, 'windows', 'h', NULL, NULL, 1),
  (2, 'a:b', 1, 2, 'colon', 'h', NULL, NULL, 1),
  (3, ':', 1, 2, 'only a colon', 'h', NULL, NULL, 1),
  (4, '::', 1, 2, 'two colons', 'h', NULL, NULL, 1),
  (5, 'ends with:', 1, 2, 'trailing colon', 'h', NULL, NULL, 1),
  (6, '', 1, 2, 'empty path', 'h', NULL, NULL, 1),
  (7, 'src/日本語/ファイル.rs', 1, 2, 'non-ASCII', 'h', NULL, NULL, 1),
  (8, 'emoji/🦀.rs', 1, 2, 'four-byte UTF-8', 'h', NULL, NULL, 1),
  (9, 'a:1', 2, 3, 'looks like offsets', 'h', NULL, NULL, 1),
  (10, 'a:1:2', 3, 4, 'looks like more offsets', 'h', NULL, NULL, 1),
  (11, 'a', 1, 2, 'plain', 'h', NULL, NULL, 1),
  (12, 'tab' || char(9) || 'newline' || char(10) || 'quote"', 1, 2, 'control characters', 'h', NULL, NULL, 1),
  (13, '\\server\share\x.rs', 1, 2, 'UNC path', 'h', NULL, NULL, 1);
INSERT INTO ast_nodes VALUES (1, NULL, 'source_file', 0, 10, 1);
INSERT INTO cfg_blocks VALUES (1, 1, 'entry', 'return', 0, 10, 1, 0, 1, 10, NULL, NULL);
)sql";

const char *const invalidUtf8AndBlobs = R"sql(
-- C3 28: a lead byte without its continuation; E6 97: cut short; ED A0 80: a UTF-16 surrogate;
-- C0 AF: an overlong '/'; F4 90 80 80: past U+10FFFF. A path is part of the key: it must be text.
INSERT INTO code_chunks VALUES
  (1, 'src/a.rs', 0, 1, X'00FF10', 'h1', NULL, NULL, 1),
  (2, 'src/a.rs', 1, 2, CAST(X'66C328' AS TEXT), 'h2', NULL, NULL, 1),
  (3, 'src/a.rs', 2, 3, CAST(X'6F6BE697' AS TEXT), CAST(X'EDA080' AS TEXT), X'', NULL, 1),
  (4, X'7372632F622E7273', 0, 1, 'path is a BLOB', 'h4', NULL, NULL, 1),
  (5, CAST(X'7372632FFF2E7273' AS TEXT), 0, 1, 'path is not UTF-8', 'h5', NULL, NULL, 1),
  (6, 'src/a.rs', 3, 4, CAST(X'C0AF' AS TEXT), 'h6', CAST(X'F4908080' AS TEXT), NULL, 1);
INSERT INTO ast_nodes VALUES
  (1, NULL, X'6B696E64FF', 0, 1, 1),
  (2, NULL, CAST(X'E282' AS TEXT), 0, 1, 1);
INSERT INTO cfg_blocks VALUES
  (1, 1, 'entry', X'FE', 0, 1, 1, 0, 1, 1, X'DEADBEEF', CAST(X'5B2280FF225D' AS TEXT));
)sql";

const char *const extraUnknownColumns = R"sql(
-- Columns the contract does not list, odd names, an untyped column, and ast_nodes in odd order.
CREATE TABLE code_chunks(id INTEGER PRIMARY KEY, file_path TEXT, byte_start INTEGER,
  byte_end INTEGER, content TEXT, content_hash TEXT, symbol_name TEXT, symbol_kind TEXT,
  created_at INTEGER, language TEXT, weight REAL, raw BLOB, "odd ""quoted"" name" INTEGER,
  "ünïcödé" TEXT);
CREATE TABLE ast_nodes(file_id INTEGER, kind TEXT, id INTEGER PRIMARY KEY, depth INTEGER,
  parent_id INTEGER, byte_start INTEGER, byte_end INTEGER, note);
CREATE TABLE cfg_blocks(id INTEGER PRIMARY KEY, function_id INTEGER, kind TEXT, terminator TEXT,
  byte_start INTEGER, byte_end INTEGER, start_line INTEGER, start_col INTEGER, end_line INTEGER,
  end_col INTEGER, cfg_hash TEXT, statements TEXT, coord_x REAL, coord_y REAL, coord_z REAL,
  coord_t REAL, cfg_condition TEXT, future_column TEXT, "select" INTEGER);
INSERT INTO code_chunks VALUES
  (1, 'src/a.rs', 0, 10, 'fn a() {}', 'h1', 'a', 'function', 1, 'rust', 0.25, X'0102', 7, 'ü'),
  (2, 'src/a.rs', 10, 20, 'fn b() {}', 'h2', 'b', 'function', 1, NULL, NULL, NULL, NULL, NULL);
INSERT INTO ast_nodes VALUES
  (1, 'source_file', 1, 0, NULL, 0, 20, 'root'),
  (1, 'function_item', 2, 1, 1, 0, 10, 3.5),
  (NULL, 'orphan', 3, 0, NULL, 0, 1, X'FF');
INSERT INTO cfg_blocks VALUES
  (1, 1, 'entry', 'goto', 0, 1, 1, 0, 1, 5, 'c1', '["let x = 1;"]', 0.5, -1.5, 1e-300, 2.0,
   'x > 0', 'later', 1);
)sql";

const char *const namesInOtherCase = R"sql(
-- Tables and columns in the case SQLite ignores: AST_NODES is ast_nodes, File_Path is file_path.
CREATE TABLE CODE_CHUNKS(ID INTEGER PRIMARY KEY, File_Path TEXT, BYTE_START INTEGER,
  Byte_End INTEGER, CONTENT TEXT, content_hash TEXT, Symbol_Name TEXT, symbol_kind TEXT,
  created_at INTEGER, Extra TEXT);
CREATE TABLE AST_NODES(Id INTEGER PRIMARY KEY, PARENT_ID INTEGER, KIND TEXT, BYTE_START INTEGER,
  BYTE_END INTEGER, FILE_ID INTEGER);
CREATE TABLE Cfg_Blocks(ID INTEGER PRIMARY KEY, FUNCTION_ID INTEGER, KIND TEXT, TERMINATOR TEXT,
  BYTE_START INTEGER, BYTE_END INTEGER, START_LINE INTEGER, START_COL INTEGER, END_LINE INTEGER,
  END_COL INTEGER);
INSERT INTO code_chunks VALUES (1, 'src/a.rs', 0, 10, 'fn a() {}', 'h', 'a', 'function', 1, 'x');
INSERT INTO ast_nodes VALUES (1, NULL, 'source_file', 0, 10, 7), (2, 1, 'fn', 0, 9, 7),
  (3, NULL, 'orphan', 0, 1, NULL);
INSERT INTO cfg_blocks VALUES (1, 4, 'entry', 'return', 0, 1, 1, 0, 1, 1);
)sql";

const char *const oddColumnNames = R"sql(
-- A column with the empty name, one with spaces and quotes, generated columns (virtual and
-- stored), and columns named rowid and oid: SQLite's own rowid is the row id.
CREATE TABLE code_chunks(id INTEGER, file_path TEXT, byte_start INTEGER, byte_end INTEGER,
  content TEXT, content_hash TEXT, symbol_name TEXT, symbol_kind TEXT, created_at INTEGER,
  "" TEXT, " a ""b"" " TEXT, rowid TEXT, oid INTEGER, size INTEGER AS (byte_end - byte_start),
  upper_name TEXT AS (upper(symbol_name)) STORED);
CREATE TABLE ast_nodes(id INTEGER, parent_id INTEGER, kind TEXT, byte_start INTEGER,
  byte_end INTEGER, file_id INTEGER, _rowid_ INTEGER, span INTEGER AS (byte_end - byte_start));
CREATE TABLE cfg_blocks(id INTEGER PRIMARY KEY, function_id INTEGER, kind TEXT, terminator TEXT,
  byte_start INTEGER, byte_end INTEGER, start_line INTEGER, start_col INTEGER, end_line INTEGER,
  end_col INTEGER);
INSERT INTO code_chunks(rowid, id, file_path, byte_start, byte_end, content, "", " a ""b"" ", oid)
  VALUES (1, 1, 'src/a.rs', 0, 10, 'a', 'empty-named', 'spaced', 5),
         (2, 2, 'src/a.rs', 0, 10, 'b', 'dup', NULL, 5),
         (3, 3, 'src/b.rs', 3, 4, NULL, NULL, NULL, 9);
UPDATE code_chunks SET rowid = 'not the row id' WHERE id = 1;
INSERT INTO ast_nodes(id, parent_id, kind, byte_start, byte_end, file_id, _rowid_)
  VALUES (1, NULL, 'source_file', 0, 10, 1, 1), (2, 1, 'fn', 0, 4, 1, 1), (3, 1, NULL, 0, 4, 1, 1);
INSERT INTO cfg_blocks VALUES (1, 4, 'entry', 'return', 0, 1, 1, 0, 1, 1);
)sql";

const char *const base64NameTaken = R"sql(
-- content needs repair in row 2, and content_base64 is a column of its own: no value may hold two
-- fields of one name, so that row is rejected; in the reject, the bytes move to row_base64. Names
-- are one to SQLite whatever their ASCII case: KIND_Base64 takes kind_base64.
CREATE TABLE code_chunks(id INTEGER PRIMARY KEY, file_path TEXT, byte_start INTEGER,
  byte_end INTEGER, content TEXT, content_hash TEXT, symbol_name TEXT, symbol_kind TEXT,
  created_at INTEGER, content_base64 TEXT);
CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind TEXT, byte_start INTEGER,
  byte_end INTEGER, file_id INTEGER, KIND_Base64 TEXT);
INSERT INTO ast_nodes VALUES (1, NULL, 'root', 0, 1, 1, 'x'), (2, 1, X'00FF', 0, 1, 1, NULL);
INSERT INTO code_chunks VALUES (1, 'src/a.rs', 0, 1, 'fine', 'h', NULL, NULL, 1, 'own value'),
  (2, 'src/a.rs', 1, 2, X'FF00', 'h', NULL, NULL, 1, 'own value'),
  (3, 'src/a.rs', 2, 3, CAST(X'66FF' AS TEXT), 'h', NULL, NULL, 1, NULL);
)sql";

QString createWithUncheckpointedWal(const QString &path) {
    const QString error = createDatabase(path, QString::fromUtf8(laxSchema) + QStringLiteral(R"sql(
PRAGMA journal_mode=WAL;
INSERT INTO code_chunks VALUES (1, 'src/main.rs', 0, 1, 'checkpointed', 'h', NULL, NULL, 1);
INSERT INTO ast_nodes VALUES (1, NULL, 'source_file', 0, 1, 1);
INSERT INTO cfg_blocks VALUES (1, 1, 'entry', 'return', 0, 1, 1, 0, 1, 1, NULL, NULL);
)sql"));
    if (!error.isEmpty())
        return error;
    // Committed, then closed without the checkpoint that would move the rows into the main file.
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        return QStringLiteral("cannot reopen");
    sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    const int rc = sqlite3_exec(db, R"sql(
PRAGMA wal_autocheckpoint=0;
INSERT INTO code_chunks VALUES (2, 'src/wal.rs', 0, 1, 'only in the -wal file', 'h', NULL, NULL, 1);
INSERT INTO ast_nodes VALUES (2, NULL, 'source_file', 0, 1, 99), (3, 2, 'item', 0, 1, 99);
INSERT INTO cfg_blocks VALUES (2, 99, 'entry', 'return', 0, 1, 1, 0, 1, 1, NULL, NULL);
UPDATE code_chunks SET content = 'changed in the -wal file' WHERE id = 1;
)sql",
                                nullptr, nullptr, nullptr);
    sqlite3_close(db);
    if (rc != SQLITE_OK)
        return QStringLiteral("inserting into the -wal file failed");
    if (QFileInfo(path + QStringLiteral("-wal")).size() == 0)
        return QStringLiteral("no -wal file was left");
    return {};
}

} // namespace

const std::vector<HostileSource> &hostileSources() {
    using T = SourceTable;
    static const std::vector<HostileSource> sources = {
        {QStringLiteral("text and reals in integer columns"),
         withSql(textAndRealsInIntegerColumns),
         {{T::CodeChunks, 2, QStringLiteral("byte_start holds TEXT, expected INTEGER")},
          {T::CodeChunks, 3, QStringLiteral("byte_end holds REAL, expected INTEGER")},
          {T::AstNodes, 2, QStringLiteral("parent_id holds REAL, expected INTEGER")},
          {T::AstNodes, 3, QStringLiteral("byte_start holds TEXT, expected INTEGER")},
          {T::AstNodes, 4, QStringLiteral("file_id holds TEXT, expected INTEGER")},
          {T::AstNodes, 5, QStringLiteral("byte_end holds REAL, expected INTEGER")},
          {T::CfgBlocks, 2, QStringLiteral("start_line holds TEXT, expected INTEGER")},
          {T::CfgBlocks, 3, QStringLiteral("function_id holds REAL, expected INTEGER")},
          {T::CfgBlocks, 4, QStringLiteral("start_col holds REAL, expected INTEGER")}},
         [](const Entries &entries) {
             return expectValueField(entries, "chunk:src/a.rs:50:60",
                                     R"("created_at":"yesterday")");
         }},
        {QStringLiteral("NULL in required columns"),
         withSql(nullInRequiredColumns),
         {{T::CodeChunks, 2, QStringLiteral("NULL in required column file_path")},
          {T::CodeChunks, 3, QStringLiteral("NULL in required column byte_start")},
          {T::CodeChunks, 4, QStringLiteral("NULL in required column byte_end")},
          {T::AstNodes, 2, QStringLiteral("NULL in required column kind")},
          {T::CfgBlocks, 2, QStringLiteral("NULL in required column kind")}},
         [](const Entries &entries) {
             return expectKeys(entries, {"ast:null", "cfg:null"});
         }},
        {QStringLiteral("duplicate chunk spans"),
         withSql(duplicateChunkSpans),
         {{T::CodeChunks, 2,
           QStringLiteral("duplicate key chunk:src/a.rs:0:10: already taken by row 1")},
          {T::CodeChunks, 3,
           QStringLiteral("duplicate key chunk:src/a.rs:0:10: already taken by row 1")},
          {T::CodeChunks, 6,
           QStringLiteral("duplicate key chunk:src/b.rs:0:10: already taken by row 5")},
          {T::CodeChunks, 8,
           QStringLiteral("duplicate key chunk:src/c.rs:5:6: already taken by row 7")}},
         {}},
        {QStringLiteral("one file of 400k AST nodes"),
         withSql(oneFileOf400kNodes),
         {},
         [](const Entries &entries) {
             const auto value = entries.find("ast:42");
             if (value == entries.end() || value->second.size() < 20'000'000)
                 return QStringLiteral("ast:42 is not one value of tens of MB");
             return QString();
         }},
        {QStringLiteral("huge and negative integers"),
         withSql(hugeAndNegativeIntegers),
         {{T::CodeChunks, 3, QStringLiteral("byte_start holds REAL, expected INTEGER")},
          {T::CodeChunks, 4, QStringLiteral("byte_end holds REAL, expected INTEGER")},
          {T::CfgBlocks, 5, QStringLiteral("byte_start holds REAL, expected INTEGER")}},
         [](const Entries &entries) {
             return expectKeys(entries, {"chunk:x.rs:-9223372036854775808:9223372036854775807",
                                         "chunk:x.rs:-5:-1", "ast:-9223372036854775808",
                                         "ast:9223372036854775807", "ast:-1", "ast:0",
                                         "cfg:-9223372036854775808", "cfg:9223372036854775807"});
         }},
        {QStringLiteral("paths with colons, backslashes, non-ASCII, empty"),
         withSql(oddPaths),
         {},
         [](const Entries &entries) {
             return expectKeys(entries, {"chunk:C::\\repo\\src\\main.rs:0:10", "chunk::::1:2",
                                         "chunk::::::1:2", "chunk::1:2", "chunk:a::1:2:3",
                                         "chunk:a::1::2:3:4", "chunk:emoji/🦀.rs:1:2"});
         }},
        {QStringLiteral("invalid UTF-8 and BLOBs in text columns"),
         withSql(invalidUtf8AndBlobs),
         {{T::CodeChunks, 4, QStringLiteral("file_path holds BLOB, expected TEXT")},
          {T::CodeChunks, 5, QStringLiteral("file_path is not valid UTF-8")}},
         [](const Entries &entries) { // U+FFFD for each bad byte
             QString problem =
                 expectValueField(entries, "chunk:src/a.rs:1:2", "\"content\":\"f\xEF\xBF\xBD(\"");
             if (problem.isEmpty())
                 problem = expectValueField(entries, "chunk:src/a.rs:2:3",
                                            "\"content\":\"ok\xEF\xBF\xBD\xEF\xBF\xBD\"");
             return problem;
         }},
        {QStringLiteral("extra unknown columns"),
         withSql(extraUnknownColumns, false),
         {},
         [](const Entries &entries) {
             return expectValueField(entries, "chunk:src/a.rs:0:10",
                                     R"("odd \"quoted\" name":7,"ünïcödé":"ü")");
         }},
        {QStringLiteral("table and column names in another case"),
         withSql(namesInOtherCase, false),
         {},
         [](const Entries &entries) {
             QString problem =
                 expectKeys(entries, {"chunk:src/a.rs:0:10", "ast:7", "ast:null", "cfg:4"});
             if (problem.isEmpty())
                 problem = expectValueField(entries, "chunk:src/a.rs:0:10",
                                            R"({"id":1,"file_path":"src/a.rs","byte_start":0)");
             if (problem.isEmpty())
                 problem = expectValueField(entries, "chunk:src/a.rs:0:10", R"("Extra":"x")");
             return problem;
         }},
        {QStringLiteral("empty, spaced, generated and rowid-named columns"),
         withSql(oddColumnNames, false),
         {{T::CodeChunks, 2,
           QStringLiteral("duplicate key chunk:src/a.rs:0:10: already taken by "
                          "row 1")},
          {T::AstNodes, 3, QStringLiteral("NULL in required column kind")}},
         [](const Entries &entries) {
             QString problem = expectValueField(
                 entries, "chunk:src/a.rs:0:10",
                 R"("":"empty-named"," a \"b\" ":"spaced","rowid":"not the row id","oid":5,)"
                 R"("size":10,"upper_name":null)");
             if (problem.isEmpty())
                 problem = expectValueField(entries, "ast:1", R"("_rowid_":1,"span":10)");
             return problem;
         }},
        {QStringLiteral("a repair whose _base64 name is taken"),
         withSql(base64NameTaken, false),
         {{T::CodeChunks, 2, QStringLiteral("that name is taken by a column")},
          {T::CodeChunks, 3, QStringLiteral("that name is taken by a column")},
          {T::AstNodes, 2, QStringLiteral("kind needs a kind_base64 field")}},
         [](const Entries &entries) {
             QString problem = expectValueField(entries, "reject:code_chunks:2",
                                                R"("row_base64":{"content":"/wA="})");
             if (problem.isEmpty())
                 problem = expectValueField(entries, "reject:code_chunks:2",
                                            R"("content_base64":"own value"})");
             return problem;
         }},
        {QStringLiteral("-wal file with committed rows not checkpointed"),
         createWithUncheckpointedWal,
         {},
         [](const Entries &entries) {
             QString problem = expectKeys(entries, {"chunk:src/wal.rs:0:1", "ast:99", "cfg:99"});
             if (problem.isEmpty())
                 problem = expectValueField(entries, "chunk:src/main.rs:0:1",
                                            R"("content":"changed in the -wal file")");
             return problem;
         }},
    };
    return sources;
}

} // namespace magellan::test
