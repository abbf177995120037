<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message>
        <source>not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ checksum differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ counts differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{%n field(s)}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n element(s)]</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Migration record&lt;/h3&gt;&lt;table cellspacing=4&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checksums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ equal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Rejected row&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Reason:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Column:&lt;/b&gt; %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary-looking: UTF-8 with control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text, not JSON</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::BrowserWindow</name>
    <message>
        <source>All keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chunk: code chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ast: syntax trees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cfg: control-flow blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reject: rejected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meta: migration record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>execlog: execution log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metrics: file and symbol metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the store is in use by another process (pid %2); close it there first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — KV browser — magellan-kv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to a key or prefix, e.g. chunk:src/main.rs  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the keys of one namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;Source Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Value…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store %1 · no source database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store %1 · source %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key at or after “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key starts with “%1”; showing the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer in the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No value is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>magellan databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::ComparisonModel</name>
    <message>
        <source>not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite rows = KV records + rejected: %1
keys = carried groups: %2
checksums: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KV keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KV records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::JsonTreeModel</name>
    <message>
        <source>(value)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::KeyTreeModel</name>
    <message>
        <source>counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⋯ earlier entries (scroll up or double-click to list them)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Store in KV Browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About magellan-kv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open magellan database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>magellan databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open RocksDB store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% migrating — </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About magellan-kv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;magellan-kv %1&lt;/h3&gt;&lt;p&gt;Moves the side tables of a magellan index (code_chunks, ast_nodes, cfg_blocks) from SQLite into a RocksDB store, reads the store back and shows that nothing was lost.&lt;/p&gt;&lt;p&gt;KV format version 1. Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::MigrationPanel</name>
    <message>
        <source>The new store is complete. Nothing is written to %1 until you answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short keys, as the seed tool writes them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys like ast:{file_id} and cfg:{function_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys that name their kind, as magellan reads them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys like ast:file:{file_id} and cfg:func:{function_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read the store back and compare it with the source before publishing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder for the new RocksDB store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the new RocksDB store; a relative path is taken beside the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the destination folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Migrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrate (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a row, or press Enter, to open it in the KV browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report as &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report as C&amp;SV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in KV &amp;browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count comparison (read back from the store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;No database open&lt;/h3&gt;&lt;p&gt;Open a magellan index (&lt;b&gt;File › Open&lt;/b&gt;, Ctrl+O) or drop a &lt;tt&gt;.db&lt;/tt&gt; file on this window. Its side tables are moved into a RocksDB store, and the store is read back and compared with the source.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;%2 &amp;middot; %3 &amp;middot; modified %4 &amp;middot; schema version %5 &amp;middot; journal mode %6&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready. Check the tables to migrate, then press Migrate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A store is already here, written %1. Migrating replaces it once the new one is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A store is already here (it has no migration record). Migrating replaces it once the new one is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A store is already here and another program has it open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something that is not a store is already here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store at %1 is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to migrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for the new store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the existing store?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists.

Replace it? The old store is kept until the new one is complete and verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrating into %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1 into %2 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the store back and comparing it with the source …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop now? The store already at %1 stays unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop now? Nothing will be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the migration?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop migrating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep going</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No row was rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rejected row(s), each kept in the store under reject:{table}:{rowid}:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Written, not verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store was published without reading it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Every table verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deep check: the checksum of every row, computed from SQLite and from the decoded store, is equal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Verification failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The store was not published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped: nothing written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no report to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::RecentMenu</name>
    <message>
        <source>&amp;Clear Recent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::RejectedRowsModel</name>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::SavedFileNotice</name>
    <message>
        <source>Open &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::TableProgressGrid</name>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space checks or unchecks the table to migrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional table: migrated when checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side table: migrated unless unchecked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not migrated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written, verifying next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped: nothing written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written, not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>magellan::ValueInspector</name>
    <message>
        <source>JSON tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syntax tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source ↔ store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records compared with the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite (re-encoded by the migrator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KV store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a key to see its value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoding %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Cannot show it as its kind:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Cannot read it as JSON:&lt;/b&gt; %1. It is shown as bytes.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content_hash %1 (not a known hash length; not checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ content_hash matches the text (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ content_hash does not match the text (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>symbol %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>symbol %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text had bytes that are not UTF-8; they show as �, the exact bytes are in content_base64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source text</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n node(s), %1 root(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 with a parent outside this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;AST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;FG blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ecord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rejected row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row as f&amp;ound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Migration record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all of the formatted text (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON &amp;tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare with source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the source rows …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1 (from graph_entities)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ %1 of %2 records match their source rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ %1 of %2 records match their source rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ not in the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ not in the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No source database is known for this store. Choose one with File › Choose Source Database…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
